import type { Edit, Finding } from './types.js';

export interface FixResult {
  output: string;
  /** Edits applied over all passes. */
  applied: number;
  passes: number;
  /** True when the pass cap stopped fixing before the text settled. */
  capped: boolean;
}

/**
 * Applies non-overlapping edits; where two overlap, the one that starts first
 * wins and the other is left for a later pass. Text outside the edits is untouched.
 */
export function applyEdits(source: string, edits: readonly Edit[]): { output: string; applied: Edit[] } {
  const sorted = [...edits].sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  const applied: Edit[] = [];
  let lastEnd = -1;
  for (const edit of sorted) {
    const { start, end } = edit.range;
    if (start < 0 || end > source.length || start > end) continue;
    // Touching insertions at the same point would reorder text; keep the first.
    if (start < lastEnd || (start === lastEnd && applied.at(-1)?.range.start === start)) continue;
    applied.push(edit);
    lastEnd = end;
  }
  let output = '';
  let cursor = 0;
  for (const edit of applied) {
    output += source.slice(cursor, edit.range.start) + edit.text;
    cursor = edit.range.end;
  }
  return { output: output + source.slice(cursor), applied };
}

export const MAX_FIX_PASSES = 10;

/**
 * Applies the preferred rewrite of every fixable finding, re-lints, and
 * repeats until nothing is left to fix or the pass cap is reached.
 */
export function fixText(
  source: string,
  lintText: (text: string) => Finding[],
  accept: (finding: Finding) => boolean = () => true,
  maxPasses = MAX_FIX_PASSES,
): FixResult {
  let output = source;
  let applied = 0;
  for (let pass = 1; pass <= maxPasses; pass++) {
    const edits = lintText(output).filter((f) => f.suggestions.length > 0 && accept(f)).map((f) => f.suggestions[0]!.edit);
    const result = applyEdits(output, edits);
    if (result.applied.length === 0 || result.output === output) return { output, applied, passes: pass - 1, capped: false };
    output = result.output;
    applied += result.applied.length;
  }
  return { output, applied, passes: maxPasses, capped: lintText(output).some((f) => f.suggestions.length > 0 && accept(f)) };
}
