/**
 * Loaded with `node --import` into a real `tactful` or language-server
 * process by the reliability tests, never by users:
 *
 * - `TACTFUL_TEST_BROKEN_RULE=1` adds a rule that throws, to check that the
 *   process reports it as one finding and the other rules still report;
 * - `TACTFUL_TEST_MEMORY_FILE=<path>` makes SIGUSR2 collect garbage (the
 *   process runs with `--expose-gc`) and write `process.memoryUsage()` there.
 */
import { writeFileSync } from 'node:fs';

if (process.env.TACTFUL_TEST_BROKEN_RULE) {
  const url = new URL('../../../server/out/rules/index.js', import.meta.url).href;
  const { rules } = (await import(url)) as { rules: unknown[] };
  rules.push({
    id: 'test-broken-rule',
    title: 'A rule that throws',
    category: 'structure',
    severity: 'warning',
    fixable: false,
    guideline: { seeds: ['MACRO-FORMAT'], summary: 'Throws on every macro.' },
    check() {
      throw new TypeError('Cannot read properties of undefined (reading "sentences")');
    },
  });
}

const memoryFile = process.env.TACTFUL_TEST_MEMORY_FILE;
if (memoryFile) {
  process.on('SIGUSR2', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    for (let i = 0; i < 3; i++) gc?.();
    writeFileSync(memoryFile, JSON.stringify({ ...process.memoryUsage(), at: Date.now() }));
  });
}
