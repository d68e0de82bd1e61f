/** Front matter problems are diagnostics on the right characters, never a crash, and never stop the body from being linted. */
import assert from 'node:assert/strict';
import { findingsFor, linesFor, lintWith, slices } from './support.js';

const BODY = 'We will send it right away.\n';

function frontmatterFindings(text: string) {
  return findingsFor(text, ['frontmatter']);
}

describe('engine: front matter', () => {
  it('valid front matter gives no finding and reaches the rules', () => {
    const text = '---\ntitle: Refund approved\ntags: [Refund, complaint]\nchannel: email\nplatform: zendesk\nid: 42\n---\nHi.\n';
    const { document, findings } = lintWith(text);
    assert.deepEqual(findings.filter((f) => f.ruleId === 'frontmatter'), []);
    assert.equal(document.frontMatter.title, 'Refund approved');
    assert.deepEqual(document.frontMatter.tags, ['refund', 'complaint']);
    assert.equal(document.frontMatter.channel, 'email');
    assert.equal(document.frontMatter.platform, 'zendesk');
  });

  describe('broken YAML', () => {
    const text = `---\ntitle: Refund approved\ntags: [refund\n---\n${BODY}`;

    it('is exactly one error, on the whole front matter block', () => {
      const findings = frontmatterFindings(text);
      assert.equal(findings.length, 1);
      assert.equal(findings[0]!.severity, 'error');
      assert.equal(slices(text, findings)[0], '---\ntitle: Refund approved\ntags: [refund\n---');
      assert.match(findings[0]!.message, /not valid YAML/);
    });

    it('the body is still linted', () => {
      assert.deepEqual(linesFor(text, ['no-overpromise']), ['5:17-5:27 warning no-overpromise "right away"']);
    });

    it('duplicate keys count as broken YAML', () => {
      const dup = `---\ntitle: A\ntitle: B\n---\n${BODY}`;
      assert.deepEqual(slices(dup, frontmatterFindings(dup)), ['---\ntitle: A\ntitle: B\n---']);
    });

    it('with CRLF line endings the range still ends at the closing fence', () => {
      const crlf = `---\r\ntitle: Refund approved\r\ntags: [refund\r\n---\r\n${BODY}`;
      assert.deepEqual(slices(crlf, frontmatterFindings(crlf)), ['---\r\ntitle: Refund approved\r\ntags: [refund\r\n---']);
      assert.equal(findingsFor(crlf, ['no-overpromise']).length, 1);
    });

    it('with a BOM the range starts at the opening fence, not at the BOM', () => {
      const bom = `\uFEFF---\ntitle: Refund approved\ntags: [refund\n---\n${BODY}`;
      assert.deepEqual(slices(bom, frontmatterFindings(bom)), ['---\ntitle: Refund approved\ntags: [refund\n---']);
      assert.deepEqual(linesFor(bom, ['no-overpromise']), ['5:17-5:27 warning no-overpromise "right away"']);
    });
  });

  it('unterminated front matter is one error on the first line; the body is still linted', () => {
    const text = `---\ntitle: Refund approved\n\n${BODY}`;
    const findings = frontmatterFindings(text);
    assert.deepEqual(linesFor(text, ['frontmatter']), ['1:1-1:4 error frontmatter "---"']);
    assert.match(findings[0]!.message, /never closed/);
    assert.equal(findingsFor(text, ['no-overpromise']).length, 1);
  });

  it('unterminated front matter with CRLF: the range leaves out the line break', () => {
    const text = `---\r\ntitle: Refund approved\r\n\r\n${BODY}`;
    assert.deepEqual(slices(text, frontmatterFindings(text)), ['---']);
  });

  it('an unknown key is a warning on the key with a did-you-mean', () => {
    const text = `---\ntitle: Refund approved\nchanel: email\n---\n${BODY}`;
    const findings = frontmatterFindings(text);
    assert.deepEqual(linesFor(text, ['frontmatter']), ['3:1-3:7 warning frontmatter "chanel"']);
    assert.match(findings[0]!.message, /did you mean `channel`\?/);
  });

  it('an unknown key after emoji and CRLF lands on the key', () => {
    const text = `---\r\ntitle: 🎉 “Refund” approved\r\nplatfrom: zendesk\r\n---\r\n${BODY}`;
    assert.deepEqual(slices(text, frontmatterFindings(text)), ['platfrom']);
    assert.match(frontmatterFindings(text)[0]!.message, /did you mean `platform`\?/);
  });

  it('`channel: fax` is an error on the value, and the value is not used', () => {
    const text = `---\ntitle: Refund approved\nchannel: fax\n---\n${BODY}`;
    const findings = frontmatterFindings(text);
    assert.deepEqual(linesFor(text, ['frontmatter']), ['3:10-3:13 error frontmatter "fax"']);
    assert.match(findings[0]!.message, /email, chat, social, phone/);
    assert.equal(lintWith(text).document.frontMatter.channel, undefined);
  });

  it('`platform: zenddesk` is an error on the value', () => {
    const text = `---\ntitle: Refund approved\nplatform: zenddesk\n---\n${BODY}`;
    assert.deepEqual(linesFor(text, ['frontmatter']), ['3:11-3:19 error frontmatter "zenddesk"']);
  });

  it('`tags: refund` (not a list) is an error on the value', () => {
    const text = `---\ntitle: Refund approved\ntags: refund\n---\n${BODY}`;
    const findings = frontmatterFindings(text);
    assert.deepEqual(linesFor(text, ['frontmatter']), ['3:7-3:13 error frontmatter "refund"']);
    assert.match(findings[0]!.message, /must be a list/);
    assert.deepEqual(lintWith(text).document.frontMatter.tags, []);
  });

  it('a missing title is an error on the opening fence', () => {
    const text = `---\ntags: [refund]\n---\n${BODY}`;
    const findings = frontmatterFindings(text);
    assert.deepEqual(linesFor(text, ['frontmatter']), ['1:1-1:4 error frontmatter "---"']);
    assert.match(findings[0]!.message, /`title`/);
  });

  it('a missing title in a file with a BOM: the error is on the fence, not the BOM', () => {
    const text = `\uFEFF---\ntags: [refund]\n---\n${BODY}`;
    assert.deepEqual(slices(text, frontmatterFindings(text)), ['---']);
  });

  it('empty front matter is an error, not a crash', () => {
    const text = `---\n---\n${BODY}`;
    assert.equal(frontmatterFindings(text).length, 1);
    assert.equal(findingsFor(text, ['no-overpromise']).length, 1);
  });

  it('a list instead of a mapping is an error, not a crash', () => {
    const text = `---\n- a\n- b\n---\n${BODY}`;
    assert.equal(frontmatterFindings(text).length, 1);
  });

  it('a YAML alias bomb (billion laughs) returns a finding instead of hanging', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) levels.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(',')}]`);
    const text = `---\ntitle: Boom\n${levels.join('\n')}\n---\n${BODY}`;
    const findings = frontmatterFindings(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.severity, 'error');
    assert.equal(findingsFor(text, ['no-overpromise']).length, 1, 'the body is still linted');
  });
  it('reads the same front matter the same way again, wherever it starts and whatever the last reader did with it', () => {
    const fm = '---\ntitle: Refund approved\ntags: [Refund]\nchanel: email\nplatform: nowhere\n---\n';
    const first = lintWith(fm + BODY);
    const expected = slices(fm + BODY, frontmatterFindings(fm + BODY));
    assert.equal(expected.length, 2);
    // A reader that changes what it was given must not change the next reading.
    first.document.frontMatter.tags.push('sales');
    first.document.frontMatter.title = 'changed';
    const again = lintWith(fm + 'Something else entirely.\n');
    assert.deepEqual(again.document.frontMatter.tags, ['refund']);
    assert.equal(again.document.frontMatter.title, 'Refund approved');
    // Behind a byte order mark every range moves by one.
    const withBom = '\uFEFF' + fm + BODY;
    assert.deepEqual(slices(withBom, frontmatterFindings(withBom)), expected);
    assert.deepEqual(frontmatterFindings(withBom).map((f) => f.range.start - 1), frontmatterFindings(fm + BODY).map((f) => f.range.start));
  });
});
