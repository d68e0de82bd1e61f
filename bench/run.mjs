#!/usr/bin/env node
/**
 * Tactful's benchmark (`npm run bench`): a script, not a test. It generates
 * its inputs from a fixed seed, runs every measurement in this one process
 * run side by side, prints a Markdown table and writes bench/results.json.
 *
 *   npm run bench                      everything (a few minutes on 2 cores)
 *   npm run bench -- --quick           a smaller library and fewer edits, to try it out
 *   npm run bench -- --only scaling,editor
 *
 * Sections: throughput, peers, floor, scaling, editor, memory, startup.
 * Timings are wall-clock; each in-process measurement is run more than once
 * and the fastest pass is kept, since other programs on the machine can only
 * slow a pass down, never speed it up.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem, release, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { markdown as alex } from 'alex';
import writeGood from 'write-good';
import { lint, parseMacro, rules, defaultConfig, fingerprint } from 'tactful-server';
import { makeLibrary, makeLargeDocument } from './corpus.mjs';
import { parseMarkdown as floorMarkdown, parseMarkdownAndEnglish as floorMarkdownAndEnglish } from './floor.mjs';
import { BenchClient } from './lsp-client.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TACTFUL = join(ROOT, 'server', 'bin', 'tactful.js');
const SERVER = join(ROOT, 'server', 'bin', 'tactful-language-server.js');
const ALEX_CLI = join(ROOT, 'node_modules', 'alex', 'cli.js');
const WRITE_GOOD_CLI = join(ROOT, 'node_modules', 'write-good', 'bin', 'write-good.js');
const SECTIONS = ['throughput', 'peers', 'floor', 'scaling', 'editor', 'memory', 'startup'];

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    out: { type: 'string', default: join(ROOT, 'bench', 'results.json') },
  },
});
const only = new Set(flags.only ? flags.only.split(',') : SECTIONS);
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`unknown section "${name}"; one of ${SECTIONS.join(', ')}`);
const LIBRARY_SIZE = flags.quick ? 300 : 2000;
const EDITS = flags.quick ? 40 : 200;
const PASSES = flags.quick ? 1 : 2;
const SIZES_KB = [1, 10, 100, 1000];

// ---------------------------------------------------------------- helpers

const log = (text) => process.stderr.write(`${text}\n`);

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return { n: times.length, totalMs: total, meanMs: total / times.length, p50Ms: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95), maxMs: sorted.at(-1) };
}

/** Times `fn` on every item; returns the fastest of `passes` passes. */
function timeEach(items, fn, passes = PASSES) {
  let best;
  for (let pass = 0; pass < passes; pass++) {
    const times = new Array(items.length);
    const cpu = process.cpuUsage();
    const start = performance.now();
    for (let i = 0; i < items.length; i++) {
      const t = performance.now();
      fn(items[i], i);
      times[i] = performance.now() - t;
    }
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    const result = { ...summary(times), wallMs, cpuMs: (used.user + used.system) / 1000 };
    if (!best || result.wallMs < best.wallMs) best = result;
  }
  best.perSecond = (best.n / best.wallMs) * 1000;
  return best;
}

/** CPU time of this process's finished children, in ms (Linux; undefined elsewhere). */
function childrenCpuMs() {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // cutime and cstime, fields 16 and 17 of proc(5), in clock ticks of (nearly always) 1/100 s.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

/** Runs a command to completion; wall time and (on Linux) CPU time in ms. */
function runTimed(args, options = {}) {
  const cpuBefore = childrenCpuMs();
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { maxBuffer: 1 << 30, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NO_UPDATE_NOTIFIER: '1', CI: '1' }, ...options });
  const wallMs = performance.now() - start;
  if (run.error) throw run.error;
  const cpuAfter = childrenCpuMs();
  return { wallMs, cpuMs: cpuAfter === undefined ? undefined : cpuAfter - cpuBefore, status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const round = (value, digits = 2) => (Number.isFinite(value) ? Number(value.toFixed(digits)) : value);
const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : String(value));
const ratio = (a, b) => a / b;

