import type { LineIndex } from './types.js';

/**
 * Maps offsets to 0-based lines and UTF-16 columns. Lines end at `\n`; a `\r`
 * before it belongs to the line break, not to the line's content.
 */
export function createLineIndex(source: string): LineIndex {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);

  function lineOf(offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  function lineEnd(line: number): number {
    const next = line + 1 < starts.length ? starts[line + 1]! - 1 : source.length;
    return next > starts[line]! && source.charCodeAt(next - 1) === 13 ? next - 1 : next;
  }

  return {
    lineCount: starts.length,
    position(offset) {
      const clamped = Math.max(0, Math.min(offset, source.length));
      const line = lineOf(clamped);
      return { line, column: clamped - starts[line]! };
    },
    offset(line, column) {
      if (line < 0) return 0;
      if (line >= starts.length) return source.length;
      return Math.min(starts[line]! + Math.max(0, column), lineEnd(line));
    },
    lineStart: (line) => starts[Math.max(0, Math.min(line, starts.length - 1))]!,
    lineEnd: (line) => lineEnd(Math.max(0, Math.min(line, starts.length - 1))),
  };
}

/** Keeps the case pattern of `original` on `replacement`: "Right away" → "As soon as we can". */
export function keepCase(original: string, replacement: string): string {
  if (replacement === '') return replacement;
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    // A short all-capitals word is an acronym ("ASAP"), not shouting: its rewrite is plain text.
    if (!/\s/.test(original.trim()) && letters.length <= 5) return replacement;
    return replacement.toUpperCase();
  }
  const first = letters.charAt(0);
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) {
    return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  }
  return replacement;
}

/** Straight apostrophe for curly ones, so matching treats them alike. */
export function normaliseApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'");
}
