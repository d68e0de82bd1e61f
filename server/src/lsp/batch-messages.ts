import type { ResolvedConfig } from '../engine/config.js';
import type { Finding } from '../engine/types.js';

/** What the language server sends its batch lint worker: each configuration once, then texts to lint under one. */
export type ToBatchWorker =
  | { type: 'config'; id: number; config: ResolvedConfig }
  | { type: 'lint'; id: number; configId: number; text: string };

/** The worker's answer to one lint. */
export type FromBatchWorker =
  | { type: 'linted'; id: number; findings: Finding[] }
  | { type: 'failed'; id: number; message: string };

/** What the batch lint worker is started with, so that the extension bundle knows to run the worker. */
export const BATCH_WORKER_DATA = { tactful: 'batch-worker' } as const;
