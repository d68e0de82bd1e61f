/** The lint pipeline itself: positions the editor gets, rule isolation, ordering. */
import assert from 'node:assert/strict';
import { createLineIndex, defaultConfig, lint, type RuleDefinition } from 'tactful-server';
import { FRONT, engineRules, TEST_RULE_ID } from './support.js';

describe('engine: lint pipeline', () => {
  describe('line index (editor positions)', () => {
    const text = 'ab\r\n🎉c\n\nlast';
    const lines = createLineIndex(text);

    it('maps offsets to 0-based lines and UTF-16 columns; CR belongs to the line break', () => {
      assert.equal(lines.lineCount, 4);
      assert.deepEqual(lines.position(0), { line: 0, column: 0 });
      assert.deepEqual(lines.position(4), { line: 1, column: 0 });
      assert.deepEqual(lines.position(6), { line: 1, column: 2 }, 'after the surrogate pair');
      assert.deepEqual(lines.position(text.length), { line: 3, column: 4 });
      assert.equal(lines.lineEnd(0), 2, 'line 0 ends before its \\r');
      assert.equal(lines.lineEnd(2), 8, 'an empty line');
    });

    it('maps lines and columns back, clamped to the line', () => {
      assert.equal(lines.offset(1, 2), 6);
      assert.equal(lines.offset(0, 99), 2);
      assert.equal(lines.offset(99, 0), text.length);
      assert.equal(lines.offset(-1, 5), 0);
      for (let offset = 0; offset <= text.length; offset++) {
        if (text[offset - 1] === '\r' || (text[offset] === '\n' && text[offset - 1] === '\r')) continue;
        const { line, column } = lines.position(offset);
        assert.equal(lines.offset(line, column), offset, `round trip of ${offset}`);
      }
    });
  });

  it('a rule that throws is reported as an error and does not silence the others', () => {
    const broken: RuleDefinition = {
      id: 'broken-rule', title: 'Broken', category: 'structure', severity: 'warning', fixable: false,
      guideline: { seeds: ['MACRO-FORMAT'], summary: 'Throws, for the test.' },
      check() {
        throw new Error('boom');
      },
    };
    const text = `${FRONT}We will send it right away.\n`;
    const { findings } = lint(text, { rules: [broken, ...engineRules], config: defaultConfig() });
    const failure = findings.find((f) => f.ruleId === 'broken-rule');
    assert.ok(failure);
    assert.equal(failure.severity, 'error');
    assert.match(failure.message, /boom/);
    assert.ok(findings.some((f) => f.ruleId === TEST_RULE_ID));
  });

  it('findings come in document order', () => {
    const text = `${FRONT}Definitely. {{nope}} right away.\n\nWe will send it right away.\n`;
    const { findings } = lint(text, { rules: engineRules, config: defaultConfig() });
    const starts = findings.map((f) => f.range.start);
    assert.ok(findings.length >= 4);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
  });

  it('an empty file and a file of only front matter lint without findings of prose rules', () => {
    for (const text of ['', '\uFEFF', FRONT, '\r\n\r\n']) {
      const { findings } = lint(text, { rules: engineRules, config: defaultConfig() });
      assert.deepEqual(findings.filter((f) => f.ruleId === TEST_RULE_ID), []);
    }
  });
});
