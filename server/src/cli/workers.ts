import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { lint } from '../engine/lint.js';
import { fixText } from '../engine/fix.js';
import { fingerprint, type WorkspaceIndex } from '../engine/duplicates.js';
import type { ConfigError, ConfigFile } from '../engine/config.js';
import { rules, ruleIds } from '../rules/index.js';
import { ConfigLoader } from '../node/config-loader.js';
import { writeFileAtomic } from '../node/safe-write.js';
import { toEslintResult, type EslintResult, type LintedFile } from './results.js';

/**
 * Lints the CLI's files, in worker threads too when the library is large. Each
 * worker loads the engine once, builds its own configuration loader from the
 * same options, receives every file and fingerprints all of them (the same
 * workspace index for duplicate-macro as in one thread), then lints the
 * batches it is handed; results come back in file order, so the output is the
 * same, byte for byte, as a lint in one thread.
 *
 * Why each worker fingerprints the whole library rather than being sent the
 * fingerprints: cloning 2,000 fingerprints into a worker cost more than
 * computing them there (≈ 0.7 s against ≈ 0.3 s), and the workers do it at
 * the same time.
 */

/** Below this many files, starting workers (≈ one engine load each) costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

/** What every file is linted with: plain data, so it can be sent to a worker. */
export interface LintSettings {
  /** `--rule` overrides. */
  overrides: ConfigFile;
  /** `--config`. */
  explicitFile?: string;
  /** Compute fixes (`--fix` or `--fix-dry-run`). */
  fix: boolean;
  /** Write the fixed text back (`--fix`). */
  write: boolean;
  /** Keep errors only (`--quiet`). */
  quiet: boolean;
}

export interface SourceFile {
  file: string;
  source: string;
}

export interface FileOutcome {
  result: EslintResult;
  /** Problems of the configuration that applies to the file (the caller reports each once). */
  configErrors: ConfigError[];
  /** Set when `--fix` could not write the file; the file's result is then not to be trusted. */
  writeError?: string;
}

/** Lints one file: the CLI's per-file work, the same in the main thread and in a worker. */
export class FileLinter {
  private readonly loader: ConfigLoader;

  constructor(private readonly settings: LintSettings, private readonly workspace: WorkspaceIndex) {
    this.loader = new ConfigLoader({
      knownRules: ruleIds,
      overrides: settings.overrides,
      ...(settings.explicitFile ? { explicitFile: settings.explicitFile } : {}),
    });
  }

  lint({ file, source }: SourceFile): FileOutcome {
    const { config, errors } = this.loader.forFile(file);
    const lintText = (text: string) => lint(text, { rules, config, filePath: file, workspace: this.workspace }).findings;
    const linted: LintedFile = { filePath: file, source, findings: lintText(source) };
    let writeError: string | undefined;
    if (this.settings.fix && linted.findings.some((f) => f.suggestions.length > 0)) {
      const fixed = fixText(source, lintText);
      if (fixed.output !== source) {
        if (this.settings.write) {
          try {
            // Not over text the writer saved after it was read (an editor, another run).
            writeFileAtomic(file, fixed.output, { expected: source });
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            writeError = `cannot write "${file}": ${code === 'ECHANGED' ? (error as Error).message : code ?? (error as Error).message}`;
          }
        }
        linted.source = fixed.output;
        linted.findings = lintText(fixed.output);
        linted.output = fixed.output;
      }
    }
    if (this.settings.quiet) linted.findings = linted.findings.filter((f) => f.severity === 'error');
    return { result: toEslintResult(linted), configErrors: errors, ...(writeError ? { writeError } : {}) };
  }
}

/** How many threads lint `count` files: `threads` if given, else one per core for a large library. */
export function threadCount(count: number, threads?: number): number {
  const wanted = threads ?? (count >= PARALLEL_MIN_FILES ? availableParallelism() : 1);
  // A worker with fewer than a few dozen files spends most of its life loading the engine.
  return Math.max(1, Math.min(wanted, Math.ceil(count / 25)));
}

