#!/usr/bin/env node
/**
 * Where the CLI's worker threads start to pay: whole `tactful --format json`
 * runs on libraries of several sizes (the bench's generated macros, the first
 * N of the same 2,000), with `--threads 1` and with one thread per core,
 * taking turns, the median of each. A script, not a test; it prints a
 * Markdown table. server/src/cli/threads.ts takes its default from it.
 *
 *   node bench/cli-threads.mjs [--sizes 200,400,800,1200,1600,2000] [--runs 3]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeLibrary } from './corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TACTFUL = join(ROOT, 'server', 'bin', 'tactful.js');
const { values } = parseArgs({ options: { sizes: { type: 'string', default: '200,400,800,1200,1600,2000' }, runs: { type: 'string', default: '3' } } });
const sizes = values.sizes.split(',').map(Number);
const runs = Number(values.runs);
const cores = availableParallelism();

const library = makeLibrary(Math.max(...sizes));
const work = mkdtempSync(join(tmpdir(), 'tactful-threads-'));

/** Wall time of one CLI run on `dir` with `threads` threads, in ms. */
function timed(dir, threads) {
  const start = performance.now();
  const run = spawnSync(process.execPath, [TACTFUL, '--format', 'json', '--threads', String(threads), dir], { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (run.status === 2 || run.error) throw run.error ?? new Error(run.stderr);
  return performance.now() - start;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const rows = [];
try {
  for (const size of sizes) {
    const dir = join(work, String(size));
    mkdirSync(dir);
    for (const macro of library.slice(0, size)) writeFileSync(join(dir, macro.name), macro.source);
    const one = [];
    const all = [];
    // Taking turns: load from other programs falls on both alike.
    for (let run = 0; run < runs; run++) {
      one.push(timed(dir, 1));
      all.push(timed(dir, cores));
    }
    rows.push({ size, one: median(one), all: median(all) });
    process.stderr.write(`cli-threads: ${size} files done\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(`| files | --threads 1 (s) | --threads ${cores} (s) | speed-up |`);
console.log('|---:|---:|---:|---:|');
for (const { size, one, all } of rows) console.log(`| ${size} | ${(one / 1000).toFixed(2)} | ${(all / 1000).toFixed(2)} | ${(one / all).toFixed(2)}× |`);
