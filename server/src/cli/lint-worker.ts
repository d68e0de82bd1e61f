/**
 * A CLI lint worker's entry (started by workers.ts): receives every file,
 * fingerprints the ranges it is given, completes the workspace index with the
 * fingerprints the other threads took, then lints the ranges it is handed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { fingerprint, type MacroFingerprint } from '../engine/duplicates.js';
import { FileLinter, type LintSettings, type SourceFile } from './file-linter.js';
import { decodeFingerprint, encodeFingerprint } from './fingerprint-transfer.js';
import type { FromWorker, ToWorker } from './worker-messages.js';

const settings = workerData as LintSettings;
let files: SourceFile[] = [];
let macros: MacroFingerprint[] = [];
let linter: FileLinter | undefined;

function handle(message: ToWorker): FromWorker | undefined {
  switch (message.type) {
    case 'files':
      files = message.files;
      macros = new Array(files.length);
      return undefined;
    case 'fingerprint': {
      for (let i = message.start; i < message.end; i++) macros[i] = fingerprint(files[i]!.file, files[i]!.source);
      return { type: 'fingerprinted', start: message.start, fingerprints: macros.slice(message.start, message.end).map(encodeFingerprint) };
    }
    case 'workspace':
      for (const run of message.runs) run.fingerprints.forEach((encoded, i) => (macros[run.start + i] = decodeFingerprint(encoded)));
      linter = new FileLinter(settings, { macros });
      return undefined;
    case 'lint':
      return { type: 'linted', start: message.start, outcomes: files.slice(message.start, message.end).map((file) => linter!.lint(file)) };
  }
}

parentPort!.on('message', (message: ToWorker) => {
  try {
    const answer = handle(message);
    if (answer) parentPort!.postMessage(answer);
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', message: (error as Error)?.stack ?? String(error) } satisfies FromWorker);
  }
});

// Work is sent only from now on: a booting worker holds nothing up.
parentPort!.postMessage({ type: 'ready' } satisfies FromWorker);
