import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { rules, ruleDocs, lint, defaultConfig, fingerprint } from 'tactful-server';
import { repoRoot } from '../helpers.js';

/** A neighbour for the examples, so cross-file rules (duplicate-macro) have a workspace. */
const workspace = {
  macros: [fingerprint('/workspace/other.macro.md', '---\ntitle: Refund approved\n---\nHi {{customer.first_name}}, your refund is on its way.\n')],
};
const lintExample = (text: string) =>
  lint(text, { rules, config: defaultConfig(), filePath: '/workspace/example.macro.md', workspace }).findings;

const SEED = /^00[0-4]( #\d| ".+")?$|^MACRO-FORMAT$|^GUIDELINES E$/;

/** ```bad / ```good blocks of a rule's doc.md. */
function examples(doc: string, kind: 'bad' | 'good'): string[] {
  return [...doc.matchAll(new RegExp('```' + kind + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);
}

describe('rule registry', () => {
  it('has unique rule ids', () => {
    const ids = rules.map((r) => r.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('registers every rule folder, and every registered rule has a folder', () => {
    const dir = join(repoRoot, 'server', 'src', 'rules');
    const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory()).sort();
    assert.deepEqual([...rules.map((r) => r.id)].sort(), folders);
  });

  it('gives no phrase to two rules, nor twice to one', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const rule of rules) {
      for (const entry of rule.phrases ?? []) {
        for (const phrase of Array.isArray(entry.match) ? entry.match : [entry.match]) {
          const key = phrase.toLowerCase().replace(/[’']/g, "'");
          const guarded = Boolean(entry.followedBy || entry.precededBy || entry.sentenceHas);
          const id = `${key}${guarded ? ` (${JSON.stringify([entry.followedBy, entry.precededBy, entry.sentenceHas])})` : ''}`;
          if (owner.has(id)) clashes.push(`${phrase}: ${owner.get(id)} and ${rule.id}`);
          owner.set(id, rule.id);
        }
      }
    }
    assert.deepEqual(clashes, []);
  });

  for (const rule of rules) {
    describe(rule.id, () => {
      const doc = ruleDocs[rule.id] ?? '';

      it('has a doc with a title, a rationale and bad and good examples', () => {
        assert.ok(doc, `server/src/rules/${rule.id}/doc.md is missing`);
        assert.match(doc, /^# .+/);
        assert.ok(doc.replace(/```[\s\S]*?```/g, '').split(/\s+/).length > 30, 'the rationale is too short');
        assert.ok(examples(doc, 'bad').length > 0, 'no ```bad example');
        assert.ok(examples(doc, 'good').length > 0, 'no ```good example');
      });

      it('names where its guideline comes from', () => {
        assert.ok(rule.guideline.seeds.length > 0);
        for (const seed of rule.guideline.seeds) assert.match(seed, SEED);
        assert.ok(rule.guideline.summary.length > 10);
      });

      it('fires on its bad examples and not on its good ones', () => {
        for (const example of examples(doc, 'bad')) {
          const findings = lintExample(example);
          assert.ok(findings.some((f) => f.ruleId === rule.id), `does not fire on:\n${example}`);
        }
        for (const example of examples(doc, 'good')) {
          const findings = lintExample(example).filter((f) => f.ruleId === rule.id);
          assert.deepEqual(findings.map((f) => f.message), [], `fires on the good example:\n${example}`);
        }
      });
    });
  }
});
