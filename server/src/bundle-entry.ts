/**
 * The extension bundle's entry (scripts/package.mjs): one file for the
 * language server and for its batch lint worker (lsp/batch-linter.ts), which
 * starts the bundle again as a worker thread, so the engine and the
 * dictionaries ship once.
 */
import { isMainThread, workerData } from 'node:worker_threads';
import { BATCH_WORKER_DATA } from './lsp/batch-messages.js';

const role = !isMainThread && (workerData as typeof BATCH_WORKER_DATA | undefined)?.tactful === BATCH_WORKER_DATA.tactful ? 'batch-worker' : 'server';
void (role === 'batch-worker' ? import('./lsp/batch-worker.js') : import('./server.js'));
