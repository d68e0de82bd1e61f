import type { FileOutcome, SourceFile } from './file-linter.js';
import type { EncodedFingerprint } from './fingerprint-transfer.js';

/** Fingerprints of the files from `start` on, in order. */
export interface FingerprintRun {
  start: number;
  fingerprints: EncodedFingerprint[];
}

/**
 * What the CLI's main thread sends a lint worker (its settings come as
 * `workerData`): every file, then ranges of them to fingerprint, then the
 * fingerprints the other threads took (the workspace is then complete), then
 * ranges to lint.
 */
export type ToWorker =
  | { type: 'files'; files: SourceFile[] }
  | { type: 'fingerprint'; start: number; end: number }
  | { type: 'workspace'; runs: FingerprintRun[] }
  | { type: 'lint'; start: number; end: number };

/** What a lint worker says: that it has booted, then its answers. */
export type FromWorker =
  | { type: 'ready' }
  | ({ type: 'fingerprinted' } & FingerprintRun)
  | { type: 'linted'; start: number; outcomes: FileOutcome[] }
  | { type: 'failed'; message: string };
