/**
 * Properties of the engine over generated macros (see macros.ts): it never
 * throws, every range is inside the text and on a character boundary, fixes
 * never overlap, fixing converges, text outside the fixed spans (and every
 * code span, URL, placeholder, blockquote, comment and front matter) is kept
 * byte for byte, the line-break style, BOM and final newline survive, no fix
 * writes text that a rule flags, the fixed text has no fixable finding left, and
 * disable comments suppress exactly the lines and rules they name.
 *
 * Case counts are in CASES below and in docs/reliability.md; a failure prints
 * the seed to replay it (property.ts).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyEdits, defaultConfig, fixText, lint, parseMacro, rules, ruleIds, DIRECTIVE_RULES,
  type Directive, type Edit, type Finding, type Range,
} from 'tactful-server';
import { RUNS_SCALE, checkProperty } from './property.js';
import { assertWellFormedFindings, describeFinding as describe_ } from './checks.js';
import { junkArb, macroArb, type GeneratedMacro } from './macros.js';

/** Cases per property; docs/reliability.md lists the same numbers. */
export const CASES = {
  neverThrows: 300,
  applyEdits: 500,
  fixing: 120,
  noNewFindings: 120,
  directives: 150,
};

const config = defaultConfig();
const categoryOf = new Map(rules.map((rule) => [rule.id, rule.category]));
const lintText = (text: string): Finding[] => lint(text, { rules, config }).findings;
const fixable = (findings: Finding[]) => findings.filter((f) => f.suggestions.length > 0);
const MAX_PASSES = 10;

/** Rules whose rewrites may edit template text (placeholders, directives) by design. */
const editsTemplate = (ruleId: string) => categoryOf.get(ruleId) === 'template';

