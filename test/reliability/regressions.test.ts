/**
 * The bugs the reliability suite found, one test each, written so that each
 * fails without its fix (docs/reliability.md lists them). Complexity bugs are
 * checked as a ratio against the same amount of ordinary text, so the tests
 * hold on a slow machine and fail on a quadratic one.
 */
import assert from 'node:assert/strict';
import { applyEdits, defaultConfig, fixText, lint, rules, type Finding } from 'tactful-server';

const config = defaultConfig();
const findingsOf = (text: string) => lint(text, { rules, config }).findings;
const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
const FRONT = '---\ntitle: Regression\n---\n';

/** The faster of two runs, in milliseconds. */
function timeOf(run: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** `hostile` takes at most `factor` times as long as `ordinary` (plus a little for timer noise). */
function assertLinear(hostile: string, ordinary: string, factor = 8): void {
  findingsOf(ordinary);
  const base = timeOf(() => findingsOf(ordinary));
  const slow = timeOf(() => findingsOf(hostile));
  assert.ok(slow < factor * base + 250, `${slow.toFixed(0)} ms against ${base.toFixed(0)} ms for as much ordinary text`);
}

describe('reliability: regressions', function () {
  this.timeout(120_000);

  it('an unclosed front matter fence does not turn the quotes and code after it into prose', () => {
    const text = '---\ntitle: Never closed\n\n> We will refund you right away.\n\n```\nright away\n```\n';
    const findings = findingsOf(text);
    assert.ok(of(findings, 'frontmatter').some((f) => /never closed/.test(f.message)));
    assert.deepEqual(of(findings, 'no-overpromise'), [], "the customer's quoted words and the code are not ours to correct");
  });

  it('a phrase read across markup is reported without a rewrite that would cut the markup', () => {
    const across = `${FRONT}We will send it right **away**.\n`;
    const [finding] = of(findingsOf(across), 'no-overpromise');
    assert.ok(finding, 'still reported');
    assert.deepEqual(finding.suggestions, []);
    const inside = `${FRONT}We will send it **right away**.\n`;
    assert.ok(of(findingsOf(inside), 'no-overpromise')[0]!.suggestions.length > 0, 'markup around the whole phrase is fine');
  });

  it('a rewrite never writes a word twice ("please do revert reply")', () => {
    const text = `${FRONT}Hi there,\n\nOnce you have the number, please do revert reply to me.\n`;
    const [finding] = of(findingsOf(text), 'corporate-speak');
    assert.ok(finding);
    const fixed = applyEdits(text, [finding.suggestions[0]!.edit]).output;
    assert.match(fixed, /please reply to me/);
    assert.deepEqual(of(findingsOf(fixed), 'retext-repeated-words'), []);
  });

  it('a misspelt rule in an enable comment is reported', () => {
    const text = `${FRONT}<!-- tactful-disable no-overpromise -->\nWe will refund you right away.\n<!-- tactful-enable no-overpromis -->\n`;
    const unknown = of(findingsOf(text), 'unknown-rule');
    assert.deepEqual(unknown.map((f) => f.actual), ['no-overpromis']);
  });

  it('`enable <rule>` after a blanket `disable` turns that rule back on, as in ESLint', () => {
    const text = `${FRONT}<!-- tactful-disable -->\nWe will refund you right away.\n\n<!-- tactful-enable no-overpromise -->\n\nWe will ship it right away.\n`;
    const findings = of(findingsOf(text), 'no-overpromise');
    assert.deepEqual(findings.map((f) => text.slice(0, f.range.start).split('\n').length), [9]);
  });

  it('a greeting-like line in a code block is not the greeting: fixing converges and leaves the code alone', () => {
    const code = '    Hi {{recipient.first_name}},';
    const text = `---\ntitle: Code first\nplatform: front\n---\n${code}\n\nYour order shipped.\n`;
    const fixed = fixText(text, findingsOf);
    assert.equal(fixed.capped, false);
    assert.ok(fixed.output.includes(`${code}\n`), fixed.output);
    assert.doesNotMatch(fixed.output, /\{\{recipient\.[^}]*Thank/);
  });

  it('an opening put before a URL, code or a placeholder never changes its case', () => {
    for (const first of ['https://example.com/track', '`reset` is the button', '{{ticket.id}} is your ticket']) {
      const text = `---\ntitle: Chat\ntags: [refund]\nchannel: chat\n---\n${first} and we will refund you today.\n`;
      const fixed = fixText(text, findingsOf).output;
      assert.ok(fixed.includes(first), `${JSON.stringify(first)} was changed: ${JSON.stringify(fixed)}`);
    }
  });

  it('replacing an impersonal greeting writes the name placeholder with its fallback', () => {
    const text = `---\ntitle: Documents\nplatform: zendesk\n---\nDear customer,\n\nThank you for the documents. I will reply by Friday.\n\nBest,\n{{current_user.first_name}}\n`;
    const [finding] = of(findingsOf(text), 'impersonal-greeting');
    const fixed = applyEdits(text, [finding!.suggestions[0]!.edit]).output;
    assert.deepEqual(of(findingsOf(fixed), 'placeholder-fallback'), []);
  });

  it('moving an acknowledgement never cuts through emphasis or comments', () => {
    const text = `---\ntitle: Delay\ntags: [delay]\n---\nHi {{customer.first_name | default: "there"}},\n\nPlease check the tracking link.\n\n_I'm sorry about_ <!-- note --> the wait.\n`;
    for (const finding of of(findingsOf(text), 'empathy-first')) {
      for (const suggestion of finding.suggestions) {
        const fixed = applyEdits(text, [suggestion.edit]).output;
        assert.equal((fixed.match(/_/g) ?? []).length % 2, 0, fixed);
        assert.ok(fixed.includes('<!-- note -->'));
      }
    }
  });

  it('a long paragraph without full stops is linted in linear time', () => {
    const words = 'we will send it right away and ';
    assertLinear(`${FRONT}${words.repeat(3000)}\n`, `${FRONT}${'We will send it right away. '.repeat(3000)}\n`);
  });

  it('a very long word is spell-checked in linear time', () => {
    assertLinear(`${FRONT}${'a'.repeat(20_000)}\n`, `${FRONT}${'We will refund you soon. '.repeat(800)}\n`);
  });

  it('thousands of placeholders on one line are read in linear time', () => {
    assertLinear(`${FRONT}${'{{customer.first_name}} {{ }} }} {% '.repeat(5000)}\n`, `${FRONT}${'customer first name and some more '.repeat(5000)}\n`);
  });
});
