import { Worker } from 'node:worker_threads';
import { FileLinter, workspaceOf, type FileOutcome, type LintSettings, type SourceFile } from './file-linter.js';
import { threadCount } from './threads.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

/**
 * Lints the CLI's files, in worker threads too when the library is large.
 * Workers are started before the files are read, so their engine load
 * overlaps this thread's reading; each builds its own configuration loader
 * from the same settings, receives every file and fingerprints all of them
 * (the same workspace index for duplicate-macro as in one thread), then lints
 * the batches it is handed. Results come back in file order, so the output
 * is the same, byte for byte, as a lint in one thread.
 *
 * Why each worker fingerprints the whole library rather than being sent the
 * fingerprints: cloning 2,000 fingerprints into a worker cost more than
 * computing them there (≈ 0.7 s against ≈ 0.3 s), and the workers do it at
 * the same time.
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

  constructor(settings: LintSettings) {
    this.thread = new Worker(new URL('./lint-worker.js', import.meta.url), { workerData: settings });
    this.thread.unref();
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

/**
 * The workers and this thread lint together: this thread has the engine
 * loaded already, so it starts at once while the workers boot, and one worker
 * fewer is one engine, dictionary and fingerprint pass fewer to pay for.
 * Threads finish what they were given, even after a file could not be written.
 */
async function lintWithWorkers(files: SourceFile[], settings: LintSettings, workers: LintWorker[]): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = new Array(files.length);
  const threads = workers.length + 1;
  let next = 0;
  // Batches shrink as the files run out (a share of what is left), so the threads finish together.
  const take = (most: number): [number, number] | undefined => {
    if (next >= files.length) return undefined;
    const size = Math.max(1, Math.min(most, Math.floor((files.length - next) / (threads * 4))));
    const start = next;
    next = Math.min(files.length, next + size);
    return [start, next];
  };
  let failure: Error | undefined;
  try {
    for (const { thread } of workers) {
      thread.ref();
      thread.postMessage({ type: 'files', files } satisfies ToWorker);
    }

    // Batches handed out as workers free up, so a few long files do not leave one thread
    // behind; two batches in flight, so a worker never waits for this thread to get round
    // to giving it more.
    const workersDone = Promise.all(workers.map(({ thread, stopped }) => new Promise<void>((resolve, reject) => {
      let inFlight = 0;
      const send = () => {
        const range = failure ? undefined : take(16);
        if (!range) {
          if (inFlight === 0) resolve();
          return;
        }
        inFlight++;
        thread.postMessage({ type: 'batch', start: range[0], end: range[1] } satisfies ToWorker);
      };
      thread.on('message', (message: FromWorker) => {
        if (message.type === 'failed') return reject(new Error(message.message));
        inFlight--;
        message.outcomes.forEach((outcome, i) => (outcomes[message.start + i] = outcome));
        send();
      });
      stopped.catch(reject);
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
    await Promise.all(workers.map(({ thread }) => thread.terminate()));
  }
}
