/**
 * Only customer-facing prose is linted (MACRO-FORMAT.md, "What is prose and
 * what is not"). Each case puts a phrase inside something that is not prose
 * and asserts silence; a control proves the same words fire as plain prose.
 */
import assert from 'node:assert/strict';
import { parseMacro, PLACEHOLDER_WORD } from 'tactful-server';
import { FRONT, TEST_RULE_ID, findingsFor } from './support.js';

/**
 * What fires in `text`, by no-overpromise or by the test-only phrase rule
 * (which has no guards, and also looks for "right-away" and "right.away",
 * the forms a phrase takes in URLs and e-mail addresses); one entry a range.
 */
function fired(text: string): string[] {
  const ranges = new Map<string, string>();
  for (const f of findingsFor(text, ['no-overpromise', TEST_RULE_ID])) ranges.set(`${f.range.start}:${f.range.end}`, text.slice(f.range.start, f.range.end));
  return [...ranges.values()];
}

describe('engine: what is never linted', () => {
  describe('controls: the same words fire as prose', () => {
    for (const [label, body, phrase] of [
      ['plain', 'We will send it right away.', 'right away'],
      ['hyphenated', 'A right-away reply is our aim.', 'right-away'],
      ['dotted', 'The file is right.away for you.', 'right.away'],
      ['after a placeholder', 'We will send it {{customer.first_name}} right away.', 'right away'],
    ] as const) {
      it(label, () => assert.deepEqual(fired(`${FRONT}${body}\n`), [phrase]));
    }
  });

  const cases: [string, string][] = [
    ['a code span', 'We will send `right away` to you.'],
    ['a code span with double backticks', 'We will send ``right ` away`` to you.'],
    ['a fenced code block', 'Here is the log:\n\n```\nWe will send it right away.\n```'],
    ['a tilde-fenced code block with an info string', 'Here is the log:\n\n~~~text\nWe will send it right away.\n~~~'],
    ['an indented code block', 'Here is the log:\n\n    We will send it right away.'],
    ['a bare URL', 'We will see https://example.com/right-away today.'],
    ['a bare www URL', 'We will see www.right-away.com today.'],
    ['an autolink', 'We will see <https://example.com/right-away> today.'],
    ['a link destination and title', 'We will see [the tracker](https://example.com/right-away "right away") today.'],
    ['a reference definition', 'We will see [the tracker][t] today.\n\n[t]: https://example.com/right-away "right away"'],
    ['an image', 'We will see ![right away](https://example.com/right-away.png) today.'],
    ['a bare e-mail address', 'We will write to right.away@example.com today.'],
    ['an e-mail autolink', 'We will write to <right.away@example.com> today.'],
    ['a mailto link destination', 'We will write to [our team](mailto:right.away@example.com) today.'],
    ['an inline HTML comment', 'We will <!-- right away --> reply.'],
    ['an HTML comment block', '<!--\nWe will send it right away.\n-->\n\nHello.'],
    ['an inline HTML tag attribute', 'We will <span title="right away">reply</span> soon.'],
    ['a blockquote (the customer’s words)', '> We will send it right away.\n\nThanks for writing.'],
    ['a nested blockquote in a list', '- You wrote:\n\n  > We will send it right away.'],
  ];
  for (const [label, body] of cases) {
    it(label, () => assert.deepEqual(fired(`${FRONT}${body}\n`), []));
  }

  it('front matter values', () => {
    const text = '---\ntitle: We will send it right away\ndescription: "We will send it right away"\nowner: right.away@example.com\n---\nHello.\n';
    assert.deepEqual(fired(text), []);
  });

  describe('placeholders of every dialect', () => {
    const placeholders: [string, string, string][] = [
      ['zendesk', 'zendesk', '{{ticket.requester.custom_fields.right away}}'],
      ['Help Scout fallback', 'helpscout', '{%customer.firstName,fallback=right away%}'],
      ['Intercom fallback', 'intercom', '{{first_name | fallback: "right away"}}'],
      ['generic default', 'generic', '{{customer.first_name | default: "right away"}}'],
      ['a Liquid control tag', 'zendesk', '{% if right away %}Hi{% endif %}'],
      ['a Liquid tag with whitespace control', 'zendesk', '{%- unless right away -%}Hi{%- endunless -%}'],
    ];
    for (const [label, platform, placeholder] of placeholders) {
      it(label, () => {
        const text = `---\ntitle: Shipping update\nplatform: ${platform}\n---\nWe will send it ${placeholder} today.\n`;
        assert.deepEqual(fired(text), []);
      });
    }

    it('the text between Liquid tags is prose and is linted', () => {
      const text = '---\ntitle: Shipping update\nplatform: zendesk\n---\nWe will send it {% if ticket.requester.first_name %}soon{% else %}right away{% endif %}.\n';
      assert.deepEqual(fired(text), ['right away']);
    });
  });

  describe('a placeholder reads as one neutral word', () => {
    it('splits a phrase around it: "right {{…}} away" does not match', () => {
      // Blanked out entirely, the placeholder would leave "right   away", which matches.
      assert.deepEqual(fired(`${FRONT}We will send it right      away.\n`), ['right      away']);
      assert.deepEqual(fired(`${FRONT}We will send it right {{ticket.requester.first_name}} away.\n`), []);
    });

    const dialects: [string, string][] = [
      ['{{ticket.requester.first_name}}', 'zendesk'],
      ['{%customer.firstName,fallback=there%}', 'helpscout'],
      ['{{first_name | fallback: "there"}}', 'intercom'],
      ['{{ ticket.requester.firstname }}', 'freshdesk'],
    ];
    for (const [placeholder, platform] of dialects) {
      it(`${platform}: ${placeholder}`, () => {
        const source = `---\ntitle: Greeting\nplatform: ${platform}\n---\nHi ${placeholder}, thanks for writing.\n`;
        const document = parseMacro(source);
        assert.equal(document.blocks.length, 1);
        const block = document.blocks[0]!;
        const slice = source.slice(block.range.start, block.range.end);
        assert.equal(block.masked.length, slice.length);
        assert.equal(block.masked, `Hi ${PLACEHOLDER_WORD}${' '.repeat(placeholder.length - PLACEHOLDER_WORD.length)}, thanks for writing.`);
        const words = block.sentences.flatMap((s) => s.words);
        assert.deepEqual(words.map((w) => [w.text, w.placeholder]), [
          ['Hi', false], [PLACEHOLDER_WORD, true], ['thanks', false], ['for', false], ['writing', false],
        ]);
        // The placeholder word maps back to the placeholder's first character in the file.
        const word = words[1]!;
        assert.equal(source.slice(word.range.start, word.range.start + placeholder.length), placeholder);
      });
    }

    it('Liquid control tags are no word at all; their output placeholders are', () => {
      const source = `${FRONT}Hi {% if customer.first_name %}{{customer.first_name}}{% else %}there{% endif %}, thanks.\n`;
      const block = parseMacro(source).blocks[0]!;
      assert.equal(block.masked.length, block.range.end - block.range.start);
      assert.deepEqual(block.sentences.flatMap((s) => s.words.map((w) => w.text)), ['Hi', PLACEHOLDER_WORD, 'there', 'thanks']);
    });

    it('a placeholder spanning a CRLF keeps the mask the same length and keeps the line break', () => {
      const source = '---\r\ntitle: Greeting\r\n---\r\nHi {{ customer.first_name\r\n}}, thanks.\r\n';
      const block = parseMacro(source).blocks[0]!;
      const slice = source.slice(block.range.start, block.range.end);
      assert.equal(block.masked.length, slice.length);
      assert.equal(block.masked, `Hi ${PLACEHOLDER_WORD}${' '.repeat(21)}\r\n  , thanks.`);
    });

    it('a placeholder inside a link destination, image or HTML tag is no word of the sentence', () => {
      for (const inline of [
        '[your order](https://example.com/orders/{{ticket.id}})',
        '![your order]({{ticket.url}})',
        'https://example.com/orders/{{ticket.id}}',
        '<a href="{{ticket.url}}">your order</a>',
      ]) {
        const block = parseMacro(`---\ntitle: Track\nplatform: zendesk\n---\nSee ${inline} now.\n`).blocks[0]!;
        const words = block.sentences.flatMap((s) => s.words.map((w) => w.text));
        assert.ok(!words.includes(PLACEHOLDER_WORD), `${inline} reads as ${JSON.stringify(words)}`);
      }
    });

    it('so a phrase split only by markup around a placeholder URL still matches', () => {
      const text = `---\ntitle: Track\nplatform: zendesk\n---\nWe will send it right <a href="{{ticket.url}}">away</a>.\n`;
      assert.deepEqual(fired(text), ['right <a href="{{ticket.url}}">away']);
    });

    it('markup, code and link targets are masked; link text is not', () => {
      const source = `${FRONT}Hi **{{customer.first_name}}**, see \`x\` and [the page](https://example.com) <!-- c --> now.\n`;
      const block = parseMacro(source).blocks[0]!;
      assert.equal(block.masked.length, block.range.end - block.range.start);
      assert.deepEqual(block.sentences.flatMap((s) => s.words.map((w) => w.text)), ['Hi', PLACEHOLDER_WORD, 'see', 'and', 'the', 'page', 'now']);
    });
  });
});
