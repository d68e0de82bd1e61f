import { defineRule, type RuleContext } from '../../engine/rule.js';
import type { ProseBlock, Range } from '../../engine/types.js';
import { normaliseApostrophes } from '../../engine/text.js';
import { ACRONYMS, LABEL_AFTER, LABEL_BEFORE, LABEL_LEAD_INS, LABEL_PAIRS, SHOUTED, SLOT_WORDS } from './words.js';

/** A word with its apostrophes ("DON'T", "WON’T"); digits and underscores make it a code. */
const WORD = /[\p{L}\p{N}_]+(?:['’][\p{L}]+)*/gu;
/** "!!", "?!", "!!!", "!?!" and the one-character "‼", "⁉", "⁈". */
const MARKS = /[!?]*![!?]*|[‼⁉⁈]/gu;
/** Characters that make a capitalised word part of a code, path, tag or template slot when they touch it. */
const CODE_BEFORE = /[<{[_#$@%/\\=+&^~|*]/u;
const CODE_AFTER = /[\]>}_/\\=+&^~|@%$]/u;
/**
 * Only a run with a shouted word is reported, and every shouted word has two
 * letters in a row (an apostrophe may sit between them): a paragraph without
 * two capitals in a row has nothing to report, and most paragraphs have none.
 */
const TWO_CAPITALS = /\p{Lu}['’]?\p{Lu}/u;
const SHOUTED_HAVE_TWO_LETTERS = [...SHOUTED].every((word) => /\p{L}['’]?\p{L}/u.test(word));

interface CapsWord {
  start: number;
  end: number;
  text: string;
  /** Lower-cased, straight apostrophes. */
  norm: string;
  kind: 'shout' | 'keep' | 'minor' | 'unknown' | 'slot';
}

export default defineRule({
  id: 'shouting',
  title: "Don't shout",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['002 #3', '004'],
    summary: 'Treat customers with courtesy and a soothing tone: no words in capitals, no "!!" or "?!".',
  },
  defaults: { allow: [] },
  check(context) {
    const allowed = new Set<string>();
    for (const word of [...context.config.words, ...(Array.isArray(context.options.allow) ? context.options.allow : [])]) {
      if (typeof word === 'string') allowed.add(normaliseApostrophes(word).toLowerCase());
    }
    for (const block of context.document.blocks) {
      // ALL-CAPS headings and table cells are typography and labels, not a raised voice.
      if (block.kind !== 'paragraph') continue;
      if (!SHOUTED_HAVE_TWO_LETTERS || TWO_CAPITALS.test(block.masked)) capitals(context, block, allowed);
      marks(context, block);
    }
  },
});

function capitals(context: RuleContext, block: ProseBlock, allowed: ReadonlySet<string>): void {
  const text = block.masked;
  const words = [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length, text: m[0] }));
  let run: CapsWord[] = [];
  const flush = (nextIndex: number) => {
    if (run.length > 0) shout(context, block, run, words, nextIndex);
    run = [];
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const caps = capsWord(word, text, allowed);
    const previous = run.at(-1);
    if (previous && (!caps || !/^[ \t]+$/.test(text.slice(previous.end, word.start)))) flush(i);
    if (caps) run.push(caps);
    else flush(i + 1);
  }
  flush(words.length);
}

/** The word as a member of a capitalised run, or undefined when it is not written in capitals. */
function capsWord(word: { start: number; end: number; text: string }, text: string, allowed: ReadonlySet<string>): CapsWord | undefined {
  // Most words are in lower case already, and so are their letters: not capitals (the test below, for less).
  if (word.text === word.text.toLowerCase()) return undefined;
  const letters = word.text.replace(/[^\p{L}]/gu, '');
  if (letters === '' || letters !== letters.toUpperCase() || letters === letters.toLowerCase()) return undefined;
  const norm = normaliseApostrophes(word.text).toLowerCase();
  const base = { ...word, norm };
  if (/[\p{N}_]/u.test(word.text) || touchesCode(text, word.start, word.end)) return { ...base, kind: 'keep' };
  if (letters.length === 1) return { ...base, kind: word.text === 'I' || word.text === 'A' ? 'minor' : 'keep' };
  if (allowed.has(norm) || ACRONYMS.has(norm)) return { ...base, kind: 'keep' };
  if (SLOT_WORDS.has(norm)) return { ...base, kind: 'slot' };
  return { ...base, kind: SHOUTED.has(norm) ? 'shout' : 'unknown' };
}

function touchesCode(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (CODE_BEFORE.test(before) || CODE_AFTER.test(after)) return true;
  // "README.md", "COVID-19", "T-SHIRT", "NOTE:x": joined to more text.
  if (/[.\-:'’]/u.test(after) && /[\p{L}\p{N}]/u.test(text[end + 1] ?? '')) return true;
  if (/[.\-'’]/u.test(before) && /[\p{L}\p{N}]/u.test(text[start - 2] ?? '')) return true;
  return false;
}

function shout(context: RuleContext, block: ProseBlock, run: CapsWord[], words: { start: number; end: number; text: string }[], nextIndex: number): void {
  if (!run.some((w) => w.kind === 'shout') || run.some((w) => w.kind === 'slot')) return;
  const text = block.masked;
  const first = run[0]!;
  const last = run.at(-1)!;
  const firstIndex = nextIndex - run.length;
  const norm = (w: { text: string } | undefined) => (w ? normaliseApostrophes(w.text).toLowerCase() : '');
  // The words before the run in the same sentence, nearest first.
  const leadIn: string[] = [];
  for (let k = firstIndex - 1, end = first.start; k >= 0 && leadIn.length < 4; k--) {
    if (/[.!?;:\n]/.test(text.slice(words[k]!.end, end))) break;
    leadIn.push(norm(words[k]));
    end = words[k]!.start;
  }
  const previous = leadIn[0] ?? '';
  const beforePrevious = leadIn[1] ?? '';
  const next = words[nextIndex];
  const gapBefore = text.slice(0, first.start);
  const gapAfter = text.slice(last.end);

  // A label, keyword or status being quoted: "click SAVE", "reply STOP", "marked as PAID", "the DONE button".
  if (LABEL_BEFORE.has(previous)) return;
  if (LABEL_PAIRS.has(previous) && LABEL_BEFORE.has(beforePrevious)) return;
  // "marked as PAID", "set it to YES", "switch the toggle to ON".
  if (LABEL_PAIRS.has(previous) && leadIn.slice(1).some((w) => LABEL_LEAD_INS.has(w))) return;
  if (next && LABEL_AFTER.has(norm(next)) && /^[^\S\n]+$/.test(text.slice(last.end, next.start))) return;
  // An error code before it ("404 NOT FOUND"), or a menu path after it ("MY ACCOUNT > Orders").
  if (/[\p{N}]/u.test(previous)) return;
  if (/^[^\S\n]*[>→›»]/u.test(gapAfter)) return;
  // Quoted: "SAVE", ‘DONE’ — a word being mentioned, not said.
  if (/["“‘']\s*$/.test(gapBefore) && /^\s*["”’']/.test(gapAfter)) return;
  // A label opening the paragraph: "IMPORTANT: …", "PLEASE NOTE: …".
  if (!/[\p{L}\p{N}]/u.test(gapBefore) && /^[^\S\n]*:/.test(gapAfter)) return;

  // Report from the first to the last shouted word. Acronyms and "I" at the edges stay as written; so do
  // short unknown words (PHP, JIT), while a longer one next to the shouting is shouted too ("DO NOT HIJACK").
  let from = run.findIndex((w) => w.kind === 'shout');
  let to = run.length - 1 - [...run].reverse().findIndex((w) => w.kind === 'shout');
  const longUnknown = (w: CapsWord | undefined) => w?.kind === 'unknown' && w.norm.replace(/[^\p{L}]/gu, '').length >= 4;
  while (longUnknown(run[from - 1])) from--;
  while (longUnknown(run[to + 1])) to++;
  const range: Range = { start: block.range.start + run[from]!.start, end: block.range.start + run[to]!.end };
  const source = context.document.source;
  const actual = source.slice(range.start, range.end);
  let replacement = '';
  let cursor = range.start;
  for (const word of run.slice(from, to + 1)) {
    const at = block.range.start + word.start;
    const end = block.range.start + word.end;
    // From the source, not the masked text: a placeholder inside the run stays as written.
    replacement += source.slice(cursor, at) + lower(word, source.slice(at, end));
    cursor = end;
  }
  replacement += source.slice(cursor, range.end);
  if (startsSentence(text.slice(0, run[from]!.start))) replacement = replacement.replace(/\p{L}/u, (c) => c.toUpperCase());
  context.report({
    range,
    actual,
    message: `"${actual}" in capitals reads as shouting; write it in lower case and let the words carry the emphasis.`,
    suggestions: [{ title: `Replace with "${replacement}"`, edit: { range, text: replacement } }],
  });
}

function lower(word: CapsWord, written: string): string {
  if (word.kind === 'keep' || word.kind === 'minor') return written;
  // "I'M", "I'LL": the pronoun keeps its capital.
  if (/^I['’]/u.test(written)) return 'I' + written.slice(1).toLowerCase();
  return written.toLowerCase();
}

/** Whether text ending here ends a sentence (or nothing but an emoji or markup comes before). */
function startsSentence(before: string): boolean {
  const trimmed = before.replace(/\s+$/u, '');
  if (trimmed === '') return true;
  // A new line after a line that does not run on ("TOPIC SPLIT⏎PLEASE …", but not "we will⏎NOT …").
  if (/\n[^\S\n]*$/.test(before) && !/[\p{Ll},;]$/u.test(trimmed)) return true;
  if (/[.!?]["”’')\]]*$/u.test(trimmed)) return true;
  return /[\p{Extended_Pictographic}\p{So}]$/u.test(trimmed);
}

function marks(context: RuleContext, block: ProseBlock): void {
  for (const match of block.masked.matchAll(MARKS)) {
    const mark = match[0];
    if (mark.length < 2 && !/[‼⁉⁈]/u.test(mark)) continue;
    const range: Range = { start: block.range.start + match.index, end: block.range.start + match.index + mark.length };
    const single = /[?⁉⁈]/u.test(mark) ? '?' : '!';
    context.report({
      range,
      actual: mark,
      message: `"${mark}" reads as shouting or exasperation; one "${single}" is enough.`,
      suggestions: [
        { title: `Replace with "${single}"`, edit: { range, text: single } },
        { title: 'Replace with "."', edit: { range, text: '.' } },
      ],
    });
  }
}
