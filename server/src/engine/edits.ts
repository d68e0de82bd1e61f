import type { Edit, Range } from './types.js';
import { keepCase } from './text.js';

/**
 * The edit that replaces a phrase with `suggestion`, keeping the phrase's case.
 * An empty suggestion removes the phrase with the space and comma that
 * belonged to it, and capitalises what then starts the sentence:
 * "Clearly, you can" → "You can"; "you can simply click" → "you can click".
 */
export function replacementEdit(source: string, range: Range, suggestion: string): Edit {
  const actual = source.slice(range.start, range.end);
  if (suggestion !== '') {
    // "I" is capitalised anywhere; it says nothing about whether the rewrite starts a sentence.
    const pronounI = /^I(?![\p{L}])/u.test(actual);
    const text = pronounI && !startsSentenceAt(source, range.start) ? suggestion : keepCase(actual, suggestion);
    // Follow the writer's apostrophes: "won’t" gets "doesn’t", not "doesn't".
    return withoutEchoes(source, { range, text: /[\u2019]/.test(actual) ? text.replace(/'/g, '\u2019') : text });
  }

  let end = range.end;
  if (source[end] === ',') end++;
  const spaceAfter = /^[ \t]+/.exec(source.slice(end))?.[0].length ?? 0;
  const before = textBefore(source, range.start);
  const spaceBefore = /[ \t]+$/.exec(before)?.[0].length ?? 0;
  const nextChar = source[end + spaceAfter] ?? '';
  const startsSentence = startsSentenceAt(source, range.start);
  // A phrase that opens with no letter ("100%") leaves the next word to carry the sentence's capital.
  const capitalised = !/^\p{Ll}/u.test(actual);

  if (spaceAfter > 0 && /[\p{L}\p{N}{"'“‘(]/u.test(nextChar)) {
    // Remove the phrase and the space after it; keep the sentence's capital.
    const removeEnd = end + spaceAfter;
    if (capitalised && startsSentence && /\p{Ll}/u.test(nextChar)) {
      return { range: { start: range.start, end: removeEnd + 1 }, text: nextChar.toUpperCase() };
    }
    return { range: { start: range.start, end: removeEnd }, text: '' };
  }
  // Nothing word-like follows (end of sentence): take the space before instead, and the comma
  // that led into the phrase: "send it, definitely." → "send it.".
  const start = range.start - spaceBefore;
  return { range: { start: source[start - 1] === ',' ? start - 1 : start, end }, text: '' };
}

/**
 * Whether text at `offset` opens a sentence: it follows anything but a word,
 * a comma or a placeholder (so also a list marker), or a blank line (a new
 * paragraph, whatever ended the one above, such as "Hi X,").
 */
function startsSentenceAt(source: string, offset: number): boolean {
  const before = textBefore(source, offset);
  return /\n[ \t]*\r?\n[ \t]*$/.test(before) || !/[\p{L}\p{N},;}]\s*$/u.test(before);
}

const WORD_AFTER = /^[ \t]*(?:\r?\n[ \t]*)?([\p{L}\p{N}'’]+)/u;
const WORD_BEFORE = /([\p{L}\p{N}'’]+)[ \t]*(?:\r?\n[ \t]*)?$/u;

/**
 * The rewrite without a word it would repeat, so that fixing one finding never
 * writes a repeated word (another finding): a rewrite that ends with the word
 * after the phrase ("please do revert‸ reply" → "please reply reply") or starts
 * with the word before it drops that word. A rewrite that is nothing but that
 * word takes the writer's copy into its range instead ("ask you to please" →
 * "please").
 */
function withoutEchoes(source: string, edit: Edit): Edit {
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.toLowerCase().replace(/’/g, "'") === b.toLowerCase().replace(/’/g, "'");
  const { range } = edit;
  let text = edit.text;
  const after = WORD_AFTER.exec(source.slice(range.end, range.end + 80));
  const last = /[\p{L}\p{N}'’]+$/u.exec(text)?.[0];
  if (same(after?.[1], last)) {
    const trimmed = text.slice(0, -last!.length).trimEnd();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return { range: { start: range.start, end: range.end + after![0].length }, text };
    text = trimmed;
  }
  const before = WORD_BEFORE.exec(source.slice(Math.max(0, range.start - 80), range.start));
  const first = /^[\p{L}\p{N}'’]+/u.exec(text)?.[0];
  if (same(before?.[1], first)) {
    const trimmed = text.slice(first!.length).trimStart();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return { range: { start: range.start - before![0].length, end: range.end }, text };
    text = trimmed;
  }
  return { range, text };
}

/**
 * The end of `source[0, offset)` that the `$`-anchored patterns above can
 * match: the whitespace before `offset` and the character before that. Handing
 * them the whole prefix cost a scan of the file per removal (quadratic).
 */
function textBefore(source: string, offset: number): string {
  let start = offset;
  while (start > 0 && /\s/.test(source[start - 1]!)) start--;
  // Two code units: the character before the whitespace may be a surrogate pair.
  return source.slice(Math.max(0, start - 2), offset);
}
