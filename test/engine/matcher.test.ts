/**
 * The phrase matcher compares words, not characters: case-insensitive, curly
 * and straight apostrophes alike, contractions equal to their long forms, and
 * never inside a longer word.
 */
import assert from 'node:assert/strict';
import type { ConfigFile } from 'tactful-server';
import { FRONT, TEST_RULE_ID, findingsFor, slices } from './support.js';

function matches(body: string, layer: ConfigFile = {}): string[] {
  const text = `${FRONT}${body}\n`;
  return slices(text, findingsFor(text, [TEST_RULE_ID], layer));
}

/** Team phrases, written once in one form; every equivalent form must match. */
const TEAM: ConfigFile = {
  phrases: {
    [TEST_RULE_ID]: [
      { match: 'should have known', replace: ['could not know'] },
      { match: 'will not be charged', replace: ['should not be charged'] },
      { match: "can't help", replace: ['are unable to help'] },
      { match: 'we are sure', replace: ['we believe'] },
      { match: 'let us fix', replace: ['we will try to fix'] },
    ],
  },
};

describe('engine: phrase matcher', () => {
  describe('contractions equal their long forms', () => {
    for (const written of ['should have known', "should've known", 'should’ve known']) {
      it(`"should have known" matches "${written}"`, () => assert.deepEqual(matches(`You ${written} better.`, TEAM), [written]));
    }

    for (const written of ['will not be charged', "won't be charged", 'won’t be charged']) {
      it(`"will not be charged" matches "${written}"`, () => assert.deepEqual(matches(`You ${written} twice.`, TEAM), [written]));
    }

    for (const written of ["can't help", 'can’t help', 'cannot help', 'can not help', 'CANNOT HELP']) {
      it(`"can't help" matches "${written}"`, () => assert.deepEqual(matches(`We ${written} there.`, TEAM), [written]));
    }

    for (const written of ["we're sure", 'we’re sure', 'We are sure']) {
      it(`"we are sure" matches "${written}"`, () => assert.deepEqual(matches(`Yes, ${written} of it.`, TEAM), [written]));
    }

    it('"let us" matches "let\'s"', () => {
      assert.deepEqual(matches("Let's fix it.", TEAM), ["Let's fix"]);
    });

    it('a phrase written long matches the contraction, curly or straight', () => {
      assert.deepEqual(matches('Sorry, this will not happen again.'), ['this will not happen again']);
      assert.deepEqual(matches('Sorry, this won’t happen again.'), ['this won’t happen again']);
      assert.deepEqual(matches("Sorry, this won't happen again."), ["this won't happen again"]);
    });

    it('a contraction is not split into a phrase it does not spell', () => {
      // "won't" is "will not", never "won t" or "wo not".
      assert.deepEqual(matches('You wont be charged twice.', TEAM), []);
    });
  });

  describe('case-insensitive', () => {
    for (const written of ['right away', 'Right away', 'RIGHT AWAY', 'rIgHt AwAy']) {
      it(written, () => assert.deepEqual(matches(`We will send it ${written}.`), [written]));
    }
  });

  describe('whitespace between words does not matter', () => {
    it('several spaces, a tab, a line break', () => {
      assert.deepEqual(matches('We will send it right  \taway.'), ['right  \taway']);
      assert.deepEqual(matches('We will send it right\naway.'), ['right\naway']);
    });
  });

  describe('word boundaries', () => {
    for (const body of [
      'We will send it right awayness.',
      'We will send it forthright away.',
      'We will send it rightaway.',
      'We will send it right, away.',
      'We will send it downright awayish.',
      'We will send it right_away.',
    ]) {
      it(`"right away" does not match in "${body}"`, () => assert.deepEqual(matches(body), []));
    }

    it('a phrase next to punctuation still matches', () => {
      assert.deepEqual(matches('We will send it (right away).'), ['right away']);
      assert.deepEqual(matches('We will send it—right away!'), ['right away']);
    });

    it('a phrase next to an emoji still matches', () => {
      assert.deepEqual(matches('We will send it🎉right away🎉.'), ['right away']);
    });

    it('accented letters are part of the word', () => {
      const layer: ConfigFile = { phrases: { [TEST_RULE_ID]: [{ match: 'garantie', replace: [] }] } };
      assert.deepEqual(matches('Notre garantie, la garantié.', layer), ['garantie']);
    });

    it('a word whose lower case is longer than it is written ends where it is written', () => {
      // "İ" lower-cases to two characters ("i" and a combining dot); the match must not take the comma after the word.
      const layer: ConfigFile = { phrases: { [TEST_RULE_ID]: [{ match: 'visit İstanbul', replace: [] }] } };
      assert.deepEqual(matches('We will visit İstanbul, then Ankara.', layer), ['visit İstanbul']);
    });

    it('so does a contraction with such a letter: its parts keep their places in the word as written', () => {
      const layer: ConfigFile = { phrases: { [TEST_RULE_ID]: [{ match: 'will call', replace: [] }] } };
      assert.deepEqual(matches('İ\'ll call you back.', layer), ['\'ll call']);
    });
  });

  describe('one finding per match', () => {
    it('two occurrences are two findings', () => {
      assert.deepEqual(matches('We will send it right away and reply right away.'), ['right away', 'right away']);
    });

    it('a team phrase that repeats a built-in one is not reported twice', () => {
      const layer: ConfigFile = { phrases: { [TEST_RULE_ID]: [{ match: 'Right Away', replace: ['soon'] }] } };
      assert.deepEqual(matches('We will send it right away.', layer), ['right away']);
    });

    it('the longest phrase wins at one position', () => {
      const layer: ConfigFile = { phrases: { [TEST_RULE_ID]: [{ match: 'we guarantee', replace: ['we aim'] }, { match: 'we guarantee a refund', replace: ['we aim to refund'] }] } };
      assert.deepEqual(matches('We guarantee a refund.', layer), ['We guarantee a refund']);
    });
  });
});
