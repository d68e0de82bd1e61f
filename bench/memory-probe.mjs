/**
 * Loaded into the language server by the benchmark only (`node --expose-gc
 * --import bench/memory-probe.mjs`): on SIGUSR2 it collects garbage and
 * writes the process's memory use to stderr, so the benchmark can tell
 * memory the server still holds from garbage it has not collected yet.
 */
process.on('SIGUSR2', () => {
  globalThis.gc?.();
  globalThis.gc?.();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.stderr.write(`TACTFUL_BENCH_MEMORY ${JSON.stringify({ rss, heapUsed, heapTotal, external, arrayBuffers })}\n`);
});
