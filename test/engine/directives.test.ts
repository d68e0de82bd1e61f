/** Disable comments, as MACRO-FORMAT.md ("Disable comments") describes them. */
import assert from 'node:assert/strict';
import { applyEdits } from 'tactful-server';
import { FRONT, linesFor, lintWith, findingsFor } from './support.js';

const PROMISE = 'We will send it right away.';
/** A line with two different findings: no-overpromise and unknown-placeholder. */
const TWO = 'We will send it right away, {{agent.nmae}}.';
const IDS = ['no-overpromise', 'unknown-placeholder', 'unknown-rule', 'unused-directive'];

/** Lint lines of the rules these tests watch, for `FRONT` + `body`. */
function lines(body: string): string[] {
  return linesFor(FRONT + body, IDS);
}

describe('engine: disable comments', () => {
  it('control: without directives both findings appear', () => {
    assert.deepEqual(lines(`${TWO}\n`), [
      '4:17-4:27 warning no-overpromise "right away"',
      '4:29-4:43 error unknown-placeholder "{{agent.nmae}}"',
    ]);
  });

  describe('tactful-disable-next-line', () => {
    it('silences that rule on the next line only', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise -->\n${PROMISE}\n${PROMISE}\n`), [
        '6:17-6:27 warning no-overpromise "right away"',
      ]);
    });

    it('silences only the named rule', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise -->\n${TWO}\n`), [
        '5:29-5:43 error unknown-placeholder "{{agent.nmae}}"',
      ]);
    });

    it('does not reach past a blank line', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise -->\n\n${PROMISE}\n`), [
        '4:32-4:46 hint unused-directive "no-overpromise"',
        '6:17-6:27 warning no-overpromise "right away"',
      ]);
    });

    it('works with CRLF line endings', () => {
      const text = `---\r\ntitle: Shipping update\r\n---\r\n<!-- tactful-disable-next-line no-overpromise -->\r\n${PROMISE}\r\n${PROMISE}\r\n`;
      assert.deepEqual(linesFor(text, IDS), ['6:17-6:27 warning no-overpromise "right away"']);
    });

    it('works in a file that starts with a BOM', () => {
      const text = `\uFEFF<!-- tactful-disable-next-line no-overpromise -->\n${PROMISE}\n`;
      assert.deepEqual(linesFor(text, IDS), []);
    });
  });

  describe('tactful-disable … tactful-enable', () => {
    it('silences the rule between the two comments only', () => {
      const body = `${PROMISE}\n\n<!-- tactful-disable no-overpromise -->\n\n${PROMISE}\n\n${PROMISE}\n\n<!-- tactful-enable no-overpromise -->\n\n${PROMISE}\n`;
      assert.deepEqual(lines(body), [
        '4:17-4:27 warning no-overpromise "right away"',
        '14:17-14:27 warning no-overpromise "right away"',
      ]);
    });

    it('without an enable it runs to the end of the file, for that rule only', () => {
      const body = `<!-- tactful-disable no-overpromise -->\n\n${TWO}\n\n${PROMISE}\n`;
      assert.deepEqual(lines(body), ['6:29-6:43 error unknown-placeholder "{{agent.nmae}}"']);
    });

    it('an enable naming another rule does not end it', () => {
      const body = `<!-- tactful-disable no-overpromise -->\n\n<!-- tactful-enable unknown-placeholder -->\n\n${PROMISE}\n`;
      assert.deepEqual(lines(body).filter((l) => l.includes(' no-overpromise ')), []);
    });

    it('an enable without rules ends it', () => {
      const body = `<!-- tactful-disable no-overpromise -->\n\n${PROMISE}\n\n<!-- tactful-enable -->\n\n${PROMISE}\n`;
      assert.deepEqual(lines(body), ['10:17-10:27 warning no-overpromise "right away"']);
    });
  });

  it('tactful-disable-file silences the rule everywhere, also above the comment', () => {
    const body = `${TWO}\n\n${PROMISE}\n\n<!-- tactful-disable-file no-overpromise -->\n`;
    assert.deepEqual(lines(body), ['4:29-4:43 error unknown-placeholder "{{agent.nmae}}"']);
  });

  it('tactful-disable-file also silences front-matter findings', () => {
    const text = `---\ntitle: Shipping update\nchannel: fax\n---\n<!-- tactful-disable-file frontmatter -->\n\n${PROMISE}\n`;
    assert.deepEqual(linesFor(text, ['frontmatter', ...IDS]), ['7:17-7:27 warning no-overpromise "right away"']);
  });

  it('a disable for every rule does not hide reports about directives themselves', () => {
    const body = `<!-- tactful-disable-file -->\n<!-- tactful-disable-next-line no-overpromis -->\n${PROMISE}\n`;
    assert.deepEqual(lines(body), ['5:32-5:45 warning unknown-rule "no-overpromis"']);
  });

  it('tactful-disable-line silences its own line only', () => {
    const body = `${PROMISE} <!-- tactful-disable-line no-overpromise -->\n${PROMISE}\n`;
    assert.deepEqual(lines(body), ['5:17-5:27 warning no-overpromise "right away"']);
  });

  describe('rule lists', () => {
    for (const [label, list] of [['commas', 'no-overpromise,unknown-placeholder'], ['comma and space', 'no-overpromise, unknown-placeholder'], ['spaces', 'no-overpromise   unknown-placeholder']]) {
      it(`several rules separated by ${label}`, () => {
        assert.deepEqual(lines(`<!-- tactful-disable-next-line ${list} -->\n${TWO}\n`), []);
      });
    }

    it('no rule means every rule', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line -->\n${TWO}\n${TWO}\n`), [
        '6:17-6:27 warning no-overpromise "right away"',
        '6:29-6:43 error unknown-placeholder "{{agent.nmae}}"',
      ]);
      assert.deepEqual(lines(`${TWO} <!-- tactful-disable-line -->\n`), []);
    });

    it('a " -- reason" tail names no rule', () => {
      const body = `<!-- tactful-disable-next-line no-overpromise -- legal approved this wording for unknown-placeholder cases -->\n${TWO}\n`;
      assert.deepEqual(lines(body), ['5:29-5:43 error unknown-placeholder "{{agent.nmae}}"']);
    });

    it('a reason alone still means every rule', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line -- approved by legal -->\n${TWO}\n`), []);
    });
  });

  describe('unknown rule ids', () => {
    const body = `<!-- tactful-disable-next-line no-overpromis -->\n${PROMISE}\n`;

    it('are a warning on the id, and suppress nothing', () => {
      assert.deepEqual(lines(body), [
        '4:32-4:45 warning unknown-rule "no-overpromis"',
        '5:17-5:27 warning no-overpromise "right away"',
      ]);
    });

    it('carry a did-you-mean fix that repairs the comment', () => {
      const text = FRONT + body;
      const [finding] = findingsFor(text, ['unknown-rule']);
      assert.match(finding!.message, /did you mean "no-overpromise"/);
      const fixed = applyEdits(text, [finding!.suggestions[0]!.edit]).output;
      assert.equal(fixed, `${FRONT}<!-- tactful-disable-next-line no-overpromise -->\n${PROMISE}\n`);
      assert.deepEqual(linesFor(fixed, IDS), []);
    });

    it('an unknown id in a list does not stop the known ones', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise, unknwn-placeholder -->\n${TWO}\n`), [
        '4:48-4:66 warning unknown-rule "unknwn-placeholder"',
        '5:29-5:43 error unknown-placeholder "{{agent.nmae}}"',
      ]);
    });
  });

  describe('unused directives', () => {
    it('a directive that suppresses nothing is a hint on the rule id', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise -->\nWe will send it within two business days.\n`), [
        '4:32-4:46 hint unused-directive "no-overpromise"',
      ]);
    });

    it('without rule ids the hint covers the whole comment', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-file -->\n\nAll good here.\n`), [
        '4:1-4:30 hint unused-directive "<!-- tactful-disable-file -->"',
      ]);
    });

    it('only the rule of a list that suppressed nothing is reported', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise unknown-placeholder -->\n${PROMISE}\n`), [
        '4:47-4:66 hint unused-directive "unknown-placeholder"',
      ]);
    });

    it('a used directive is not reported', () => {
      assert.deepEqual(lines(`<!-- tactful-disable-next-line no-overpromise -->\n${PROMISE}\n`), []);
    });
  });

  describe('directives that are not directives', () => {
    it('inside a fenced code block', () => {
      assert.deepEqual(lines(`\`\`\`html\n<!-- tactful-disable-file -->\n\`\`\`\n\n${PROMISE}\n`), ['8:17-8:27 warning no-overpromise "right away"']);
    });

    it('inside an indented code block', () => {
      assert.deepEqual(lines(`Example:\n\n    <!-- tactful-disable-file -->\n\n${PROMISE}\n`), ['8:17-8:27 warning no-overpromise "right away"']);
    });

    it('inside a code span', () => {
      assert.deepEqual(lines(`Write \`<!-- tactful-disable-line -->\` to silence. ${PROMISE}\n`), ['4:67-4:77 warning no-overpromise "right away"']);
    });

    it('inside front matter', () => {
      const text = `---\ntitle: Shipping update\ndescription: "<!-- tactful-disable-file -->"\n---\n${PROMISE}\n`;
      assert.deepEqual(linesFor(text, IDS), ['5:17-5:27 warning no-overpromise "right away"']);
    });

    it('the parsed directive list is empty for code', () => {
      assert.deepEqual(lintWith(`${FRONT}\`\`\`\n<!-- tactful-disable-file -->\n\`\`\`\n`).document.directives, []);
    });
  });
});
