/**
 * Section C measures: default thresholds, channel switches and options that
 * the fixture folders (one configuration each) cannot all show.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import { VFile } from 'vfile';
import retextReadability from 'retext-readability';
import { parseMacro } from 'tactful-server';
import { findingsOf, fixturesDir, listDir, lintLines } from '../helpers.js';

const words = (n: number, word = 'word') => Array.from({ length: n }, () => word).join(' ');

/** A macro whose body is `count` words in sentences of ten. */
function macro(count: number, frontMatter = ''): string {
  const sentences: string[] = [];
  for (let left = count; left > 0; left -= 10) sentences.push(`Ship${Math.min(10, left) > 1 ? ' ' : ''}${words(Math.min(10, left) - 1, 'ship')}.`);
  return `${frontMatter ? `---\ntitle: Length test\n${frontMatter}\n---\n` : ''}${sentences.join(' ')}\n`;
}

describe('measures', () => {
  describe('length', () => {
    const budgets = { email: 180, chat: 60, social: 50, phone: 180 } as const;
    for (const [channel, budget] of Object.entries(budgets)) {
      it(`holds a ${channel} macro to ${budget} words`, () => {
        assert.deepEqual(lintLines(macro(budget, `channel: ${channel}`), ['length']), []);
        const over = lintLines(macro(budget + 1, `channel: ${channel}`), ['length']);
        assert.equal(over.length, 1);
        assert.match(over[0]!, / info length /);
      });
    }

    it('switches budget with the channel: the same body fits an email but not a chat', () => {
      assert.deepEqual(lintLines(macro(70, 'channel: email'), ['length']), []);
      assert.equal(lintLines(macro(70, 'channel: chat'), ['length']).length, 1);
      assert.equal(lintLines(macro(70, 'channel: social'), ['length']).length, 1);
    });

    it('uses the email budget without a channel, or the configured fallback channel', () => {
      assert.deepEqual(lintLines(macro(70), ['length']), []);
      assert.equal(lintLines(macro(70), ['length'], { rules: { length: { channel: 'chat' } } }).length, 1);
    });

    it('takes budgets and severity from configuration', () => {
      const found = lintLines(macro(70, 'channel: email'), ['length'], { rules: { length: { severity: 'warning', email: 50 } } });
      assert.equal(found.length, 1);
      assert.match(found[0]!, / warning length /);
    });

    it('reports on the sentence where the budget runs out', () => {
      // Sentences of ten words: word 61 starts the seventh sentence (column 1 + 6 × 51 of the body's line).
      const found = lintLines(macro(70, 'channel: chat'), ['length']);
      assert.match(found[0]!, /^5:307-5:357 info length "Ship ship/);
    });
  });

  describe('sentence-length', () => {
    it('allows 28 words and reports 29', () => {
      assert.deepEqual(lintLines(`${words(28, 'please')}.\n`, ['sentence-length']), []);
      assert.deepEqual(lintLines(`${words(29, 'please')}.\n`, ['sentence-length']), [`1:1-1:204 info sentence-length "${words(29, 'please')}."`]);
    });
  });

  describe('readability', () => {
    const hard = 'Our reconciliation procedure automatically reprocesses unsuccessful authorization requests whenever intermediary verification infrastructure becomes temporarily unavailable.\n';

    it('reports a sentence above grade 8', () => {
      assert.equal(lintLines(hard, ['readability']).length, 1);
    });

    it('asks for as many agreeing formulas as configured', () => {
      assert.deepEqual(lintLines(hard, ['readability'], { rules: { readability: { agreement: 7 } } }), []);
    });

    it('leaves long sentences to sentence-length, unless that rule is off', () => {
      const long = `${hard.trim().slice(0, -1)}, consequently generating supplementary notifications, additional documentation requirements and occasionally duplicated confirmation correspondence for administrative personnel.\n`;
      assert.deepEqual(lintLines(long, ['readability']), []);
      assert.equal(lintLines(long, ['readability'], { rules: { 'sentence-length': 'off' } }).length, 1);
      assert.equal(lintLines(long, ['readability'], { rules: { 'sentence-length': { max: 40 } } }).length, 1);
    });
  });

  describe('readability', () => {
    it('reports exactly the sentences retext-readability reports (its prescreen only saves time)', () => {
      const texts = listDir(join(fixturesDir, 'rules'))
        .flatMap((id) => listDir(join(fixturesDir, 'rules', id)).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(fixturesDir, 'rules', id, f), 'utf8')));
      assert.ok(texts.length > 30);
      for (const [grade, agreement, minWords] of [[8, 6, 8], [4, 3, 1]] as const) {
        const layer = { rules: { 'sentence-length': 'off' as const, readability: { grade, agreement, minWords } } };
        for (const text of texts) {
          const ours = findingsOf(text, layer).filter((f) => f.ruleId === 'readability').map((f) => f.range.start);
          const document = parseMacro(text);
          const file = new VFile();
          unified()
            .use(retextReadability, { age: grade + 5, threshold: agreement / 7 - 1e-9, minWords })
            .runSync({ type: 'RootNode', children: document.blocks.flatMap((b) => b.nlcst.children) }, file);
          assert.deepEqual(ours, file.messages.map((m) => m.place && 'start' in m.place ? m.place.start.offset : undefined), text);
        }
      }
    });
  });

  describe('you-focus', () => {
    const body = (we: number, you: number) =>
      `${Array.from({ length: we }, () => 'We checked the order again today.').join(' ')} ${Array.from({ length: you }, () => 'You can track the parcel online now.').join(' ')}\n`;

    it('fires when "we" outnumbers "you" by the margin', () => {
      assert.deepEqual(lintLines(body(7, 6), ['you-focus']), []);
      assert.equal(lintLines(body(8, 6), ['you-focus']).length, 1);
      assert.equal(lintLines(body(7, 6), ['you-focus'], { rules: { 'you-focus': { margin: 1 } } }).length, 1);
    });

    it('does not measure short replies', () => {
      assert.deepEqual(lintLines('We checked. We fixed it. We are sorry.\n', ['you-focus']), []);
    });
  });
});
