/**
 * A finding must cover exactly the characters of the phrase, whatever sits
 * around it: line endings, surrogate pairs, curly quotes, accents, front
 * matter, a BOM, and Markdown containers and emphasis.
 */
import assert from 'node:assert/strict';
import { FRONT, TEST_RULE_ID, findingsFor, linesFor, lintWith } from './support.js';

/**
 * Asserts that `text` has exactly one no-overpromise finding, on `phrase`,
 * at `where` (1-based `line:col-line:col`, UTF-16 columns, end exclusive),
 * and that the engine's own line index (what the editor gets) agrees.
 */
function assertOnlyPhrase(text: string, where: string, phrase = 'right away'): void {
  // The shipped rule, and the engine's own phrase matcher through a test-only rule.
  for (const ruleId of ['no-overpromise', TEST_RULE_ID]) {
    const findings = findingsFor(text, [ruleId]);
    assert.equal(findings.length, 1, `${ruleId}: expected one finding, got ${findings.length}`);
    const finding = findings[0]!;
    assert.equal(text.slice(finding.range.start, finding.range.end), phrase);
    assert.equal(finding.actual, phrase);
    assert.deepEqual(linesFor(text, [ruleId]), [`${where} warning ${ruleId} ${JSON.stringify(phrase)}`]);

    const [startLine, startColumn, endLine, endColumn] = where.split(/[:-]/).map(Number) as [number, number, number, number];
    const { document } = lintWith(text);
    assert.deepEqual(document.lines.position(finding.range.start), { line: startLine - 1, column: startColumn - 1 });
    assert.deepEqual(document.lines.position(finding.range.end), { line: endLine - 1, column: endColumn - 1 });
  }
}

describe('engine: finding ranges', () => {
  it('plain sentence under front matter', () => {
    assertOnlyPhrase(`${FRONT}We will send it right away.\n`, '4:17-4:27');
  });

  describe('line endings', () => {
    it('CRLF throughout (front matter and body)', () => {
      const text = '---\r\ntitle: Shipping update\r\n---\r\nHi there,\r\n\r\nWe will send it right away.\r\n';
      assertOnlyPhrase(text, '6:17-6:27');
    });

    it('CRLF with the phrase on the second line of a paragraph', () => {
      const text = '---\r\ntitle: Shipping update\r\n---\r\nThanks for waiting.\r\nWe will send it right away.\r\n';
      assertOnlyPhrase(text, '5:17-5:27');
    });

    it('the phrase broken over a CRLF line break still covers both words', () => {
      const text = '---\r\ntitle: Shipping update\r\n---\r\nWe will send it right\r\naway.\r\n';
      for (const ruleId of ['no-overpromise', TEST_RULE_ID]) {
        assert.deepEqual(findingsFor(text, [ruleId]).map((f) => text.slice(f.range.start, f.range.end)), ['right\r\naway']);
      }
    });
  });

  describe('non-ASCII text before the phrase', () => {
    it('emoji (surrogate pairs) count two UTF-16 columns each', () => {
      assertOnlyPhrase(`${FRONT}🎉📦 We will send it right away.\n`, '4:22-4:32');
    });

    it('a ZWJ emoji sequence counts every code unit', () => {
      // 👩‍👩‍👧 is 8 UTF-16 code units: three surrogate pairs and two joiners.
      assertOnlyPhrase(`${FRONT}👋 Hi! 👩‍👩‍👧 We will send it right away.\n`, '4:33-4:43');
    });

    it('emoji in the front matter do not shift the body', () => {
      assertOnlyPhrase('---\ntitle: 🚚 Shipping 🎉\n---\nWe will send it right away.\n', '4:17-4:27');
    });

    it('curly quotes and apostrophes', () => {
      assertOnlyPhrase(`${FRONT}“Good news” — we’ll send it right away, it’s on us.\n`, '4:29-4:39');
    });

    it('a phrase that itself contains a curly apostrophe', () => {
      assertOnlyPhrase(`${FRONT}I’m sorry, this won’t happen again.\n`, '4:12-4:35', 'this won’t happen again');
    });

    it('accented letters (precomposed)', () => {
      assertOnlyPhrase(`${FRONT}Señora Müller, we will send it right away.\n`, '4:32-4:42');
    });

    it('accented letters (combining accent, NFD)', () => {
      assertOnlyPhrase(`${FRONT}Rene\u0301e, we will send it right away.\n`, '4:25-4:35');
    });
  });

  describe('front matter of varying length', () => {
    for (const extra of [0, 1, 5, 40]) {
      it(`${extra} extra front-matter line(s)`, () => {
        const lines = Array.from({ length: extra }, (_, i) => (i === 0 ? 'description: >-' : `  line ${i} of a long description`));
        const text = ['---', 'title: Shipping update', ...lines, '---', 'We will send it right away.', ''].join('\n');
        const line = 4 + extra;
        assertOnlyPhrase(text, `${line}:17-${line}:27`);
      });
    }

    it('a macro without front matter', () => {
      assertOnlyPhrase('We will send it right away.\n', '1:17-1:27');
    });
  });

  describe('byte order mark', () => {
    it('BOM before the front matter', () => {
      assertOnlyPhrase(`\uFEFF${FRONT}We will send it right away.\n`, '4:17-4:27');
    });

    it('BOM with no front matter: the BOM is one UTF-16 column of line 1', () => {
      assertOnlyPhrase('\uFEFFWe will send it right away.\n', '1:18-1:28');
    });

    it('BOM: code spans stay masked at their own characters', () => {
      // Positions that drift by the BOM's width unmask the wrong characters.
      const text = `\uFEFF${FRONT}We will \`send\` it right away.\n`;
      const { document } = lintWith(text);
      const block = document.blocks[0]!;
      assert.equal(text.slice(block.range.start, block.range.end), 'We will `send` it right away.');
      assert.equal(block.masked, 'We will        it right away.');
    });
  });

  describe('Markdown containers', () => {
    it('a bullet list item', () => {
      assertOnlyPhrase(`${FRONT}- Thanks for waiting.\n- We will send it right away.\n`, '5:19-5:29');
    });

    it('a nested list item under an ordered item', () => {
      assertOnlyPhrase(`${FRONT}1. Step one.\n   - We will send it right away.\n`, '5:22-5:32');
    });

    it('an ATX heading', () => {
      assertOnlyPhrase(`${FRONT}## We will send it right away\n`, '4:20-4:30');
    });

    it('a setext heading', () => {
      assertOnlyPhrase(`${FRONT}We will send it right away\n===\n`, '4:17-4:27');
    });

    it('a table cell', () => {
      assertOnlyPhrase(`${FRONT}| Step | When |\n|---|---|\n| Ship | We will send it right away. |\n`, '6:26-6:36');
    });

    it('bold text', () => {
      assertOnlyPhrase(`${FRONT}We will send it **right away**.\n`, '4:19-4:29');
    });

    it('italic text', () => {
      assertOnlyPhrase(`${FRONT}We will send it _right away_.\n`, '4:18-4:28');
    });

    it("a link's text", () => {
      assertOnlyPhrase(`${FRONT}We will send it [right away](https://example.com/track).\n`, '4:18-4:28');
    });

    it('CRLF, emoji and a list item together', () => {
      const text = '---\r\ntitle: 📦 Shipping\r\ntags: [delay]\r\n---\r\n- 🎉 We’ll send it right away.\r\n';
      assertOnlyPhrase(text, '5:20-5:30');
    });
  });
});
