/**
 * Section E: the reused retext checks behave like native rules (configuration,
 * disable comments, quick fixes that keep case and introduce nothing), and
 * spelling never reads what is not prose.
 */
import assert from 'node:assert/strict';
import { findingsOf, fixOnly, lintLines } from '../helpers.js';

const LIBRARY = ['retext-equality', 'retext-profanities', 'retext-repeated-words', 'retext-indefinite-article', 'retext-spell'];
const FRONT = '---\ntitle: Library rules\nchannel: email\n---\n';

describe('library rules', () => {
  describe('retext-spell never reads what is not prose', () => {
    const typos = 'recieve adress teh';

    it('skips placeholders, URLs, e-mail addresses, code, HTML comments and quoted customer text', () => {
      const text = [
        FRONT,
        'Hi {{customer.recieve_adress}}, {{teh}} {% if ticket.recieve %}ok{% endif %}',
        '',
        `See https://example.com/${typos.replace(/ /g, '-')}, <https://example.com/teh>, [the guide](https://example.com/recieve) or write to adress@example.com.`,
        '',
        `Run \`${typos}\` now.`,
        '',
        '```',
        typos,
        '```',
        '',
        `    ${typos}`,
        '',
        `> ${typos}`,
        '',
        `<!-- ${typos} -->`,
        '',
      ].join('\n');
      assert.deepEqual(lintLines(text, ['retext-spell']), []);
    });

    it('reads the same words as typos in prose (the test above is not vacuous)', () => {
      assert.deepEqual(lintLines(`${FRONT}Please ${typos}.\n`, ['retext-spell']), [
        '5:8-5:15 info retext-spell "recieve"',
        '5:16-5:22 info retext-spell "adress"',
        '5:23-5:26 info retext-spell "teh"',
      ]);
    });

    it('skips acronyms, names, words with digits and the configured words', () => {
      const text = `${FRONT}Your SKU, the Recieve app and iPhone, 2nd-day shipping and the refundo team.\n`;
      assert.deepEqual(lintLines(text, ['retext-spell'], { words: ['refundo'] }), []);
      assert.deepEqual(lintLines(text, ['retext-spell']), ['5:64-5:71 info retext-spell "refundo"']);
    });

    it('reports the word itself as `actual`, for the language server\'s "add to word list"', () => {
      const [finding] = findingsOf(`${FRONT}You will recieve it.\n`).filter((f) => f.ruleId === 'retext-spell');
      assert.equal(finding?.actual, 'recieve');
    });

    it('accepts US and British spelling unless told to use one dictionary', () => {
      const text = `${FRONT}The colour of your favourite jumper.\n`;
      assert.deepEqual(lintLines(text, ['retext-spell']), []);
      assert.deepEqual(lintLines(text, ['retext-spell'], { rules: { 'retext-spell': { dictionaries: ['en'] } } }), [
        '5:5-5:11 info retext-spell "colour"',
        '5:20-5:29 info retext-spell "favourite"',
      ]);
    });
  });

  describe('placeholders are values, not words', () => {
    it('does not compare two placeholders or pick an article for one', () => {
      const text = `${FRONT}Hi {{customer.first_name}} {{customer.last_name}}, a {{product.name}} and an {{item.name}} are on the way.\n`;
      assert.deepEqual(lintLines(text, LIBRARY), []);
    });
  });

  describe('configuration and disable comments apply as to any rule', () => {
    const text = `${FRONT}Please check the the settings, it takes a hour.\n`;

    it('turns a rule off or changes its severity', () => {
      assert.deepEqual(lintLines(text, ['retext-repeated-words'], { rules: { 'retext-repeated-words': 'off' } }), []);
      assert.deepEqual(lintLines(text, ['retext-indefinite-article'], { rules: { 'retext-indefinite-article': 'error' } }), [
        '5:41-5:42 error retext-indefinite-article "a"',
      ]);
    });

    it('obeys disable comments', () => {
      const disabled = `${FRONT}<!-- tactful-disable-next-line retext-repeated-words -->\nPlease check the the settings, it takes a hour.\n`;
      assert.deepEqual(lintLines(disabled, ['retext-repeated-words', 'retext-indefinite-article']), [
        '6:41-6:42 warning retext-indefinite-article "a"',
      ]);
    });

    it('takes profanity sureness from configuration', () => {
      const mild = `${FRONT}Your payment failed at the end of the billing period.\n`;
      assert.deepEqual(lintLines(mild, ['retext-profanities']), []);
      assert.ok(lintLines(mild, ['retext-profanities'], { rules: { 'retext-profanities': { sureness: 0 } } }).length > 0);
    });
  });

  describe('quick fixes', () => {
    it('keep the case of what they replace', () => {
      const text = `${FRONT}Recieve it soon. A hour is enough. The the box is there. Hi Guys.\n`;
      assert.equal(fixOnly(text, LIBRARY), `${FRONT}Receive it soon. An hour is enough. The box is there. Hi Everyone.\n`);
    });

    it('keep CRLF line endings and change only their span', () => {
      const text = `---\r\ntitle: Library rules\r\n---\r\nHi {{customer.first_name}},\r\n\r\nYou will recieve a email from the the team.\r\n`;
      assert.equal(fixOnly(text, LIBRARY), `---\r\ntitle: Library rules\r\n---\r\nHi {{customer.first_name}},\r\n\r\nYou will receive an email from the team.\r\n`);
    });

    it('introduce no finding of another rule', () => {
      const text = [
        '---',
        'title: Library fixes',
        'tags: [refund]',
        'channel: email',
        '---',
        'Hi {{customer.first_name | default: "there"}},',
        '',
        'Thank you for writing in. Our salesman checked the the blacklisted card, and you will recieve a email within a hour.',
        '',
        'If anything is still unclear, reply to this email and I\'ll be happy to help.',
        '',
        'Best,',
        '{{agent.first_name}}',
        '',
      ].join('\n');
      const fixed = fixOnly(text, LIBRARY);
      assert.notEqual(fixed, text);
      const others = (t: string) => findingsOf(t).filter((f) => !LIBRARY.includes(f.ruleId)).map((f) => `${f.ruleId} ${f.message}`);
      assert.deepEqual(others(fixed), others(text));
      assert.deepEqual(lintLines(fixed, LIBRARY), []);
    });
  });
});
