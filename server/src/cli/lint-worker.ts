/**
 * A CLI lint worker's entry (started by workers.ts): receives every file,
 * fingerprints them all for duplicate-macro, then lints the batches it is
 * handed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { FileLinter, workspaceOf, type LintSettings, type SourceFile } from './file-linter.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

const settings = workerData as LintSettings;
let files: SourceFile[] = [];
let linter: FileLinter | undefined;

parentPort!.on('message', (message: ToWorker) => {
  try {
    if (message.type === 'files') {
      files = message.files;
      linter = new FileLinter(settings, workspaceOf(files));
      return;
    }
    const outcomes = files.slice(message.start, message.end).map((file) => linter!.lint(file));
    parentPort!.postMessage({ type: 'done', start: message.start, outcomes } satisfies FromWorker);
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', message: (error as Error)?.stack ?? String(error) } satisfies FromWorker);
  }
});
