import { Worker } from 'node:worker_threads';
import { fingerprint, type MacroFingerprint } from '../engine/duplicates.js';
import { FileLinter, workspaceOf, type FileOutcome, type LintSettings, type SourceFile } from './file-linter.js';
import { decodeFingerprint, encodeFingerprint, type EncodedFingerprint } from './fingerprint-transfer.js';
import { threadCount } from './threads.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/**
 * Lints the CLI's files, in worker threads too when the library is large.
 * Workers are started before the files are read, so their engine load
 * overlaps this thread's reading; each builds its own configuration loader
 * from the same settings and receives every file. The threads share out the
 * fingerprints of the workspace index duplicate-macro needs (the same index
 * as in one thread) and the lint itself (see lintWithWorkers). Results come
 * back in file order, so the output is the same, byte for byte, as a lint in
 * one thread.
 */
export interface Linting {
  /** Lints `files`; the outcomes are in their order. Call once. */
  lint(files: SourceFile[]): Promise<FileOutcome[]>;
}

/**
 * Gets ready to lint about `expected` files with `settings` in `threads`
 * threads (this one and workers): the workers start loading now.
 */
export function startLinting(expected: number, settings: LintSettings, threads?: number): Linting {
  const count = threadCount(expected, threads);
  if (count <= 1) return { lint: async (files) => lintHere(files, settings) };
  const workers = Array.from({ length: count - 1 }, () => new LintWorker(settings));
  return { lint: (files) => lintWithWorkers(files, settings, workers) };
}

/**
 * A worker thread running lint-worker.js (next to this module, in server/out/cli/
 * and in the bundle alike). It does not keep the process alive until it is given
 * work, so a run that ends before linting (a usage error) does not wait for it.
 */
class LintWorker {
  readonly thread: Worker;
  /** Rejects when the thread fails or exits; it never resolves. */
  readonly stopped: Promise<never>;
  /** Whether the worker has loaded the engine and takes work at once. */
  ready = false;
  /** Called once the worker is ready. */
  onReady?: () => void;
  /** Everything the worker says after it is ready. */
  onMessage?: (message: Exclude<FromWorker, { type: 'ready' }>) => void;

  constructor(settings: LintSettings) {
    this.thread = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: settings });
    this.thread.unref();
    this.thread.on('message', (message: FromWorker) => {
      if (message.type !== 'ready') return this.onMessage?.(message);
      this.ready = true;
      this.onReady?.();
    });
    this.stopped = new Promise<never>((_, reject) => {
      this.thread.once('error', reject);
      this.thread.once('exit', (code) => reject(new Error(`a lint worker stopped (exit code ${code})`)));
    });
    this.stopped.catch(() => undefined); // Reported by lint(), if it is called.
  }
}

/** One thread: stops after the first file it cannot write, as a plain loop would. */
function lintHere(files: SourceFile[], settings: LintSettings): FileOutcome[] {
  const linter = new FileLinter(settings, workspaceOf(files));
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const outcome = linter.lint(file);
    outcomes.push(outcome);
    if (outcome.writeError) break;
  }
  return outcomes;
}

/** Files per range handed out to fingerprint and then to lint: small, so the threads finish together. */
const RANGE = 16;

/** A range of files, and the thread that took their fingerprints: 0 this one, 1… the workers. */
interface Range {
  start: number;
  end: number;
  owner: number;
  /** Its fingerprints, encoded for the threads that did not take them. */
  encoded?: EncodedFingerprint[];
}

/**
 * The workers and this thread lint together, in two phases. First they take
 * the files' fingerprints, a range at a time, and exchange them, so that each
 * has the whole workspace index for duplicate-macro without fingerprinting
 * the whole library itself. Then they lint, each starting with the ranges it
 * fingerprinted (the engine reuses a fingerprint it took for the file it
 * lints), then taking over the others' last ranges. This thread has the
 * engine loaded already, so it starts at once while the workers boot, and one
 * worker fewer is one engine and dictionary load fewer to pay for. Threads
 * finish what they were given, even after a file could not be written.
 */