function overlaps(a: Range, b: Range): boolean {
  if (a.start === a.end) return b.start < a.start && a.start < b.end;
  if (b.start === b.end) return a.start < b.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/** Where `range` lands after `applied` (sorted, disjoint): an insertion at its start goes before it, one at its end after it. */
function mapRange(range: Range, applied: readonly Edit[]): Range {
  let shiftStart = 0;
  let shiftEnd = 0;
  for (const edit of applied) {
    const delta = edit.text.length - (edit.range.end - edit.range.start);
    if (edit.range.end <= range.start) shiftStart += delta;
    if (range.start === range.end ? edit.range.end <= range.start : edit.range.end <= range.end && edit.range.start < range.end) shiftEnd += delta;
  }
  return { start: range.start + shiftStart, end: range.end + shiftEnd };
}

/** `edit` without the characters it writes back unchanged at either end. */
function minimalEdit(source: string, edit: Edit): Edit {
  const old = source.slice(edit.range.start, edit.range.end);
  const text = edit.text;
  let prefix = 0;
  while (prefix < old.length && prefix < text.length && old[prefix] === text[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < text.length - prefix && old[old.length - 1 - suffix] === text[text.length - 1 - suffix]) suffix++;
  return { range: { start: edit.range.start + prefix, end: edit.range.end - suffix }, text: text.slice(prefix, text.length - suffix) };
}

const lineBreaks = (text: string) => ({
  lf: (text.match(/(?<!\r)\n/g) ?? []).length,
  crlf: (text.match(/\r\n/g) ?? []).length,
  cr: (text.match(/\r(?!\n)/g) ?? []).length,
});

describe('reliability: engine properties', function () {
  this.timeout(120_000 * Math.max(1, RUNS_SCALE));

  it(`never throws, and every range is inside the text on a character boundary (${CASES.neverThrows} cases)`, () => {
    checkProperty('never throws', fc.oneof(macroArb({ mixedEol: true }).map((m) => m.text), junkArb), (text) => {
      let findings: Finding[];
      try {
        findings = lintText(text);
      } catch (error) {
        assert.fail(`lint threw: ${(error as Error)?.stack ?? String(error)}`);
      }
      assertWellFormedFindings(text, findings);
    }, CASES.neverThrows);
  });

  it(`applyEdits applies a sorted, non-overlapping subset and keeps everything else (${CASES.applyEdits} cases)`, () => {
    const editArb = (length: number) => fc.tuple(fc.integer({ min: -2, max: length + 2 }), fc.integer({ min: -2, max: length + 2 }), fc.string({ maxLength: 3 }))
      .map(([a, b, text]): Edit => ({ range: { start: Math.min(a, b), end: Math.max(a, b) }, text }));
    const arb = fc.string({ maxLength: 40 }).chain((source) => fc.tuple(fc.constant(source), fc.array(editArb(source.length), { maxLength: 8 })));
    checkProperty('applyEdits', arb, ([source, edits]) => {
      const { output, applied } = applyEdits(source, edits);
      let expected = '';
      let cursor = 0;
      for (const [i, edit] of applied.entries()) {
        assert.ok(edits.includes(edit), 'applied an edit it was not given');
        assert.ok(edit.range.start >= cursor, `applied edits overlap or are out of order at ${i}`);
        if (i > 0) assert.ok(!(edit.range.start === edit.range.end && applied[i - 1]!.range.start === edit.range.start), 'two insertions at one point');
        assert.ok(edit.range.start >= 0 && edit.range.end <= source.length);
        expected += source.slice(cursor, edit.range.start) + edit.text;
        cursor = edit.range.end;
      }
      assert.equal(output, expected + source.slice(cursor), 'text outside the applied edits changed');
      for (const edit of edits) {
        if (applied.includes(edit)) continue;
        const valid = edit.range.start >= 0 && edit.range.end <= source.length;
        assert.ok(!valid || applied.some((other) => overlaps(other.range, edit.range) || other.range.start === edit.range.start), 'dropped an edit that overlaps nothing');
      }
    }, CASES.applyEdits);
  });

  it(`fixing converges, keeps every kept span, line breaks, BOM and final newline, and leaves nothing fixable (${CASES.fixing} cases)`, () => {
    checkProperty('fixing', macroArb(), (macro: GeneratedMacro) => {
      let text = macro.text;
      let kept: Range[] = [...macro.kept];
      let passes = 0;
      for (;;) {
        const findings = fixable(lintText(text));
        if (findings.length === 0) break;
        passes++;
        assert.ok(passes <= MAX_PASSES, `still fixable after ${MAX_PASSES} passes: ${findings.map((f) => describe_(f, text)).join('; ')}`);
        const ruleOf = new Map(findings.map((f) => [f.suggestions[0]!.edit, f] as const));
        const { output, applied } = applyEdits(text, findings.map((f) => f.suggestions[0]!.edit));
        assert.ok(applied.length > 0, 'fixable findings whose edits all failed to apply');
        // Edits from different findings never overlap once applied.
        for (let i = 1; i < applied.length; i++) assert.ok(applied[i]!.range.start >= applied[i - 1]!.range.end, 'applied edits overlap');
        // What each edit really changes: "h" → "Hi {{name}}, h" inserts before the "h".
        const changes = applied.map((edit) => ({ edit, change: minimalEdit(text, edit) }));
        const survivors: Range[] = [];
        for (const range of kept) {
          const keptText = text.slice(range.start, range.end);
          const touching = changes.filter(({ change }) => overlaps(change.range, range));
          let moved: Range | undefined;
          if (touching.length === 0) {
            moved = mapRange(range, changes.map(({ change }) => change));
          } else if (touching.length === 1 && touching[0]!.change.range.start <= range.start && range.end <= touching[0]!.change.range.end) {
            // A rewrite around kept text (shouting lowers the words either side of a code span) must write it back as it was.
            const { change } = touching[0]!;
            const old = text.slice(change.range.start, change.range.end);
            let nth = 0;
            for (let at = old.indexOf(keptText); at !== -1 && at < range.start - change.range.start; at = old.indexOf(keptText, at + 1)) nth++;
            let at = change.text.indexOf(keptText);
            for (let k = 0; k < nth && at !== -1; k++) at = change.text.indexOf(keptText, at + 1);
            if (at !== -1) {
              const base = mapRange({ start: change.range.start, end: change.range.start }, changes.map((c) => c.change)).start;
              moved = { start: base + at, end: base + at + keptText.length };
            }
          }
          if (!moved) {
            const culprit = touching.find(({ edit }) => !editsTemplate(ruleOf.get(edit)!.ruleId));
            if (culprit) {
              const { edit, change } = culprit;
              assert.fail(`pass ${passes}: ${ruleOf.get(edit)!.ruleId} rewrites kept text ${JSON.stringify(keptText)} (${JSON.stringify(text.slice(change.range.start, change.range.end))} → ${JSON.stringify(change.text)})`);
            }
            continue;
          }
          assert.equal(output.slice(moved.start, moved.end), keptText, 'a kept span moved or changed');
          survivors.push(moved);
        }
        kept = survivors;
        text = output;
      }
      // The engine's own fixer agrees, and says it settled.
      const fixed = fixText(macro.text, lintText);
      assert.equal(fixed.output, text, 'fixText disagrees with applying the preferred rewrites pass by pass');
      assert.equal(fixed.capped, false);
      assert.deepEqual(fixable(lintText(fixed.output)).map((f) => describe_(f, fixed.output)), [], 'fixable findings left after fixing');

      // Line breaks, BOM and final newline are the writer's.
      const before = lineBreaks(macro.text);
      const after = lineBreaks(text);
      if (before.crlf === 0) assert.equal(after.crlf + after.cr, 0, 'a fix brought CR line breaks into an LF file');
      if (before.lf === 0 && before.cr === 0) assert.equal(after.lf + after.cr, 0, 'a fix brought LF line breaks into a CRLF file');
      assert.equal(text.startsWith('\uFEFF'), macro.bom, 'the BOM changed');
      assert.equal(text.endsWith('\n'), macro.finalNewline, 'the final newline changed');
      if (macro.frontMatter) assert.equal(text.slice(0, macro.frontMatter.end), macro.text.slice(0, macro.frontMatter.end), 'the front matter changed');
    }, CASES.fixing);
  });

  it(`no single fix writes text that a rule flags (${CASES.noNewFindings} cases)`, () => {
    const arb = fc.tuple(macroArb(), fc.nat());
    checkProperty('no single fix', arb, ([macro, pick]) => {
      const text = macro.text;
      const findings = lintText(text);
      const candidates = fixable(findings);
      if (candidates.length === 0) return;
      const chosen = candidates[pick % candidates.length]!;
      const edit = chosen.suggestions[0]!.edit;
      const { output } = applyEdits(text, [edit]);
      const introduced = introducedFindings(text, findings, chosen, output, lintText(output));
      assert.deepEqual(
        introduced.map((f) => `${describe_(f, output)}: ${f.message}`),
        [],
        `fixing ${describe_(chosen, text)} with ${JSON.stringify(edit.text)} introduced findings`,
      );
    }, CASES.noNewFindings);
  });

  it(`disable comments suppress exactly the lines and rules they name (${CASES.directives} cases)`, () => {
    checkProperty('disable comments', macroArb({ mixedEol: true }), (macro) => {
      const text = macro.text;
      const { directives, lines } = parseMacro(text);
      if (directives.length === 0) return;
      // The same text with every directive blanked to a plain comment of the same length:
      // same offsets, same Markdown, nothing suppressed.
      let neutral = text;
      for (const d of directives) {
        const length = d.range.end - d.range.start;
        neutral = neutral.slice(0, d.range.start) + `<!--${' '.repeat(length - 7)}-->` + neutral.slice(d.range.end);
      }
      const unsuppressed = lintText(neutral).filter((f) => !DIRECTIVE_RULES.includes(f.ruleId));
      const actual = lintText(text);

      const expected = expectedSuppression(directives, unsuppressed, (offset) => lines.position(offset).line);
      // Messages may quote the text, comments included; rule and place identify a finding.
      const key = (f: Finding) => `${f.ruleId} ${f.range.start}-${f.range.end}`;
      assert.deepEqual(actual.filter((f) => !DIRECTIVE_RULES.includes(f.ruleId)).map(key).sort(), expected.kept.map(key).sort(), 'suppressed findings');
      const unused = actual.filter((f) => f.ruleId === 'unused-directive').map((f) => `${f.range.start}-${f.range.end}`).sort();
      assert.deepEqual(unused, expected.unused.map((r) => `${r.start}-${r.end}`).sort(), 'unused-directive reports');
      const unknown = actual.filter((f) => f.ruleId === 'unknown-rule').map((f) => f.actual).sort();
      assert.deepEqual(unknown, expected.unknown.sort(), 'unknown-rule reports');
    }, CASES.directives);
  });
});

/**
 * Rules whose fix corrects what the writer meant (a spelling, a placeholder or
 * rule name): a phrase the misspelling hid is then the writer's own, e.g.
 * "this is a kind reminder thata" → "…that" is now corporate-speak.
 */
const CORRECTIONS = new Set(['retext-spell', 'unknown-placeholder', 'placeholder-fallback', 'placeholder-syntax', 'unknown-rule']);
/** Findings about words (not about a whole paragraph or reply: structure and measures, see docs/reliability.md). */
const WORD_LEVEL = new Set(['phrase', 'library', 'template']);

/**
 * Findings after `chosen` was fixed that the fix brought about: word-level
 * findings that overlap the text the fix wrote and did not exist before (same
 * rule at the same place, or with the same message). Not counted: the
 * writer's own words in a new case ("SHOP NOW" → "shop now" is now no-upsell:
 * capitals hid it), capitals carried over from the writer's phrase by design
 * ("AS PER MY LAST EMAIL" → "TO RECAP" is shouting, as the original was), the
 * second of two overlapping matches of the fixed rule, what a removal brings
 * together ("WE APOLOGISE, please note that THANKS AGAIN" → one run of
 * capitals), and what a correction reveals (CORRECTIONS).
 */
function introducedFindings(text: string, before: Finding[], chosen: Finding, output: string, after: Finding[]): Finding[] {
  const edit = chosen.suggestions[0]!.edit;
  const written: Range = { start: edit.range.start, end: edit.range.start + edit.text.length };
  const replaced = text.slice(edit.range.start, edit.range.end);
  const undo: Edit = { range: written, text: replaced };
  const norm = (t: string) => t.toLowerCase().replace(/[’‘]/g, "'");
  if (CORRECTIONS.has(chosen.ruleId)) return [];
  // A removal (or a re-cased letter) writes no words: what is found then is the writer's words, newly side by side.
  if (!/[\p{L}\p{N}]/u.test(edit.text) || norm(replaced).includes(norm(edit.text))) return [];
  return after.filter((next) => {
    if (!WORD_LEVEL.has(categoryOf.get(next.ruleId) ?? '')) return false;
    const onWritten = written.start === written.end
      ? next.range.start <= written.start && written.start <= next.range.end
      : next.range.start < written.end && written.start < next.range.end;
    if (!onWritten) return false;
    const existed = before.some((old) => {
      if (old.ruleId !== next.ruleId) return false;
      // Up to case: a fix that re-cases the letter it writes before ("Limited time offer" → "Hi {{…}}, limited time offer") moves the finding, it does not make it.
      if (norm(old.message) === norm(next.message)) return true;
      const mapped = mapRange(old.range, [edit]);
      return mapped.start === next.range.start && mapped.end === next.range.end;
    });
    if (existed) return false;
    const original = mapRange(next.range, [undo]);
    if (norm(text.slice(original.start, original.end)) === norm(output.slice(next.range.start, next.range.end))) return false;
    // A phrase rule reports one of two overlapping matches at a time; fixing one may leave the other.
    if (next.ruleId === chosen.ruleId && original.start < edit.range.end && edit.range.start < original.end) return false;
    if (next.ruleId === 'shouting' && /\p{Lu}/u.test(replaced) && replaced === replaced.toUpperCase()) return false;
    return true;
  });
}

/**
 * An independent statement of what disable comments do, as ESLint's do:
 * `disable-file` covers the file, `disable-line` its own line,
 * `disable-next-line` the line after the comment, and `disable` … `enable`
 * the text between them, where an `enable` naming rules ends only those.
 */
function expectedSuppression(directives: Directive[], findings: Finding[], lineOf: (offset: number) => number) {
  interface Target { directive: Directive; rule?: string; range: Range; used: boolean }
  const targets: Target[] = [];
  const unknown: string[] = [];
  for (const directive of directives) {
    if (directive.kind === 'enable') continue;
    if (directive.rules.length === 0) targets.push({ directive, range: directive.range, used: false });
    directive.rules.forEach((rule, i) => {
      if (!ruleIds.has(rule)) unknown.push(rule);
      else targets.push({ directive, rule, range: directive.ruleRanges[i]!, used: false });
    });
  }
  for (const directive of directives) if (directive.kind === 'enable') directive.rules.filter((r) => !ruleIds.has(r)).forEach((r) => unknown.push(r));

  /** Whether a `disable` region opened by `target` still covers `ruleId` at `offset`. */
  const regionCovers = (target: Target, ruleId: string, offset: number): boolean => {
    if (offset < target.directive.range.end) return false;
    // Closed by the first `enable` after it that names this rule, or names none.
    return !directives.some((d) => d.kind === 'enable' && d.range.start >= target.directive.range.end && d.range.start <= offset
      && (d.rules.length === 0 || d.rules.includes(ruleId)));
  };

  const kept = findings.filter((finding) => {
    const line = lineOf(finding.range.start);
    let suppressed = false;
    for (const target of targets) {
      if (target.rule !== undefined && target.rule !== finding.ruleId) continue;
      const d = target.directive;
      const covers = d.kind === 'disable-file'
        || (d.kind === 'disable-line' && line === d.line)
        || (d.kind === 'disable-next-line' && line === d.line + 1)
        || (d.kind === 'disable' && regionCovers(target, finding.ruleId, finding.range.start));
      if (covers) {
        target.used = true;
        suppressed = true;
      }
    }
    return !suppressed;
  });
  return { kept, unused: targets.filter((t) => !t.used).map((t) => t.range), unknown };
}
