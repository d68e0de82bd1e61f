/**
 * Loaded with `node --import` into a real `tactful` or language-server
 * process by the reliability tests, never by users:
 *
 * - `TACTFUL_TEST_BROKEN_RULE=1` adds a rule that throws, to check that the
 *   process reports it as one finding and the other rules still report;
 * - `TACTFUL_TEST_MEMORY_FILE=<path>` makes SIGUSR2 collect garbage (the
 *   process runs with `--expose-gc`) and write `process.memoryUsage()` there;
 * - `TACTFUL_TEST_EDIT_DURING_FIX=1` appends a line to a file just as
 *   `--fix` starts writing it, as an editor saving at that moment would.
 */
import fs, { writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, dirname, join } from 'node:path';

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

if (process.env.TACTFUL_TEST_EDIT_DURING_FIX) {
  const openSync = fs.openSync;
  fs.openSync = function (path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode | null): number {
    const temporary = /^\.(.+)\.tactful-\d+-\d+\.tmp$/.exec(basename(String(path)));
    if (temporary && flags === 'wx') fs.appendFileSync(join(dirname(String(path)), temporary[1]!), '\nA line the writer added meanwhile.\n');
    return openSync(path, flags ?? 'r', mode);
  } as typeof fs.openSync;
  syncBuiltinESMExports();
}