// ---------------------------------------------------------------- inputs

const results = {
  date: new Date().toISOString(),
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    availableParallelism: availableParallelism(),
    memoryGb: round(totalmem() / 2 ** 30, 1),
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverageAtStart: loadavg().map((v) => round(v)),
  },
  inputs: { seed: 6, macros: LIBRARY_SIZE, edits: EDITS, passes: PASSES, rules: rules.length },
};

const work = mkdtempSync(join(tmpdir(), 'tactful-bench-'));
const libraryDir = join(work, 'macros');
mkdirSync(libraryDir);
const library = makeLibrary(LIBRARY_SIZE).map((macro) => ({ ...macro, path: join(libraryDir, macro.name) }));
for (const macro of library) writeFileSync(macro.path, macro.source);
const wordCounts = library.map((m) => (m.source.replace(/^---[\s\S]*?\n---\n/, '').match(/[\p{L}\p{N}']+/gu) ?? []).length).sort((a, b) => a - b);
results.inputs.library = {
  faulty: library.filter((m) => m.faulty).length,
  bytes: library.reduce((n, m) => n + Buffer.byteLength(m.source), 0),
  bodyWords: { min: wordCounts[0], p50: quantile(wordCounts, 0.5), max: wordCounts.at(-1) },
};
log(`bench: ${LIBRARY_SIZE} macros (${results.inputs.library.faulty} faulty, ${wordCounts[0]}–${wordCounts.at(-1)} words) in ${libraryDir}`);

const config = defaultConfig();
const warm = (fn) => { for (const macro of library.slice(0, Math.min(100, library.length))) fn(macro); };

// ---------------------------------------------------------------- 1. throughput (and 3. the floor beside it)

let tactfulInProcess;
if (only.has('throughput') || only.has('peers') || only.has('floor')) {
  log('bench: throughput, in-process');
  let workspace;
  const indexStart = performance.now();
  workspace = { macros: library.map((m) => fingerprint(m.path, m.source)) };
  const indexMs = performance.now() - indexStart;
  const lintOne = (m) => lint(m.source, { rules, config, filePath: m.path, workspace });
  warm(lintOne);
  tactfulInProcess = timeEach(library, lintOne);
  let findings = 0;
  for (const m of library.slice(0, 200)) findings += lintOne(m).findings.length;
  results.throughput = { inProcess: { ...tactfulInProcess, workspaceIndexMs: indexMs, findingsInFirst200: findings } };
}

/**
 * How many cores this process can actually use now: one CPU-bound worker
 * thread against `availableParallelism()` of them at once. On a machine shared
 * with other busy programs it is less than the core count, and no parallel
 * speed-up can be larger than it.
 */
async function effectiveCores() {
  const spin = 'let x = 0; for (let i = 0; i < 3e8; i++) x += i % 7; require("node:worker_threads").parentPort.postMessage(x);';
  const run = async (n) => {
    const start = performance.now();
    await Promise.all(Array.from({ length: n }, () => new Promise((resolve) => new Worker(spin, { eval: true }).once('message', resolve))));
    return performance.now() - start;
  };
  const n = availableParallelism();
  const one = Math.min(await run(1), await run(1));
  const all = Math.min(await run(n), await run(n));
  return round((n * one) / all);
}

/**
 * Wall time of the floor's parse of the library in `threads` worker threads,
 * each parsing its share, timed from when every thread is warm and ready.
 */
async function floorInThreads(threads) {
  const workers = Array.from({ length: threads }, (_, share) => new Worker(new URL('./floor-worker.mjs', import.meta.url), { workerData: { size: LIBRARY_SIZE, share, threads } }));
  const message = (worker) => new Promise((resolve, reject) => { worker.once('message', resolve); worker.once('error', reject); });
  await Promise.all(workers.map(message));
  const start = performance.now();
  const done = workers.map(message);
  for (const worker of workers) worker.postMessage('go');
  await Promise.all(done);
  const wallMs = performance.now() - start;
  await Promise.all(workers.map((worker) => worker.terminate()));
  return wallMs;
}

if (only.has('throughput')) {
  log('bench: throughput, whole CLI (one thread, then the default; twice, interleaved, the faster kept)');
  const coresBefore = await effectiveCores();
  let single;
  let parallel;
  for (let pass = 0; pass < PASSES; pass++) {
    const a = runTimed([TACTFUL, '--format', 'json', '--threads', '1', libraryDir]);
    const b = runTimed([TACTFUL, '--format', 'json', libraryDir]);
    if (!single || a.wallMs < single.wallMs) single = a;
    if (!parallel || b.wallMs < parallel.wallMs) parallel = b;
  }
  const coresAfter = await effectiveCores();
  // The same speed-up for the parse alone (the floor of section 3): code that allocates as much as
  // a Markdown parse does can gain less from a second core than the spinning threads above.
  log('bench: the floor\'s parse in one worker thread, then one per core (twice, interleaved, the faster kept)');
  let floorSingleMs = Infinity;
  let floorParallelMs = Infinity;
  for (let pass = 0; pass < PASSES; pass++) {
    floorSingleMs = Math.min(floorSingleMs, await floorInThreads(1));
    floorParallelMs = Math.min(floorParallelMs, await floorInThreads(availableParallelism()));
  }
  if (single.status === 2 || parallel.status === 2) throw new Error(`tactful failed: ${single.stderr || parallel.stderr}`);
  const sameOutput = single.stdout === parallel.stdout;
  const files = JSON.parse(single.stdout).length;
  results.throughput.cli = {
    files,
    singleThread: { wallMs: single.wallMs, cpuMs: single.cpuMs, perSecond: (files / single.wallMs) * 1000 },
    parallel: { threads: Math.min(availableParallelism(), Math.ceil(files / 25)), wallMs: parallel.wallMs, cpuMs: parallel.cpuMs, perSecond: (files / parallel.wallMs) * 1000 },
    speedup: single.wallMs / parallel.wallMs,
    effectiveCores: [coresBefore, coresAfter],
    floorParse: { threads: availableParallelism(), singleMs: floorSingleMs, parallelMs: floorParallelMs, speedup: floorSingleMs / floorParallelMs },
    sameOutput,
  };
}

if (only.has('startup')) {
  log('bench: CLI start-up');
  const times = [];
  for (let i = 0; i < 7; i++) times.push(runTimed([TACTFUL, '--version']).wallMs);
  const nodeAlone = [];
  for (let i = 0; i < 7; i++) nodeAlone.push(runTimed(['-e', '0']).wallMs);
  const one = [];
  for (let i = 0; i < 5; i++) one.push(runTimed([TACTFUL, '--format', 'json', library[0].path]).wallMs);
  results.startup = { versionMs: summary(times), nodeAloneMs: summary(nodeAlone), oneMacroMs: summary(one) };
}

// ---------------------------------------------------------------- 2. peers

if (only.has('peers')) {
  log('bench: alex and write-good, in-process');
  const alexOne = (m) => alex(m.source);
  warm(alexOne);
  const alexRun = timeEach(library, alexOne);
  const writeGoodOne = (m) => writeGood(m.source);
  warm(writeGoodOne);
  const writeGoodRun = timeEach(library, writeGoodOne);

  log('bench: alex and write-good, whole CLI');
  const alexCli = runTimed([ALEX_CLI, libraryDir], { cwd: work });
  const writeGoodCli = runTimed([WRITE_GOOD_CLI, '--parse', ...library.map((m) => m.path)], { cwd: work });
  const tactfulCli = results.throughput?.cli?.parallel.wallMs ?? runTimed([TACTFUL, '--format', 'json', libraryDir]).wallMs;
  const tactfulCliSingle = results.throughput?.cli?.singleThread.wallMs;
  /** A peer's runs, and each as a ratio to Tactful's. */
  const peer = (inProcess, cli) => ({
    inProcess,
    cli: { wallMs: cli.wallMs, cpuMs: cli.cpuMs, status: cli.status },
    perMacroRatio: ratio(inProcess.meanMs, tactfulInProcess.meanMs),
    p50Ratio: ratio(inProcess.p50Ms, tactfulInProcess.p50Ms),
    cliRatio: ratio(cli.wallMs, tactfulCli),
    ...(tactfulCliSingle ? { cliRatioSingleThread: ratio(cli.wallMs, tactfulCliSingle) } : {}),
  });
  results.peers = { alex: peer(alexRun, alexCli), writeGood: peer(writeGoodRun, writeGoodCli) };
}

// ---------------------------------------------------------------- 3. the floor

if (only.has('floor')) {
  log('bench: the floor (parse only, no rules)');
  const parseMarkdown = (m) => floorMarkdown(m.source);
  const parseBoth = (m) => floorMarkdownAndEnglish(m.source);
  const parseTactful = (m) => parseMacro(m.source);
  warm(parseMarkdown);
  warm(parseBoth);
  warm(parseTactful);
  const markdown = timeEach(library, parseMarkdown);
  const both = timeEach(library, parseBoth);
  const tactfulParse = timeEach(library, parseTactful);
  results.floor = {
    markdown,
    markdownAndEnglish: both,
    tactfulParse,
    tactfulLintRatio: ratio(tactfulInProcess.meanMs, both.meanMs),
    rulesAddPercent: (ratio(tactfulInProcess.meanMs, both.meanMs) - 1) * 100,
    tactfulParseRatio: ratio(tactfulParse.meanMs, both.meanMs),
  };
}

// ---------------------------------------------------------------- 4. scaling

if (only.has('scaling')) {
  log('bench: scaling, 1 KB to 1 MB');
  // Each lint is of a document of its own (another seed, the same size): the engine remembers the
  // tokens and phrase matches of the texts it linted last, which would flatter a text linted again.
  const documentsOf = (kb, count, firstSeed) => Array.from({ length: count }, (_, i) => makeLargeDocument(kb * 1024, firstSeed + i));
  // The first size would otherwise be timed while V8 still optimises the engine (a cold 1 KB lint
  // takes twice as long as a warm one), so every size is timed after three seconds of linting.
  const warmUp = documentsOf(4, 40, 9000);
  for (const started = performance.now(); performance.now() - started < 3000;) for (const text of warmUp) lint(text, { rules, config });
  // The sizes take turns, in rounds of about the same time for each size (one 1 MB document, ten
  // 100 KB, …), each round in another order: load from other programs, which moved one size's
  // figure by half between runs when each size was timed in one go, then falls on every size alike.
  // The time per KB of a size is its median lint's; CPU time per KB is shown beside it, which
  // counts V8's helper threads too (garbage collection, compilation).
  const ROUNDS = 5;
  const perRound = (kb) => Math.max(1, Math.round(1000 / kb));
  const sizes = SIZES_KB.map((kb, s) => ({ kb, texts: documentsOf(kb, ROUNDS * perRound(kb), 100 + 1000 * s), wallMs: [], cpuMsPerKb: [], bytes: 0 }));
  for (const size of sizes) size.bytes = size.texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / size.texts.length;
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < sizes.length; turn++) {
      const size = sizes[(turn + round) % sizes.length];
      const texts = size.texts.slice(round * perRound(size.kb), (round + 1) * perRound(size.kb));
      const cpu = process.cpuUsage();
      for (const text of texts) {
        const start = performance.now();
        lint(text, { rules, config });
        size.wallMs.push(performance.now() - start);
      }
      const used = process.cpuUsage(cpu);
      size.cpuMsPerKb.push((used.user + used.system) / 1000 / ((texts.length * size.bytes) / 1024));
    }
  }
  const rows = sizes.map((size) => {
    const ms = quantile([...size.wallMs].sort((a, b) => a - b), 0.5);
    return {
      kb: size.kb,
      actualKb: round(size.bytes / 1024, 1),
      lints: size.wallMs.length,
      ms,
      msPerKb: ms / (size.bytes / 1024),
      cpuMsPerKb: quantile([...size.cpuMsPerKb].sort((a, b) => a - b), 0.5),
    };
  });
  const perKb = rows.map((r) => r.msPerKb);
  results.scaling = { rows, spread: Math.max(...perKb) / Math.min(...perKb) };
}

// ---------------------------------------------------------------- 5. editor latency

/** Types `EDITS` characters at a fixed point of the document, one `didChange` each, and times each until its diagnostics. */
async function editorLatency(client, uri, text, mode) {
  await client.open(uri, text);
  if (mode === 'push') await client.published(uri, (p) => p.version === 1);
  else await client.pull(uri);
  // Type at the end of the first paragraph after the greeting.
  const greeting = text.indexOf('\n\n', text.indexOf('\n---\n') + 5);
  let offset = text.indexOf('.', greeting + 2) + 1;
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  let character = offset - (before.lastIndexOf('\n') + 1);
  const typed = ' We have refunded the order and will write again on Friday with the tracking number.'.repeat(10);
  const times = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    const position = { line, character };
    const start = performance.now();
    if (mode === 'push') {
      const arrived = client.published(uri, (p) => p.version === version);
      await client.change(uri, version, { start: position, end: position }, typed[i]);
      const { at } = await arrived;
      times.push(at - start);
    } else {
      await client.change(uri, version, { start: position, end: position }, typed[i]);
      await client.pull(uri);
      times.push(performance.now() - start);
    }
    character++;
    offset++;
  }
  await client.close(uri);
  return summary(times);
}

if (only.has('editor')) {
  const folder = join(work, 'editor');
  mkdirSync(folder);
  // Push diagnostics add the server's scheduling to the lint; they are timed on the small
  // macro only, where the difference shows, to keep the run short (200 lints of 100 KB take minutes).
  const documents = [
    { name: 'reply.macro.md', text: makeLargeDocument(2 * 1024, 11), modes: ['pull', 'push'] },
    { name: 'kb-export.macro.md', text: makeLargeDocument(100 * 1024, 12), modes: ['pull'] },
  ];
  results.editor = { edits: EDITS, documents: {} };
  for (const mode of ['pull', 'push']) {
    log(`bench: editor latency (${mode} diagnostics)`);
    const client = await BenchClient.start(SERVER, { cwd: folder, folder, pull: mode === 'pull' });
    try {
      for (const document of documents) {
        if (!document.modes.includes(mode)) continue;
        const path = join(folder, document.name);
        writeFileSync(path, document.text);
        const key = `${document.name} (${round(Buffer.byteLength(document.text) / 1024, 1)} KB)`;
        results.editor.documents[key] ??= {};
        results.editor.documents[key][mode] = await editorLatency(client, pathToFileURL(path).href, document.text, mode);
      }
    } finally {
      await client.stop();
    }
  }
}

// ---------------------------------------------------------------- 6. memory

if (only.has('memory')) {
  log(`bench: server memory with ${LIBRARY_SIZE} macros open`);
  const client = await BenchClient.start(SERVER, { cwd: libraryDir, folder: libraryDir, probe: join(ROOT, 'bench', 'memory-probe.mjs') });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idle = client.residentMb();
    const idleCollected = await client.collectedMb();
    // One macro opened and closed: the first lint loads what every later one shares (dictionaries,
    // compiled matchers), which is not memory held for open documents. The British dictionary is
    // loaded only for a word the US one does not know, so the macro gets one ("colour").
    const warmUri = pathToFileURL(join(libraryDir, 'warm-up.macro.md')).href;
    const warmed = client.published(warmUri, (p) => p.version === 1);
    await client.open(warmUri, `${library[0].source}\nThe colour of the button changed.\n`);
    await warmed;
    const warmCleared = client.published(warmUri, (p) => p.diagnostics.length === 0);
    await client.close(warmUri);
    await warmCleared;
    const warmCollected = await client.collectedMb();
    const uris = library.map((m) => pathToFileURL(m.path).href);
    const start = performance.now();
    const linted = uris.map((uri) => client.published(uri, (p) => p.version === 1));
    for (let i = 0; i < uris.length; i++) await client.open(uris[i], library[i].source);
    await Promise.all(linted);
    const openMs = performance.now() - start;
    const open = client.residentMb();
    // The server lints a burst in a worker thread that exits a second after its last lint
    // (server/src/lsp/batch-linter.ts); what stays is what the server holds for the open documents.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const openSettled = client.residentMb();
    const openCollected = await client.collectedMb();
    const cleared = uris.map((uri) => client.published(uri, (p) => p.diagnostics.length === 0));
    for (const uri of uris) await client.close(uri);
    await Promise.all(cleared);
    const closed = client.residentMb();
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const settled = client.residentMb();
    const closedCollected = await client.collectedMb();
    results.memory = {
      macros: uris.length, openAllMs: openMs,
      // Resident memory as the operating system sees it, no collection forced.
      idleMb: idle, openMb: open, openAfter3sMb: openSettled, closedMb: closed, closedAfter5sMb: settled,
      // After a forced full collection: what the server still holds.
      collected: { idle: idleCollected, warm: warmCollected, open: openCollected, closed: closedCollected },
    };
  } finally {
    await client.stop();
  }

  // The workspace lint (the command a user runs on the team's folder) in a fresh server: the files are
  // linted from disk, in the server's batch worker from 24 files on.
  log(`bench: workspace lint of ${LIBRARY_SIZE} macros`);
  const workspaceClient = await BenchClient.start(SERVER, { cwd: libraryDir, folder: libraryDir });
  try {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const start = performance.now();
    const result = await workspaceClient.connection.sendRequest('tactful/lintWorkspace', { folders: [pathToFileURL(libraryDir).href] });
    const ms = performance.now() - start;
    const atEnd = workspaceClient.residentMb();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    results.memory.workspaceLint = { files: result.files, warnings: result.warnings, ms, residentAtEndMb: atEnd, residentAfter3sMb: workspaceClient.residentMb() };
  } finally {
    await workspaceClient.stop();
  }
}

