/**
 * Fixture harness, in the manner of markdownlint's: every file
 * `test/fixtures/rules/<rule-id>/<case>.md` is linted, and the findings of
 * that rule must equal `<case>.expected` line for line (an empty or missing
 * `.expected` means the rule must not fire at all). When `<case>.fixed.md`
 * exists, applying the rule's preferred rewrites must give exactly that text,
 * which must then lint clean for the rule.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir, listDir, lintLines, fixOnly } from '../helpers.js';

const root = join(fixturesDir, 'rules');

for (const ruleId of listDir(root)) {
  describe(`rule fixtures: ${ruleId}`, () => {
    for (const file of listDir(join(root, ruleId)).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md'))) {
      const path = join(root, ruleId, file);
      const base = path.slice(0, -'.md'.length);
      const configPath = join(root, ruleId, '.tactful.json');
      const layer = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : undefined;
      it(file, () => {
        const text = readFileSync(path, 'utf8');
        const expected = existsSync(`${base}.expected`)
          ? readFileSync(`${base}.expected`, 'utf8').split('\n').filter((line) => line.trim() !== '')
          : [];
        assert.deepEqual(lintLines(text, [ruleId], layer), expected);
        if (existsSync(`${base}.fixed.md`)) {
          const fixed = fixOnly(text, [ruleId], layer);
          assert.equal(fixed, readFileSync(`${base}.fixed.md`, 'utf8'));
          assert.deepEqual(lintLines(fixed, [ruleId], layer), [], 'the fixed text still fires the rule');
        }
      });
    }
  });
}
