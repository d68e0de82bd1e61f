/**
 * Runs fast-check properties with a bounded number of cases and, when one
 * fails, a message that says how to replay exactly that case.
 *
 * - by default each property runs the same cases every time (a seed drawn from
 *   its name), so `npm test`, and CI, never go red by the luck of a draw;
 * - `TACTFUL_SEED=random` draws new cases on every run, to explore (with
 *   `TACTFUL_RUNS_SCALE`, a soak);
 * - `TACTFUL_SEED=<n>` (and `TACTFUL_PATH=<path>`) replay a reported failure;
 * - `TACTFUL_RUNS_SCALE=<x>` multiplies every property's case count (e.g. 10
 *   for a long local soak; the default keeps the suite fast on CI).
 */
import fc from 'fast-check';

const scale = Number(process.env.TACTFUL_RUNS_SCALE ?? '1') || 1;
const seedSetting = process.env.TACTFUL_SEED;

/** The seed of a property or sample named `name`: see the header. */
export function seedFor(name: string): number {
  if (seedSetting === 'random') return (Date.now() ^ (Math.random() * 0x100000000)) | 0;
  if (seedSetting !== undefined && seedSetting !== '') return Number(seedSetting);
  // FNV-1a of the name: stable across runs and machines, different per property.
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return hash | 0;
}
const fixedPath = process.env.TACTFUL_PATH;

/** How much longer a scaled run may take than the default one. */
export const RUNS_SCALE = scale;

/** The number of cases a property runs by default, after TACTFUL_RUNS_SCALE. */
export function runsFor(defaultRuns: number): number {
  return Math.max(1, Math.round(defaultRuns * scale));
}

/**
 * Asserts `property` over `runs` cases (scaled). Throws with the seed, the
 * shrunk counterexample and the replay command on failure.
 */
export function checkProperty<T>(name: string, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void, runs: number): void {
  const seed = seedFor(name);
  const details = fc.check(fc.property(arbitrary, (value) => {
    predicate(value);
  }), {
    numRuns: runsFor(runs),
    seed,
    ...(fixedPath ? { path: fixedPath } : {}),
    endOnFailure: false,
    // Shrinking re-lints many times: stop it before mocha's timeout would swallow the seed.
    interruptAfterTimeLimit: 90_000 * scale,
    markInterruptAsFailure: false,
  });
  if (!details.failed) return;
  const counterexample = details.counterexample ? fc.stringify(details.counterexample[0]) : '(none)';
  const error = details.errorInstance;
  const cause = error instanceof Error ? error.message : String(error);
  throw new Error([
    `Property "${name}" failed after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s).`,
    `Replay: TACTFUL_SEED=${details.seed} TACTFUL_PATH="${details.counterexamplePath ?? ''}" npx mocha --no-config --timeout 120000 'test/out/reliability/*.test.js' -g '${name}'`,
    `Counterexample: ${counterexample.length > 4000 ? `${counterexample.slice(0, 4000)}…` : counterexample}`,
    `Cause: ${cause}`,
  ].join('\n'));
}
