/** Assertions and helpers shared by the reliability tests. */
import assert from 'node:assert/strict';
import type { Finding, Range } from 'tactful-server';

/** No lone surrogates (String.prototype.isWellFormed is ES2024). */
export function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Why `offset` is not a place a range may start or end, if it is not. */
export function boundaryProblem(text: string, offset: number): string | undefined {
  if (!Number.isInteger(offset)) return `${offset} is not an integer offset`;
  if (offset < 0 || offset > text.length) return `${offset} is outside the text (length ${text.length})`;
  if (offset === 0 || offset === text.length) return undefined;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (isHighSurrogate(before) && isLowSurrogate(after)) return `${offset} splits a surrogate pair`;
  if (before === 13 && after === 10) return `${offset} splits a CRLF`;
  return undefined;
}

function assertRange(text: string, range: Range, what: string): void {
  for (const offset of [range.start, range.end]) {
    const problem = boundaryProblem(text, offset);
    if (problem) assert.fail(`${what}: ${problem}`);
  }
  assert.ok(range.start <= range.end, `${what}: starts (${range.start}) after it ends (${range.end})`);
}

export function describeFinding(finding: Finding, text: string): string {
  return `${finding.ruleId} ${finding.range.start}-${finding.range.end} ${JSON.stringify(text.slice(finding.range.start, finding.range.end))}`;
}

export function assertWellFormedFindings(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    const what = describeFinding(finding, text);
    assert.ok(typeof finding.ruleId === 'string' && finding.ruleId.length > 0, `${what}: no rule id`);
    assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity), `${what}: severity ${finding.severity}`);
    assert.ok(typeof finding.message === 'string' && finding.message.trim().length > 0, `${what}: empty message`);
    assertRange(text, finding.range, what);
    for (const suggestion of finding.suggestions) {
      assertRange(text, suggestion.edit.range, `${what}: suggestion "${suggestion.title}"`);
      assert.equal(typeof suggestion.edit.text, 'string', `${what}: suggestion text`);
      if (isWellFormed(text)) assert.ok(isWellFormed(suggestion.edit.text), `${what}: suggestion ${JSON.stringify(suggestion.edit.text)} has a lone surrogate`);
    }
  }
}