rmSync(work, { recursive: true, force: true });
results.machine.loadAverageAtEnd = loadavg().map((v) => round(v));

// ---------------------------------------------------------------- targets and report

const targets = [];
const target = (name, value, goal, met) => targets.push({ name, value, goal, met: Boolean(met) });
if (results.floor) target('Rules over the bare parse (Tactful ÷ floor)', `${fmt(results.floor.tactfulLintRatio)}×`, '≤ 2×', results.floor.tactfulLintRatio <= 2);
if (results.throughput) target('In-process throughput, one core', `${fmt(results.throughput.inProcess.perSecond, 0)} macros/s`, '≥ 400 macros/s', results.throughput.inProcess.perSecond >= 400);
if (results.peers) target('Faster than alex per macro (alex ÷ Tactful)', `${fmt(results.peers.alex.perMacroRatio)}×`, '≥ 3×', results.peers.alex.perMacroRatio >= 3);
if (results.throughput?.cli) target(`CLI on ${results.machine.availableParallelism} cores vs one thread (usable cores: ${Math.max(...results.throughput.cli.effectiveCores)}; the bare parse alone: ${fmt(results.throughput.cli.floorParse.speedup)}×)`, `${fmt(results.throughput.cli.speedup)}×`, '≥ 1.6× (2 cores)', results.throughput.cli.speedup >= 1.6);
for (const [name, modes] of Object.entries(results.editor?.documents ?? {})) {
  const limit = name.startsWith('reply') ? 30 : 150;
  for (const [mode, stats] of Object.entries(modes)) target(`Keystroke → diagnostics p95, ${name}, ${mode}`, `${fmt(stats.p95Ms, 1)} ms`, `≤ ${limit} ms`, stats.p95Ms <= limit);
}
if (results.scaling) target('Linear scaling, 1 KB → 1 MB (max ÷ min ms/KB)', `${fmt(results.scaling.spread)}×`, '≤ 1.5×', results.scaling.spread <= 1.5);
if (results.memory) {
  target(`Server memory, ${results.memory.macros} macros open (3 s after the last lint)`, `${fmt(results.memory.openAfter3sMb, 0)} MB`, '≤ 150 MB', results.memory.openAfter3sMb <= 150);
  // Against the server after one macro: what the first lint loads stays, whatever was opened.
  const { warm, open, closed } = results.memory.collected;
  const held = open.heapUsed - warm.heapUsed;
  const kept = closed.heapUsed - warm.heapUsed;
  target('Server heap released on close (after a collection)', `${fmt(held - kept, 0)} of ${fmt(held, 0)} MB`, 'released', kept <= 0.1 * held + 5);
}
if (results.startup) target('CLI start-up (`tactful --version`), p50', `${fmt(results.startup.versionMs.p50Ms, 0)} ms`, '≤ 300 ms', results.startup.versionMs.p50Ms <= 300);
results.targets = targets;

