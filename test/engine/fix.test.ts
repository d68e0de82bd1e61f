/** Applying rewrites: exact spans, overlaps, convergence, case and apostrophes. */
import assert from 'node:assert/strict';
import { applyEdits, fixText, type Edit, type Finding } from 'tactful-server';
import { FRONT, TEST_RULE_ID, findingsFor, lintWith } from './support.js';
import type { ConfigFile } from 'tactful-server';

const isTestRule = (f: Finding) => f.ruleId === TEST_RULE_ID;

/** Applies every preferred rewrite of the test-only phrase rule until stable. */
function fix(text: string, config: ConfigFile = {}): string {
  return fixText(text, (t) => lintWith(t, config).findings, isTestRule).output;
}

function body(text: string): string {
  return fix(FRONT + text + '\n').slice(FRONT.length, -1);
}

/** A finding that proposes `edit`, for fake lint functions. */
function proposing(edit: Edit): Finding {
  return { ruleId: 'fake', severity: 'warning', message: 'fake', range: edit.range, suggestions: [{ title: 'fake', edit }] };
}

describe('engine: fixes', () => {
  describe('a rewrite changes only its span', () => {
    it('text before and after the finding is byte-for-byte the same', () => {
      const before = '\uFEFF---\r\ntitle: 🚚 Shipping — “update”\r\n---\r\nHi {{customer.first_name}} 👋,\r\n\r\nWe’ll send it ';
      const after = '.  Café?\r\n\r\n```\r\nright away\r\n```\r\n<!-- keep -->\r\n';
      const text = `${before}right away${after}`;
      const [finding] = findingsFor(text, [TEST_RULE_ID]);
      assert.ok(finding);
      const { output } = applyEdits(text, [finding.suggestions[0]!.edit]);
      assert.equal(output, `${before}as soon as we can${after}`);
      assert.equal(output.slice(0, before.length), text.slice(0, before.length));
      assert.equal(output.slice(-after.length), text.slice(-after.length));
    });

    it('every suggestion edits the same span', () => {
      const text = `${FRONT}We will send it right away.\n`;
      const [finding] = findingsFor(text, [TEST_RULE_ID]);
      for (const suggestion of finding!.suggestions) {
        assert.deepEqual(suggestion.edit.range, finding!.range);
      }
      assert.deepEqual(finding!.suggestions.map((s) => s.edit.text), ['as soon as we can', 'within one business day']);
    });
  });

  describe('applyEdits', () => {
    it('applies non-overlapping edits in any order', () => {
      const edits: Edit[] = [
        { range: { start: 6, end: 11 }, text: 'there' },
        { range: { start: 0, end: 5 }, text: 'Hi' },
      ];
      assert.deepEqual(applyEdits('Hello world!', edits).output, 'Hi there!');
    });

    it('drops the later of two overlapping edits', () => {
      const first: Edit = { range: { start: 0, end: 5 }, text: 'Howdy' };
      const later: Edit = { range: { start: 3, end: 11 }, text: 'XXX' };
      const result = applyEdits('Hello world!', [later, first]);
      assert.equal(result.output, 'Howdy world!');
      assert.deepEqual(result.applied, [first]);
    });

    it('keeps edits that only touch', () => {
      const result = applyEdits('abcdef', [{ range: { start: 0, end: 3 }, text: 'X' }, { range: { start: 3, end: 6 }, text: 'Y' }]);
      assert.equal(result.output, 'XY');
    });

    it('keeps only the first of two insertions at the same point', () => {
      const result = applyEdits('ab', [{ range: { start: 1, end: 1 }, text: '1' }, { range: { start: 1, end: 1 }, text: '2' }]);
      assert.equal(result.output, 'a1b');
      assert.equal(result.applied.length, 1);
    });

    it('ignores edits outside the text', () => {
      const result = applyEdits('abc', [{ range: { start: 2, end: 9 }, text: 'X' }, { range: { start: 2, end: 1 }, text: 'Y' }]);
      assert.equal(result.output, 'abc');
      assert.deepEqual(result.applied, []);
    });
  });

  describe('fixText', () => {
    it('applies a dropped overlapping edit in a later pass', () => {
      // Two "rules": `our colo(u)r` → `your …`, and `colour` → `color`. They overlap on "colour".
      const lintText = (text: string): Finding[] => {
        const findings: Finding[] = [];
        for (const m of text.matchAll(/\bour colou?r/g)) findings.push(proposing({ range: { start: m.index, end: m.index + m[0].length }, text: 'y' + m[0] }));
        for (const m of text.matchAll(/colour/g)) findings.push(proposing({ range: { start: m.index, end: m.index + 6 }, text: 'color' }));
        return findings;
      };
      const result = fixText('Pick our colour.', lintText);
      assert.equal(result.output, 'Pick your color.');
      assert.equal(result.passes, 2);
      assert.equal(result.applied, 2);
      assert.equal(result.capped, false);
    });

    it('stops when nothing is left to fix', () => {
      const result = fixText(`${FRONT}We will send it right away.\n`, (t) => lintWith(t).findings, isTestRule);
      assert.equal(result.output, `${FRONT}We will send it as soon as we can.\n`);
      assert.equal(result.passes, 1);
      assert.equal(result.capped, false);
    });

    it('returns the text untouched, in zero passes, when nothing is fixable', () => {
      const result = fixText('Hello.', () => []);
      assert.deepEqual(result, { output: 'Hello.', applied: 0, passes: 0, capped: false });
    });

    it('respects its pass cap when a lint function always proposes an edit', () => {
      let calls = 0;
      const always = (text: string): Finding[] => {
        calls++;
        return [proposing({ range: { start: text.length, end: text.length }, text: '!' })];
      };
      const result = fixText('Hi', always, undefined, 4);
      assert.equal(result.output, 'Hi!!!!');
      assert.equal(result.passes, 4);
      assert.equal(result.applied, 4);
      assert.equal(result.capped, true);
      assert.ok(calls <= 5, `lint ran ${calls} times`);
    });

    it('the default cap is finite', () => {
      const result = fixText('', (text) => [proposing({ range: { start: text.length, end: text.length }, text: 'x' })]);
      assert.equal(result.capped, true);
      assert.ok(result.passes > 0 && result.output.length === result.passes);
    });

    it('an edit that changes nothing does not loop', () => {
      const result = fixText('same', (text) => [proposing({ range: { start: 0, end: text.length }, text })]);
      assert.equal(result.output, 'same');
      assert.equal(result.capped, false);
    });

    it('only accepted findings are fixed', () => {
      const text = `${FRONT}We will send it right away, {{nope}}.\n`;
      const result = fixText(text, (t) => lintWith(t).findings, isTestRule);
      assert.equal(result.output, `${FRONT}We will send it as soon as we can, {{nope}}.\n`);
    });
  });

  describe('keeping case', () => {
    it('lower case stays lower case', () => {
      assert.equal(body('We will send it right away.'), 'We will send it as soon as we can.');
    });

    it('"Right away" → "As soon as we can"', () => {
      assert.equal(body('Right away, we will send it.'), 'As soon as we can, we will send it.');
    });

    it('"Right Away" (title case) → "As soon as we can"', () => {
      assert.equal(fix(`${FRONT}## We Will Send It Right Away\n`), `${FRONT}## We Will Send It As soon as we can\n`);
    });

    it('"RIGHT AWAY" → upper case', () => {
      assert.equal(body('We will send it RIGHT AWAY.'), 'We will send it AS SOON AS WE CAN.');
      assert.equal(body('WE WILL SEND IT RIGHT AWAY!'), 'WE WILL SEND IT AS SOON AS WE CAN!');
    });

    it('a capitalised team phrase gets a capitalised rewrite', () => {
      const layer = { phrases: { [TEST_RULE_ID]: [{ match: 'per our records', replace: ['our records show'] }] } };
      assert.equal(fix(`${FRONT}Per our records, it left.\n`, layer), `${FRONT}Our records show, it left.\n`);
    });
  });

  describe('removal rewrites', () => {
    it('remove the phrase and the space after it', () => {
      assert.equal(body('We will definitely send it.'), 'We will send it.');
    });

    it('re-capitalise the sentence start', () => {
      assert.equal(body('Definitely we will send it.'), 'We will send it.');
      assert.equal(body('Thanks. Definitely we will send it.'), 'Thanks. We will send it.');
    });

    it('take the comma that belonged to the phrase', () => {
      assert.equal(body('Definitely, we will send it.'), 'We will send it.');
    });

    it('at the end of a sentence, take the space before', () => {
      assert.equal(body('We will send it definitely.'), 'We will send it.');
    });

    it('at the end of a sentence, take the comma before', () => {
      assert.equal(body('We will send it, definitely.'), 'We will send it.');
    });

    it('a phrase without letters at a sentence start still leaves a capital', () => {
      assert.equal(body('100% we will send it.'), 'We will send it.');
    });

    it('mid-sentence, nothing is capitalised', () => {
      assert.equal(body('We are 100% sure.'), 'We are sure.');
    });

    it('the fixed text lints clean for the rule', () => {
      const fixed = fix(`${FRONT}Definitely, we will send it right away. We are 100% sure.\n`);
      assert.equal(fixed, `${FRONT}We will send it as soon as we can. We are sure.\n`);
      assert.deepEqual(findingsFor(fixed, [TEST_RULE_ID]), []);
    });
  });

  describe('apostrophes', () => {
    it('curly apostrophes in the original are kept in the rewrite', () => {
      assert.equal(body('Sorry, this won’t happen again.'), 'Sorry, we’re taking steps so this doesn’t happen again.');
    });

    it('straight apostrophes stay straight', () => {
      assert.equal(body("Sorry, this won't happen again."), "Sorry, we're taking steps so this doesn't happen again.");
    });
  });
});
