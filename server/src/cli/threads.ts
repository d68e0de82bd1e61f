import { availableParallelism } from 'node:os';

/** Below this many files, starting workers (≈ one engine load each) costs more than it saves. */
export const PARALLEL_MIN_FILES = 200;

/** How many threads lint `count` files: `threads` if given, else one per core for a large library. */
export function threadCount(count: number, threads?: number): number {
  const wanted = threads ?? (count >= PARALLEL_MIN_FILES ? availableParallelism() : 1);
  // A worker with fewer than a few dozen files spends most of its life loading the engine.
  return Math.max(1, Math.min(wanted, Math.ceil(count / 25)));
}
