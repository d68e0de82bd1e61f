import type { FileOutcome, SourceFile } from './file-linter.js';

/** What the CLI's main thread sends a lint worker (its settings come as `workerData`). */
export type ToWorker =
  | { type: 'files'; files: SourceFile[] }
  | { type: 'batch'; start: number; end: number };

/** What a lint worker answers. */
export type FromWorker =
  | { type: 'done'; start: number; outcomes: FileOutcome[] }
  | { type: 'failed'; message: string };
