/**
 * The floor's parse (remark + the natural-language parse, no rules) in a
 * worker thread, on every `threads`-th macro of the library from the `share`-th:
 * run.mjs starts one, then one per core, to tell how much the parse Tactful
 * cannot avoid speeds up on this machine's cores, beside the CLI's speed-up.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { makeLibrary } from './corpus.mjs';
import { parseMarkdownAndEnglish } from './floor.mjs';

const { size, share, threads } = workerData;
const mine = makeLibrary(size).filter((_, i) => i % threads === share);
const parse = (macro) => parseMarkdownAndEnglish(macro.source);
// Warm, as the in-process measurements are, so that the timed parse is not V8's first.
for (const macro of mine.slice(0, 100)) parse(macro);
parentPort.postMessage('ready');
parentPort.once('message', () => {
  const start = performance.now();
  for (const macro of mine) parse(macro);
  parentPort.postMessage(performance.now() - start);
});
