import type { Directive, Finding, MacroDocument, Range, Severity } from './types.js';
import { closest } from './suggest.js';

/** Rule ids the engine reports about directives themselves; directives never suppress them. */
export const DIRECTIVE_RULES = ['unknown-rule', 'unused-directive'];

interface Suppression {
  directive: Directive;
  /** Rule this suppression covers, or undefined for every rule. */
  rule?: string;
  ruleRange?: Range;
  applies(finding: Finding, line: number): boolean;
  used: boolean;
}

/**
 * Drops findings that disable comments cover, then reports directives that
 * name unknown rules (warning) or suppress nothing (hint), as ESLint does.
 */
export function applyDirectives(
  document: MacroDocument,
  findings: Finding[],
  knownRules: ReadonlySet<string>,
  severityFor: (ruleId: string) => Severity | undefined,
): Finding[] {
  if (document.directives.length === 0) return findings;
  const suppressions: Suppression[] = [];
  const extra: Finding[] = [];
  const unknownSeverity = severityFor('unknown-rule');

  for (const directive of document.directives) {
    const targets: (string | undefined)[] = directive.rules.length ? directive.rules : [undefined];
    targets.forEach((rule, index) => {
      const ruleRange = directive.ruleRanges[index];
      if (rule !== undefined && !knownRules.has(rule)) {
        const guess = closest(rule, knownRules);
        if (unknownSeverity) {
          extra.push({
            ruleId: 'unknown-rule',
            severity: unknownSeverity,
            message: `"${rule}" is not a Tactful rule${guess ? `; did you mean "${guess}"?` : ''}`,
            range: ruleRange!,
            actual: rule,
            suggestions: guess ? [{ title: `Change to "${guess}"`, edit: { range: ruleRange!, text: guess } }] : [],
          });
        }
        return;
      }
      // An `enable` suppresses nothing, but a misspelt rule in it is reported like any other.
      if (directive.kind === 'enable') return;
      suppressions.push({ directive, rule, ruleRange, used: false, applies: scope(document, directive, rule) });
    });
  }

  const kept = findings.filter((finding) => {
    if (DIRECTIVE_RULES.includes(finding.ruleId)) return true;
    const line = document.lines.position(finding.range.start).line;
    let suppressed = false;
    for (const suppression of suppressions) {
      if ((suppression.rule === undefined || suppression.rule === finding.ruleId) && suppression.applies(finding, line)) {
        suppression.used = true;
        suppressed = true;
      }
    }
    return !suppressed;
  });

  const unusedSeverity = severityFor('unused-directive');
  if (unusedSeverity) {
    for (const suppression of suppressions) {
      if (suppression.used) continue;
      const what = suppression.rule ? `"${suppression.rule}"` : 'any rule';
      extra.push({
        ruleId: 'unused-directive',
        severity: unusedSeverity,
        message: `This tactful-${suppression.directive.kind} comment does not suppress ${what} here; remove it.`,
        range: suppression.ruleRange ?? suppression.directive.range,
        suggestions: [],
      });
    }
  }
  return [...kept, ...extra];
}

function scope(document: MacroDocument, directive: Directive, rule: string | undefined): (finding: Finding, line: number) => boolean {
  switch (directive.kind) {
    case 'disable-file':
      return () => true;
    case 'disable-line':
      return (_finding, line) => line === directive.line;
    case 'disable-next-line':
      return (_finding, line) => line === directive.line + 1;
    default: {
      const from = directive.range.end;
      const enables = document.directives.filter((other) => other.kind === 'enable' && other.range.start >= from);
      // Up to the first `enable` that names no rule or this finding's rule: as in ESLint, a
      // blanket `disable` … `enable no-upsell` turns no-upsell back on and leaves the rest off.
      return (finding) => {
        if (finding.range.start < from) return false;
        const enable = enables.find((other) => other.rules.length === 0 || other.rules.includes(rule ?? finding.ruleId));
        return enable === undefined || finding.range.start < enable.range.start;
      };
    }
  }
}
