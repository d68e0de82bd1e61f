import assert from 'node:assert/strict';
import { lint, rules, defaultConfig, fingerprint, nearDuplicateIn, similarity, type MacroFingerprint } from 'tactful-server';
import { describeFinding } from '../helpers.js';

const BODY = `Hi {{customer.first_name}},

Thank you for letting us know the parcel arrived with a cracked lid. I have sent a replacement by
tracked post today, and the courier will e-mail you a tracking link this evening. There is no need
to send the damaged item back to us.

If anything is still unclear, reply to this email and I will be happy to help.

Best,
{{agent.first_name}}
`;
const macro = (title: string, body = BODY) => `---\ntitle: ${title}\nchannel: email\n---\n${body}`;

function duplicates(file: string, text: string, others: Record<string, string>): string[] {
  const workspace = { macros: [fingerprint(file, text), ...Object.entries(others).map(([f, t]) => fingerprint(f, t))] };
  return lint(text, { rules, config: defaultConfig(), filePath: file, workspace }).findings
    .filter((f) => f.ruleId === 'duplicate-macro')
    .map((f) => `${describeFinding(text, f)} ${f.message}`);
}

describe('duplicate-macro across a workspace', () => {
  it('reports a title another macro already has, on the title', () => {
    const text = macro('Damaged parcel', BODY.replace('cracked lid', 'broken handle').replace('tracked post', 'express post'));
    const found = duplicates('/lib/a.macro.md', text, { '/lib/b.macro.md': macro('damaged parcel', 'Hi there, something else entirely.\n') });
    assert.deepEqual(found, ['2:8-2:22 warning duplicate-macro "Damaged parcel" Another macro has the title "Damaged parcel" (b.macro.md); agents pick macros by title, so give each a distinct one.']);
  });

  it('reports a near-identical body on its first line, even when a placeholder differs', () => {
    const other = macro('Replacement sent', BODY.replace('{{customer.first_name}}', '{{customer.name}}'));
    const found = duplicates('/lib/a.macro.md', macro('Cracked lid'), { '/lib/b.macro.md': other });
    assert.equal(found.length, 1);
    assert.match(found[0]!, /^5:1-5:28 warning duplicate-macro "Hi \{\{customer.first_name\}\},"/);
    assert.match(found[0]!, /nearly the same as b\.macro\.md/);
  });

  it('stays silent for distinct macros, short macros and a file alone', () => {
    const distinct = macro('Refund sent', 'Hi {{customer.first_name}},\n\nYour refund of the full amount went back to your card this morning; banks usually show it within five business days, so please check your statement next week and write back if it is missing.\n');
    assert.deepEqual(duplicates('/lib/a.macro.md', macro('Cracked lid'), { '/lib/b.macro.md': distinct }), []);
    const short = macro('Thanks', 'Thanks, got it!\n');
    assert.deepEqual(duplicates('/lib/a.macro.md', short, { '/lib/b.macro.md': macro('Thanks again', 'Thanks, got it!\n') }), []);
    assert.deepEqual(duplicates('/lib/a.macro.md', macro('Cracked lid'), {}), []);
  });
});

describe('nearDuplicateIn', () => {
  /** What it must find: the first macro a plain scan with `similarity` finds. */
  const scan = (workspace: { macros: MacroFingerprint[] }, self: MacroFingerprint, threshold: number, minWords: number) =>
    workspace.macros.find((m) => m.file !== self.file && m.wordCount >= minWords && similarity(self.shingles, m.shingles) >= threshold);

  it('finds what a scan of every macro finds, over random libraries and thresholds', () => {
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    // Few distinct words, so macros share many shingles and similarities fall on both sides of each threshold.
    const words = ['thank', 'you', 'for', 'your', 'order', 'refund', 'today', 'we', 'sent', 'it'];
    const body = (length: number) => Array.from({ length }, () => words[Math.floor(random() * words.length)]).join(' ');
    for (let round = 0; round < 40; round++) {
      const base = body(5 + Math.floor(random() * 60));
      const macros = Array.from({ length: 30 }, (_, i) => {
        // Most macros are the base text with a few words changed, some are unrelated.
        const text = random() < 0.3 ? body(Math.floor(random() * 70)) : base.split(' ').map((w) => (random() < 0.1 ? words[Math.floor(random() * words.length)] : w)).join(' ');
        return fingerprint(`/lib/p${round}-${i}.md`, `---\ntitle: T${i}\n---\n${text}\n`);
      });
      const workspace = { macros };
      for (const threshold of [0, 0.3, 0.5, 0.7, 0.85, 0.95, 1]) {
        for (const self of macros) {
          assert.equal(nearDuplicateIn(workspace, self, threshold, 4)?.file, scan(workspace, self, threshold, 4)?.file, `round ${round}, threshold ${threshold}, ${self.file}`);
          // A macro that is not (yet) in the workspace, as when a new file is linted against the last index.
          const outsider = { ...self, shingles: new Set(self.shingles) };
          assert.equal(nearDuplicateIn(workspace, outsider, threshold, 4)?.file, scan(workspace, outsider, threshold, 4)?.file, `round ${round}, threshold ${threshold}, ${self.file} outside`);
        }
      }
    }
  });
});
