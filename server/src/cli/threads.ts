import { availableParallelism } from 'node:os';

/**
 * Below this many files, workers cost more than they save: each loads the
 * engine and warms it up again, and two threads of parsing share what a lint
 * is bound by. `node bench/cli-threads.mjs` on 2 vCPUs: one thread per core
 * took 1.28× as long as one thread at 200 files, as long at 800–1,200, and
 * gained from 1,600 on (docs/performance.md, section 17).
 */
export const PARALLEL_MIN_FILES = 1000;

/** How many threads lint `count` files: `threads` if given, else one per core for a large library. */
export function threadCount(count: number, threads?: number): number {
  const wanted = threads ?? (count >= PARALLEL_MIN_FILES ? availableParallelism() : 1);
  // A worker with fewer than a few dozen files spends most of its life loading the engine.
  return Math.max(1, Math.min(wanted, Math.ceil(count / 25)));
}