async function lintWithWorkers(files: SourceFile[], settings: LintSettings, workers: LintWorker[]): Promise<FileOutcome[]> {
  const ranges: Range[] = [];
  for (let start = 0; start < files.length; start += RANGE) ranges.push({ start, end: Math.min(files.length, start + RANGE), owner: -1 });
  const rangeAt = (start: number) => ranges[start / RANGE]!;
  const macros: MacroFingerprint[] = new Array(files.length);
  const outcomes: FileOutcome[] = new Array(files.length);
  let failure: Error | undefined;

  let unassigned = 0;
  const toFingerprint = (thread: number): Range | undefined => {
    if (failure || unassigned >= ranges.length) return undefined;
    const range = ranges[unassigned++]!;
    range.owner = thread;
    return range;
  };
  let fingerprinted = 0;
  let allFingerprinted!: () => void;
  const fingerprintsDone = new Promise<void>((resolve) => (allFingerprinted = resolve));
  const rangeFingerprinted = () => {
    if (++fingerprinted === ranges.length) allFingerprinted();
  };
  if (ranges.length === 0) allFingerprinted();

  // Filled once every range is fingerprinted: each thread's own ranges, in file order.
  const queues: Range[][] = Array.from({ length: workers.length + 1 }, () => []);
  const toLint = (thread: number): Range | undefined => {
    if (failure) return undefined;
    const own = queues[thread]!.shift();
    if (own) return own;
    const longest = queues.reduce((a, b) => (b.length > a.length ? b : a));
    return longest.pop();
  };

  try {
    const drivers = workers.map((worker, index) => {
      const { thread, stopped } = worker;
      const id = index + 1;
      thread.ref();
      thread.postMessage({ type: 'files', files } satisfies ToWorker);
      let inFlight = 0;
      let linting = false;
      let finished!: () => void;
      const done = new Promise<void>((resolve, reject) => {
        finished = resolve;
        stopped.catch(reject);
        worker.onMessage = (message) => {
          if (message.type === 'failed') return reject(new Error(message.message));
          inFlight--;
          if (message.type === 'fingerprinted') {
            rangeAt(message.start).encoded = message.fingerprints;
            message.fingerprints.forEach((encoded, i) => (macros[message.start + i] = decodeFingerprint(encoded)));
            rangeFingerprinted();
            fingerprintNext();
          } else {
            message.outcomes.forEach((outcome, i) => (outcomes[message.start + i] = outcome));
            lintNext();
          }
        };
      });
      const fingerprintNext = () => {
        const range = toFingerprint(id);
        if (!range) return;
        inFlight++;
        thread.postMessage({ type: 'fingerprint', start: range.start, end: range.end } satisfies ToWorker);
      };
      const lintNext = () => {
        const range = toLint(id);
        if (!range) {
          if (inFlight === 0) finished();
          return;
        }
        inFlight++;
        thread.postMessage({ type: 'lint', start: range.start, end: range.end } satisfies ToWorker);
      };
      // Work goes to a worker only once it has booted, so nobody waits for a worker still
      // loading; then two requests in flight, so it never waits for this thread to get
      // round to giving it more.
      const takeWork = () => {
        const next = linting ? lintNext : fingerprintNext;
        next();
        next();
      };
      if (worker.ready) takeWork();
      else worker.onReady = takeWork;
      return {
        done,
        startLinting() {
          const runs = ranges.filter((range) => range.owner !== id).map((range) => ({ start: range.start, fingerprints: range.encoded! }));
          thread.postMessage({ type: 'workspace', runs } satisfies ToWorker);
          linting = true;
          if (worker.ready) takeWork();
        },
        /** After this thread's last file: a worker that never got work is done. */
        settle() {
          if (inFlight === 0) finished();
        },
      };
    });
    const workersDone = Promise.all(drivers.map((driver) => driver.done));
    workersDone.catch((error: Error) => (failure ??= error));
    const turn = () => new Promise((resolve) => setImmediate(resolve));

    // Phase 1: this thread's share of the fingerprints, giving the workers' messages a turn in between.
    for (let range = toFingerprint(0); range; range = toFingerprint(0)) {
      for (let i = range.start; i < range.end; i++) macros[i] = fingerprint(files[i]!.file, files[i]!.source);
      rangeFingerprinted();
      await turn();
    }
    await Promise.race([fingerprintsDone, workersDone]);
    for (const range of ranges) {
      if (range.owner === 0) range.encoded = macros.slice(range.start, range.end).map(encodeFingerprint);
      queues[range.owner]!.push(range);
    }

    // Phase 2: lint, this thread a few files at a time.
    for (const driver of drivers) driver.startLinting();
    const linter = new FileLinter(settings, { macros });
    for (let range = toLint(0); range; range = toLint(0)) {
      for (let i = range.start; i < range.end && !failure; i++) {
        outcomes[i] = linter.lint(files[i]!);
        if ((i - range.start) % 4 === 3) await turn();
      }
      await turn();
    }
    for (const driver of drivers) driver.settle();
    await workersDone;
    return outcomes;
  } finally {
    await Promise.all(workers.map(({ thread }) => thread.terminate()));
  }
}
