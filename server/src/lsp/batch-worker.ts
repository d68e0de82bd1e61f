/**
 * The language server's batch lint worker (see batch-linter.ts): lints each
 * text it is sent with the built-in rules and the configuration named, and
 * answers with the findings, in the order asked.
 */
import { parentPort } from 'node:worker_threads';
import { lint } from '../engine/lint.js';
import { rules } from '../rules/index.js';
import type { ResolvedConfig } from '../engine/config.js';
import type { FromBatchWorker, ToBatchWorker } from './batch-messages.js';

const port = parentPort;
if (!port) throw new Error('batch-worker.js runs as a worker thread of the language server');

const configs = new Map<number, ResolvedConfig>();

port.on('message', (message: ToBatchWorker) => {
  if (message.type === 'config') {
    configs.set(message.id, message.config);
    return;
  }
  let answer: FromBatchWorker;
  try {
    const config = configs.get(message.configId);
    if (!config) throw new Error(`no configuration ${message.configId}`);
    answer = { type: 'linted', id: message.id, findings: lint(message.text, { rules, config }).findings };
  } catch (error) {
    answer = { type: 'failed', id: message.id, message: String((error as Error)?.stack ?? error) };
  }
  port.postMessage(answer);
});
