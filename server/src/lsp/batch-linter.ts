/**
 * Lints bursts of documents in a worker thread that exits when the burst is
 * over.
 *
 * Opening a folder's worth of macros (or changing a setting with many open)
 * asks for hundreds of lints at once. Linted here, each leaves a few MB of
 * parse trees; V8 promotes most of them to the old generation before they
 * die and sizes that generation for the burst, so the server stayed at 3–4
 * times the memory it needs for as long as it ran (docs/performance.md,
 * section 9). A worker's heap is given back whole when it exits, and the
 * burst runs beside this thread, which stays free for the editor's requests.
 * A lint in the worker gives exactly the findings a lint here gives: the same
 * engine, rules and configuration.
 *
 * Lints of documents being worked on (edited, hovered, fixed) never come
 * here: they need the whole analysis, and a worker's start (loading the
 * engine, about half a second) would only delay them.
 */
import { Worker } from 'node:worker_threads';
import type { ResolvedConfig } from '../engine/config.js';
import type { Finding } from '../engine/types.js';
import { BATCH_WORKER_DATA, type FromBatchWorker, type ToBatchWorker } from './batch-messages.js';

export interface BatchLinterOptions {
  /** Lints asked for within `windowMs` that make a burst. */
  burst: number;
  windowMs: number;
  /** The worker exits once it has had nothing to do for this long. */
  idleMs: number;
}

export const DEFAULT_BATCH_OPTIONS: BatchLinterOptions = { burst: 24, windowMs: 1000, idleMs: 1000 };

interface Job {
  resolve: (findings: Finding[]) => void;
  reject: (error: Error) => void;
}

export class BatchLinter {
  private worker?: Worker;
  private readonly jobs = new Map<number, Job>();
  private nextJob = 0;
  /** Configurations the current worker has, by identity (a lint's configuration is resolved once per generation). */
  private configIds = new WeakMap<ResolvedConfig, number>();
  private nextConfig = 0;
  /** When recent lints were asked for, oldest first, at most `burst` of them. */
  private readonly asked: number[] = [];
  private idleTimer?: NodeJS.Timeout;
  /** Lints the current worker has done. */
  private linted = 0;

  constructor(
    /** batch-worker.js, or a bundle that runs it when started with `BATCH_WORKER_DATA`. */
    private readonly workerUrl: URL,
    private readonly options: BatchLinterOptions = DEFAULT_BATCH_OPTIONS,
    /** Told when a worker starts and stops, for the server's log. */
    private readonly onLifecycle: (event: 'started' | 'stopped', linted: number) => void = () => undefined,
  ) {}

  /**
   * Notes that a document nobody works in is waiting for a lint (it was
   * opened, or settings changed). Counted when asked for, not when linted:
   * the server lints one document at a time, so slow lints would otherwise
   * hide the burst they are part of.
   */
  note(now = performance.now()): void {
    this.asked.push(now);
    if (this.asked.length > this.options.burst) this.asked.shift();
  }

  /** Whether the next lint of a document nobody works in goes to the worker: while one runs, or in a burst. */
  wants(): boolean {
    if (this.worker) return true;
    return this.asked.length >= this.options.burst && this.asked.at(-1)! - this.asked[0]! <= this.options.windowMs;
  }

  /** Whether a worker is running (for tests). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** The findings of `text` under `config`, linted in the worker. Rejects if the worker fails. */
  lint(text: string, config: ResolvedConfig): Promise<Finding[]> {
    const worker = this.worker ?? this.start();
    clearTimeout(this.idleTimer);
    let configId = this.configIds.get(config);
    if (configId === undefined) {
      configId = this.nextConfig++;
      this.configIds.set(config, configId);
      worker.postMessage({ type: 'config', id: configId, config } satisfies ToBatchWorker);
    }
    const id = this.nextJob++;
    worker.postMessage({ type: 'lint', id, configId, text } satisfies ToBatchWorker);
    return new Promise<Finding[]>((resolve, reject) => this.jobs.set(id, { resolve, reject }));
  }

  /** Stops the worker now; lints under way reject. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.retire(new Error('the batch linter was stopped'));
    await worker.terminate();
  }

  private start(): Worker {
    // A young generation large enough that a lint's trees die in it: the burst runs about a sixth
    // faster (2,000 macros: 12.7-13.7 s against 15.7-16.2 s), and the worker's heap goes when it exits.
    const worker = new Worker(this.workerUrl, { workerData: BATCH_WORKER_DATA, resourceLimits: { maxYoungGenerationSizeMb: 96 } });
    // The worker never keeps the server alive: an editor that ends the server ends it.
    worker.unref();
    this.worker = worker;
    this.linted = 0;
    this.configIds = new WeakMap();
    this.onLifecycle('started', 0);
    worker.on('message', (message: FromBatchWorker) => {
      const job = this.jobs.get(message.id);
      if (!job) return;
      this.jobs.delete(message.id);
      if (message.type === 'linted') {
        this.linted++;
        job.resolve(message.findings);
      } else {
        job.reject(new Error(message.message));
      }
      if (this.jobs.size === 0) this.idleTimer = setTimeout(() => void this.exitIdle(worker), this.options.idleMs);
    });
    worker.once('error', (error) => {
      if (this.worker === worker) this.retire(error);
    });
    worker.once('exit', (code) => {
      if (this.worker === worker) this.retire(new Error(`the batch lint worker stopped (exit code ${code})`));
    });
    return worker;
  }

  private async exitIdle(worker: Worker): Promise<void> {
    if (this.worker !== worker || this.jobs.size > 0) return;
    this.retire(new Error('the batch lint worker stopped'));
    await worker.terminate();
  }

  /** Forgets the current worker; its unfinished lints reject with `error` (their callers lint here instead). */
  private retire(error: Error): void {
    clearTimeout(this.idleTimer);
    this.worker = undefined;
    this.asked.length = 0;
    const jobs = [...this.jobs.values()];
    this.jobs.clear();
    for (const job of jobs) job.reject(error);
    this.onLifecycle('stopped', this.linted);
  }
}