/**
 * Lints `files` with `settings` in `threads` threads (this one and workers);
 * the outcomes are in the order of `files`. With one thread it stops after
 * the first file it cannot write, as a plain loop would; threads finish what
 * they were given.
 */
export async function lintFiles(files: SourceFile[], settings: LintSettings, threads?: number): Promise<FileOutcome[]> {
  const count = threadCount(files.length, threads);
  if (count <= 1) {
    const linter = new FileLinter(settings, workspaceOf(files));
    const outcomes: FileOutcome[] = [];
    for (const file of files) {
      const outcome = linter.lint(file);
      outcomes.push(outcome);
      if (outcome.writeError) break;
    }
    return outcomes;
  }
  return lintInWorkers(files, settings, count);
}

function workspaceOf(files: SourceFile[]): WorkspaceIndex {
  return { macros: files.map(({ file, source }) => fingerprint(file, source)) };
}

// ---------------------------------------------------------------- the pool

type ToWorker =
  | { type: 'init'; settings: LintSettings; files: SourceFile[] }
  | { type: 'batch'; start: number; end: number };

type FromWorker =
  | { type: 'done'; start: number; outcomes: FileOutcome[] }
  | { type: 'failed'; message: string };

const WORKER_MARK = 'tactful-lint-worker';

/**
 * `threads − 1` workers and this thread lint together: this thread has the
 * engine loaded already, so it starts at once while the workers boot, and one
 * worker fewer is one engine, dictionary and fingerprint pass fewer to pay for.
 */
async function lintInWorkers(files: SourceFile[], settings: LintSettings, threads: number): Promise<FileOutcome[]> {
  const workers = Array.from({ length: threads - 1 }, () => new Worker(new URL(import.meta.url), { workerData: { mark: WORKER_MARK } }));
  const outcomes: FileOutcome[] = new Array(files.length);
  let next = 0;
  const take = (size: number): [number, number] | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + size);
    return [start, next];
  };
  let failure: Error | undefined;
  try {
    for (const worker of workers) worker.postMessage({ type: 'init', settings, files } satisfies ToWorker);

    // Small batches handed out as workers free up, so a few long files do not leave one
    // thread behind; two batches in flight, so a worker never waits for this thread to
    // get round to giving it more.
    const batchSize = Math.max(1, Math.min(16, Math.ceil(files.length / (threads * 8))));
    const workersDone = Promise.all(workers.map((worker) => new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        const range = failure ? undefined : take(batchSize);
        if (!range) {
          if (inFlight === 0) resolve();
          return;
        }
        inFlight++;
        worker.postMessage({ type: 'batch', start: range[0], end: range[1] } satisfies ToWorker);
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'failed') return reject(new Error(message.message));
        inFlight--;
        message.outcomes.forEach((outcome, i) => (outcomes[message.start + i] = outcome));
        send();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`a lint worker stopped (exit code ${code})`)));
      send();
      send();
    })));
    workersDone.catch((error: Error) => (failure ??= error));

    // This thread's share, a few files at a time, giving the workers' messages a turn in between.
    const linter = new FileLinter(settings, workspaceOf(files));
    for (let range = take(4); range && !failure; range = take(4)) {
      for (let i = range[0]; i < range[1]; i++) outcomes[i] = linter.lint(files[i]!);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await workersDone;
    return outcomes;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function serveAsWorker(): void {
  let linter: FileLinter | undefined;
  let files: SourceFile[] = [];
  parentPort!.on('message', (message: ToWorker) => {
    try {
      if (message.type === 'init') {
        files = message.files;
        linter = new FileLinter(message.settings, workspaceOf(files));
        return;
      }
      const outcomes = files.slice(message.start, message.end).map((file) => linter!.lint(file));
      parentPort!.postMessage({ type: 'done', start: message.start, outcomes } satisfies FromWorker);
    } catch (error) {
      parentPort!.postMessage({ type: 'failed', message: (error as Error)?.stack ?? String(error) } satisfies FromWorker);
    }
  });
}

if (!isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) serveAsWorker();