const lines = [];
const m = results.machine;
lines.push(`Tactful benchmark, ${results.date.slice(0, 10)}: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}; load average ${m.loadAverageAtStart[0]} at start, ${m.loadAverageAtEnd[0]} at end.`);
lines.push(`Library: ${LIBRARY_SIZE} generated macros (seed 6), ${results.inputs.library.faulty} with faults, ${wordCounts[0]}–${wordCounts.at(-1)} words, ${fmt(results.inputs.library.bytes / LIBRARY_SIZE / 1024)} KB on average; ${rules.length} rules.`);
lines.push('');
if (results.throughput || results.peers || results.floor) {
  lines.push('| per macro, in-process | mean ms | p50 ms | p95 ms | CPU ms | macros/s | ÷ Tactful |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|');
  const row = (name, r) => lines.push(`| ${name} | ${fmt(r.meanMs)} | ${fmt(r.p50Ms)} | ${fmt(r.p95Ms)} | ${fmt(r.cpuMs / r.n)} | ${fmt(r.perSecond, 0)} | ${fmt(r.meanMs / tactfulInProcess.meanMs)}× |`);
  row('Tactful, all rules (`lint`)', tactfulInProcess);
  if (results.floor) {
    row('Tactful\'s parse alone (`parseMacro`)', results.floor.tactfulParse);
    row('floor: remark-parse + frontmatter + gfm', results.floor.markdown);
    row('floor: … + remark-retext + parse-english', results.floor.markdownAndEnglish);
  }
  if (results.peers) {
    row('alex (API)', results.peers.alex.inProcess);
    row('write-good (API)', results.peers.writeGood.inProcess);
  }
  lines.push('');
}
if (results.throughput?.cli || results.peers) {
  lines.push(`| whole CLI, ${LIBRARY_SIZE} files | wall s | CPU s | files/s | ÷ Tactful |`);
  lines.push('|---|---:|---:|---:|---:|');
  const cpu = (run) => (run.cpuMs === undefined ? '–' : fmt(run.cpuMs / 1000));
  const cli = results.throughput?.cli;
  const base = cli?.parallel.wallMs;
  if (cli) {
    lines.push(`| tactful (${cli.parallel.threads} threads) | ${fmt(cli.parallel.wallMs / 1000)} | ${cpu(cli.parallel)} | ${fmt(cli.parallel.perSecond, 0)} | 1.00× |`);
    lines.push(`| tactful --threads 1 | ${fmt(cli.singleThread.wallMs / 1000)} | ${cpu(cli.singleThread)} | ${fmt(cli.singleThread.perSecond, 0)} | ${fmt(cli.singleThread.wallMs / base)}× |`);
  }
  if (results.peers) {
    const b = base ?? results.peers.alex.cli.wallMs / results.peers.alex.cliRatio;
    lines.push(`| alex | ${fmt(results.peers.alex.cli.wallMs / 1000)} | ${cpu(results.peers.alex.cli)} | ${fmt((LIBRARY_SIZE / results.peers.alex.cli.wallMs) * 1000, 0)} | ${fmt(results.peers.alex.cli.wallMs / b)}× |`);
    lines.push(`| write-good | ${fmt(results.peers.writeGood.cli.wallMs / 1000)} | ${cpu(results.peers.writeGood.cli)} | ${fmt((LIBRARY_SIZE / results.peers.writeGood.cli.wallMs) * 1000, 0)} | ${fmt(results.peers.writeGood.cli.wallMs / b)}× |`);
  }
  if (cli) lines.push('', `Parallel and single-thread output identical: ${cli.sameOutput ? 'yes' : 'NO'}. Cores this run could actually use (${availableParallelism()} spinning threads against one), before and after: ${cli.effectiveCores.join(' and ')}. The floor's parse alone (no rules) in ${cli.floorParse.threads} worker threads against one: ${fmt(cli.floorParse.speedup)}× (${fmt(cli.floorParse.singleMs / 1000, 1)} s → ${fmt(cli.floorParse.parallelMs / 1000, 1)} s).`);
  lines.push('');
}
if (results.scaling) {
  lines.push('| one document | lints | ms (full lint, median) | ms per KB | CPU ms per KB (all threads) |');
  lines.push('|---|---:|---:|---:|---:|');
  for (const r of results.scaling.rows) lines.push(`| ${r.actualKb} KB | ${r.lints} | ${fmt(r.ms, 1)} | ${fmt(r.msPerKb)} | ${fmt(r.cpuMsPerKb)} |`);
  lines.push('');
}
if (results.editor) {
  lines.push(`| editor: ${EDITS} one-character edits | diagnostics | p50 ms | p95 ms | max ms |`);
  lines.push('|---|---|---:|---:|---:|');
  for (const [name, modes] of Object.entries(results.editor.documents)) {
    for (const [mode, s] of Object.entries(modes)) lines.push(`| ${name} | ${mode} | ${fmt(s.p50Ms, 1)} | ${fmt(s.p95Ms, 1)} | ${fmt(s.maxMs, 1)} |`);
  }
  lines.push('');
}
if (results.memory) {
  const r = results.memory;
  const c = r.collected;
  lines.push(`Server resident memory: ${fmt(r.idleMb, 0)} MB idle, ${fmt(r.openMb, 0)} MB as the last of ${r.macros} macros opened is linted (opened and linted in ${fmt(r.openAllMs / 1000, 1)} s), ${fmt(r.openAfter3sMb, 0)} MB with them open 3 s later, ${fmt(r.closedMb, 0)} MB right after closing them, ${fmt(r.closedAfter5sMb, 0)} MB 5 s later.`);
  if (r.workspaceLint) lines.push(`Workspace lint of ${r.workspaceLint.files} macros (\`tactful/lintWorkspace\`, a fresh server): ${fmt(r.workspaceLint.ms / 1000, 1)} s, ${fmt(r.workspaceLint.residentAtEndMb, 0)} MB resident as it ends, ${fmt(r.workspaceLint.residentAfter3sMb, 0)} MB 3 s later.`);
  lines.push(`After a forced full collection (JS heap used / resident): idle ${fmt(c.idle.heapUsed, 0)} / ${fmt(c.idle.rss, 0)} MB, after one macro ${fmt(c.warm.heapUsed, 0)} / ${fmt(c.warm.rss, 0)} MB, ${r.macros} open ${fmt(c.open.heapUsed, 0)} / ${fmt(c.open.rss, 0)} MB, all closed ${fmt(c.closed.heapUsed, 0)} / ${fmt(c.closed.rss, 0)} MB.`);
  lines.push('');
}
if (results.startup) {
  lines.push(`CLI start-up: \`tactful --version\` p50 ${fmt(results.startup.versionMs.p50Ms, 0)} ms (\`node -e 0\` alone: ${fmt(results.startup.nodeAloneMs.p50Ms, 0)} ms); one macro, JSON out: p50 ${fmt(results.startup.oneMacroMs.p50Ms, 0)} ms.`);
  lines.push('');
}
lines.push('| target | measured | goal | met |');
lines.push('|---|---:|---:|:---:|');
for (const t of targets) lines.push(`| ${t.name} | ${t.value} | ${t.goal} | ${t.met ? 'yes' : '**no**'} |`);

const report = lines.join('\n');
results.report = report;
mkdirSync(dirname(flags.out), { recursive: true });
writeFileSync(flags.out, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`${report}\n`);
log(`bench: wrote ${flags.out}`);
