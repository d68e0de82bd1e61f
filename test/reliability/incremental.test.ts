/**
 * The incremental linter (server/src/engine/incremental.ts) gives exactly what
 * a fresh full lint gives, edit after edit: random edits (text, blank lines,
 * fences, comments, placeholders, list and quote markers, rule phrases) are
 * applied one after another to generated macros and to long documents made of
 * many of them, and after each edit the findings (ranges, messages,
 * suggestions) and the document read must deep-equal those of `lint`.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { IncrementalLinter, defaultConfig, lint, rules, type LintResult } from 'tactful-server';
import { checkProperty } from './property.js';
import { RULE_PHRASES, macroArb } from './macros.js';

/** Cases per property; docs/reliability.md lists the same numbers. */
export const CASES = {
  macros: 80,
  longDocuments: 12,
};

const config = defaultConfig();

const insertArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(' ', 'a', 'We', '.', ',', '\n', '\n\n', '\r\n\r\n', '\n\nNew paragraph here.\n\n', 'x\n\n# Heading\n\n') },
  { weight: 3, arbitrary: fc.constantFrom(...RULE_PHRASES) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '```', '```\n', '\n```\ncode\n\n', '~~~\n', '<!--', '-->', '\n<!-- tactful-disable -->\n', '<!-- tactful-disable-next-line no-upsell -->\n',
      '\n<!-- tactful-enable -->\n', '{{', '}}', '{%', '%}', '{{customer.first_name}}', '{% if x %}', '- ', '1. ', '> ', '    ', '---\n',
      '[a]: https://example.com\n', '[a]', '<script>\n', '</script>', '<div>\n', '|a|b|\n|-|-|\n', '\uFEFF', '*', '_', '`', 'UNFORTUNATELY ',
      'Unfortunately, ', 'ASAP', 'recieve ', 'a apple ', 'the the ',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

/** One edit: at a fraction of the text, delete some characters and insert others. */
const editArb = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: insertArb });
type Edit = { at: number; remove: number; insert: string };

function applyEdit(text: string, edit: Edit): string {
  const at = Math.min(text.length, Math.floor(edit.at * text.length));
  return text.slice(0, at) + edit.insert + text.slice(Math.min(text.length, at + edit.remove));
}

/** What a lint read, without the natural-language trees (their words are in `sentences`). */
function readOf(result: LintResult) {
  const { document } = result;
  return {
    blocks: document.blocks.map(({ range, masked, kind, sentences }) => ({ range, masked, kind, sentences })),
    placeholders: document.placeholders,
    malformed: document.malformedPlaceholders,
    directives: document.directives,
    frontMatter: document.frontMatter,
    frontMatterProblems: document.frontMatterProblems,
    bodyStart: document.bodyStart,
  };
}

function assertSameAsFullLint(start: string, edits: Edit[]): void {
  const linter = new IncrementalLinter();
  let text = start;
  for (let step = 0; step <= edits.length; step++) {
    if (step > 0) text = applyEdit(text, edits[step - 1]!);
    const incremental = linter.lint(text, { rules, config });
    const full = lint(text, { rules, config });
    assert.deepStrictEqual(incremental.findings, full.findings, `findings differ after edit ${step} of ${JSON.stringify(text)}`);
    assert.deepStrictEqual(readOf(incremental), readOf(full), `the document read differs after edit ${step}`);
    // The trees the retext rules read carry file positions too.
    assert.deepStrictEqual(incremental.document.blocks.map((b) => b.nlcst), full.document.blocks.map((b) => b.nlcst), `nlcst differs after edit ${step}`);
  }
}

describe('reliability: the incremental linter equals a full lint', function () {
  this.timeout(180_000);

  it('on generated macros, edit after edit', () => {
    checkProperty(
      'incremental-macros',
      fc.tuple(macroArb({ mixedEol: true }), fc.array(editArb, { minLength: 1, maxLength: 6 })),
      ([macro, edits]) => assertSameAsFullLint(macro.text, edits),
      CASES.macros,
    );
  });

  it('on long documents made of many macros, edit after edit', () => {
    checkProperty(
      'incremental-long-documents',
      fc.tuple(fc.array(macroArb(), { minLength: 6, maxLength: 20 }), fc.array(editArb, { minLength: 1, maxLength: 5 })),
      ([macros, edits]) => assertSameAsFullLint(macros.map((m) => m.text).join('\n\n'), edits),
      CASES.longDocuments,
    );
  });

  it('reuses its work: a document typed into stays equal across many small edits', () => {
    // A fixed long text typed into at one point, as in an editor.
    const paragraph = 'Thank you for writing. Unfortunately, we cannot refund the order ASAP. I have asked the team to look at it, and they will reply by Friday.';
    let text = `---\ntitle: Long\nchannel: email\n---\nHi {{customer.first_name | default: "there"}},\n\n${Array.from({ length: 40 }, (_, i) => `${i % 5 === 0 ? `## Part ${i}\n\n` : ''}${paragraph}`).join('\n\n')}\n\nBest,\n{{agent.first_name}}\n`;
    const linter = new IncrementalLinter();
    let at = text.indexOf('writing.') + 8;
    for (const char of ' We will write again on Friday.\n\nAnd we are sorry.') {
      text = text.slice(0, at) + char + text.slice(at);
      at++;
      assert.deepStrictEqual(linter.lint(text, { rules, config }).findings, lint(text, { rules, config }).findings);
    }
  });
});
