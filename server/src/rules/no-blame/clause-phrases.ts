import type { PhraseEntry, RuleContext } from '../../engine/rule.js';
import type { Edit, ProseBlock, Range, Suggestion } from '../../engine/types.js';
import { PhraseMatcher, blockTokens as sharedBlockTokens, tokenize, type Token } from '../../engine/phrase-matcher.js';
import { replacementEdit } from '../../engine/edits.js';

/**
 * Phrase entries whose meaning depends on where they stand in the sentence,
 * which the engine's one-word guards cannot say: "Clearly" opening a sentence
 * but not "explain clearly"; "I don't know." but not "I don't know if you've
 * seen"; "Act now!" as a whole sentence. Used from the phrase rules' `check`.
 * Multi-word sequences are written like phrases ("you can", "find out") and
 * compared as normalised words, contractions expanded.
 *
 * These would sit better as guards of the engine's PhraseEntry; until then
 * they live here, shared by the phrase rules of section A.
 */
export interface ClausePhrase extends PhraseEntry {
  /** The match must open a clause: nothing but punctuation (or nothing) right before it. */
  opensClause?: boolean;
  /** The match must come right after one of these sequences (with `opensClause`: either will do). */
  after?: string[];
  /** The token right after the match (word or punctuation) must be one of these. */
  nextIs?: string[];
  /** True: the match must close a clause (punctuation or the end of the text right after it); false: a word must follow. */
  closesClause?: boolean;
  /** The words after the match (a comma skipped) must begin with one of these sequences. */
  followedByPhrase?: string[];
  /** The words after the match (a comma skipped) must not begin with any of these sequences. */
  notFollowedByPhrase?: string[];
  /** One of these sequences must come earlier in the same sentence. */
  earlierHas?: string[];
  /** One of these sequences must come later in the same sentence. */
  laterHas?: string[];
  /** None of these sequences may come later in the same sentence. */
  laterLacks?: string[];
  /** None of these sequences may come anywhere else in the same sentence. */
  sentenceLacksPhrase?: string[];
}

const SENTENCE_END = /^[.!?]$/;

interface Compiled {
  matcher: PhraseMatcher;
  entries: ClausePhrase[];
  sequences: Map<string, string[]>;
}

const compiled = new WeakMap<readonly ClausePhrase[], Compiled>();

function compile(phrases: readonly ClausePhrase[]): Compiled {
  let result = compiled.get(phrases);
  if (result) return result;
  const matcher = new PhraseMatcher();
  // One pseudo-rule per entry, so that the matcher keeps every entry's matches
  // and the extra guards below choose between them. Names are judged by `isName`.
  phrases.forEach((entry, index) => matcher.add(String(index), { ...entry, skipProperNoun: false }));
  result = { matcher, entries: [...phrases], sequences: new Map() };
  compiled.set(phrases, result);
  return result;
}

function words(sequences: Map<string, string[]>, phrase: string): string[] {
  let found = sequences.get(phrase);
  if (!found) sequences.set(phrase, (found = tokenize(phrase).map((t) => t.norm)));
  return found;
}

/** Whether `sequence` starts at token `at`. */
function startsAt(tokens: readonly Token[], at: number, sequence: string[]): boolean {
  if (at < 0 || at + sequence.length > tokens.length) return false;
  return sequence.every((word, k) => tokens[at + k]!.norm === word);
}

/** Whether `sequence` ends right before token `at`. */
function endsBefore(tokens: readonly Token[], at: number, sequence: string[]): boolean {
  return startsAt(tokens, at - sequence.length, sequence);
}

function occursIn(tokens: readonly Token[], from: number, to: number, sequence: string[]): boolean {
  for (let k = from; k + sequence.length <= to; k++) if (startsAt(tokens, k, sequence)) return true;
  return false;
}

/**
 * How far a sentence reaches either side of a match: real sentences are far
 * shorter, and looking further made a paragraph without full stops quadratic
 * (every match scanned the whole paragraph).
 */
const SENTENCE_REACH = 200;

function sentenceBounds(tokens: readonly Token[], first: number, last: number): { from: number; to: number } {
  let from = first;
  while (from > 0 && first - from < SENTENCE_REACH && !SENTENCE_END.test(tokens[from - 1]!.norm)) from--;
  let to = last + 1;
  while (to < tokens.length && to - last < SENTENCE_REACH && !SENTENCE_END.test(tokens[to]!.norm)) to++;
  return { from, to };
}

/**
 * A capitalised word inside a sentence, or one before a capitalised word, is
 * taken as part of a name ("with Simply", "Simply Business"). Unlike the
 * engine's guard, an emoji or a dash before the word starts a sentence: "👉 Just click".
 */
function isName(tokens: readonly Token[], first: number, last: number): boolean {
  const previous = tokens[first - 1];
  const next = tokens[last + 1];
  const opensSentence = !previous || (!previous.word && previous.norm !== ',');
  if (tokens[first]!.capitalised && !opensSentence) return true;
  return Boolean(next?.word && next.capitalised && next.norm !== 'i');
}

function holds(entry: ClausePhrase, c: Compiled, tokens: readonly Token[], first: number, last: number): boolean {
  const seq = (phrase: string) => words(c.sequences, phrase);
  const previous = tokens[first - 1];
  const next = tokens[last + 1];
  if (entry.skipProperNoun && isName(tokens, first, last)) return false;
  const opens = !previous || !previous.word;
  if (entry.opensClause || entry.after) {
    const afterOk = entry.after?.some((phrase) => endsBefore(tokens, first, seq(phrase))) ?? false;
    if (!(entry.opensClause && opens) && !afterOk) return false;
  }
  if (entry.closesClause === true && next?.word) return false;
  if (entry.closesClause === false && !next?.word) return false;
  if (entry.nextIs && !(next && entry.nextIs.includes(next.norm))) return false;
  const following = next?.norm === ',' ? last + 2 : last + 1;
  if (entry.followedByPhrase && !entry.followedByPhrase.some((phrase) => startsAt(tokens, following, seq(phrase)))) return false;
  if (entry.notFollowedByPhrase?.some((phrase) => startsAt(tokens, following, seq(phrase)))) return false;
  if (entry.earlierHas || entry.laterHas || entry.laterLacks || entry.sentenceLacksPhrase) {
    const { from, to } = sentenceBounds(tokens, first, last);
    if (entry.earlierHas && !entry.earlierHas.some((phrase) => occursIn(tokens, from, first, seq(phrase)))) return false;
    if (entry.laterHas && !entry.laterHas.some((phrase) => occursIn(tokens, last + 1, to, seq(phrase)))) return false;
    if (entry.laterLacks?.some((phrase) => occursIn(tokens, last + 1, to, seq(phrase)))) return false;
    if (entry.sentenceLacksPhrase?.some((phrase) => occursIn(tokens, from, first, seq(phrase)) || occursIn(tokens, last + 1, to, seq(phrase)))) return false;
  }
  return true;
}

/**
 * Removes a phrase so that the sentence around it still reads: a phrase that
 * is a whole sentence goes with its punctuation ("Act now!"); one that closes
 * a clause goes with the comma before it ("…, I promise."); otherwise the
 * engine's removal (the phrase with its space and comma, re-capitalised).
 */
function removalEdit(source: string, offset: number, tokens: readonly Token[], first: number, last: number): Edit {
  const range = { start: offset + tokens[first]!.start, end: offset + tokens[last]!.end };
  const previous = tokens[first - 1];
  const next = tokens[last + 1];
  const startsSentence = !previous || SENTENCE_END.test(previous.norm);
  const endsSentence = !next || SENTENCE_END.test(next.norm);
  if (startsSentence && endsSentence) {
    let end = range.end;
    for (let k = last + 1; k < tokens.length && !tokens[k]!.word && offset + tokens[k]!.start === end; k++) end = offset + tokens[k]!.end;
    const spaceAfter = /^[ \t]+/.exec(source.slice(end))?.[0].length ?? 0;
    const lineGoesOn = spaceAfter > 0 && !/^[\r\n]|^$/.test(source.slice(end + spaceAfter, end + spaceAfter + 1));
    if (lineGoesOn) return { range: { start: range.start, end: end + spaceAfter }, text: '' };
    const spaceBefore = /[ \t]+$/.exec(source.slice(0, range.start))?.[0].length ?? 0;
    return { range: { start: range.start - spaceBefore, end }, text: '' };
  }
  if (previous?.norm === ',' && (!next || !next.word)) {
    return { range: { start: offset + previous.start, end: range.end }, text: '' };
  }
  const edit = replacementEdit(source, range, '');
  // The engine looks back across the blank line after "Hi NAME," and misses that a
  // paragraph's first word starts a sentence; keep its capital here.
  const after = source.charAt(edit.range.end);
  if (startsSentence && edit.text === '' && /^\p{Lu}/u.test(source.slice(range.start)) && /\p{Ll}/u.test(after)) {
    return { range: { start: edit.range.start, end: edit.range.end + 1 }, text: after.toUpperCase() };
  }
  return edit;
}

/**
 * Replaces a phrase, keeping its case — except that the pronoun "I" is always
 * written with a capital, so "…, and I don't know why" gets "let me find out",
 * not "Let me find out", unless the phrase opens the sentence.
 */
function rewriteEdit(source: string, range: Range, text: string, opensSentence: boolean): Edit {
  const edit = replacementEdit(source, range, text);
  const pronoun = /^I\b/.test(source.slice(range.start, range.end));
  if (pronoun && !opensSentence && !/^I\b/.test(text)) return { ...edit, text: edit.text.charAt(0).toLowerCase() + edit.text.slice(1) };
  return edit;
}

/** Whether the team's `allow` option for the rule lists this phrase. */
export function isAllowed(actual: string, allow: unknown): boolean {
  if (!Array.isArray(allow) || allow.length === 0) return false;
  const norm = tokenize(actual).map((t) => t.norm).join(' ');
  return allow.some((phrase) => typeof phrase === 'string' && tokenize(phrase).map((t) => t.norm).join(' ') === norm);
}

interface BlockTokens {
  tokens: readonly Token[];
  /** Token index by start and by end offset, to map matches back to tokens. */
  byStart: Map<number, number>;
  byEnd: Map<number, number>;
}

/** Every phrase rule reads the same blocks: tokenise each once. */
const blockTokens = new WeakMap<ProseBlock, BlockTokens>();

function tokensOf(block: ProseBlock): BlockTokens {
  let found = blockTokens.get(block);
  if (found) return found;
  const tokens = sharedBlockTokens(block);
  const byStart = new Map<number, number>();
  const byEnd = new Map<number, number>();
  tokens.forEach((token, index) => {
    if (!byStart.has(token.start)) byStart.set(token.start, index);
    byEnd.set(token.end, index);
  });
  blockTokens.set(block, (found = { tokens, byStart, byEnd }));
  return found;
}

/**
 * Finds `phrases` in every prose block and reports each with the rule's
 * message (or the entry's), its rewrites as suggestions. Honours the rule's
 * `allow` option and `fromOccurrence`, like the engine does for `phrases`.
 */
export function reportClausePhrases(context: RuleContext, phrases: readonly ClausePhrase[], message: string): void {
  const c = compile(phrases);
  const { source } = context.document;
  const seen = new Map<number, number>();
  for (const block of context.document.blocks) {
    const { tokens, byStart, byEnd } = tokensOf(block);
    const candidates = c.matcher
      .match(block.masked, tokens)
      .map((match) => ({ index: Number(match.ruleId), first: byStart.get(match.start)!, last: byEnd.get(match.end)!, start: match.start, end: match.end }))
      .filter((m) => holds(c.entries[m.index]!, c, tokens, m.first, m.last))
      .sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
    let takenUntil = -1;
    for (const m of candidates) {
      if (m.start < takenUntil) continue;
      const entry = c.entries[m.index]!;
      const count = (seen.get(m.index) ?? 0) + 1;
      seen.set(m.index, count);
      if (entry.fromOccurrence && count < entry.fromOccurrence) continue;
      const range: Range = { start: block.range.start + m.start, end: block.range.start + m.end };
      const actual = source.slice(range.start, range.end);
      if (isAllowed(actual, context.options.allow)) continue;
      takenUntil = m.end;
      const previous = tokens[m.first - 1];
      // After an emoji or a quote mark a sentence starts; after a comma or a dash it goes on.
      const opensSentence = !previous || SENTENCE_END.test(previous.norm) || (!previous.word && !/^[,;:\u2013\u2014-]$/.test(previous.norm));
      const suggestions: Suggestion[] = entry.suggest.map((text) => {
        const edit = text === '' ? removalEdit(source, block.range.start, tokens, m.first, m.last) : rewriteEdit(source, range, text, opensSentence);
        return { title: text === '' ? `Remove "${actual}"` : `Replace with "${edit.text}"`, edit };
      });
      context.report({ range, message: (entry.message ?? message).replaceAll('{actual}', actual), actual, suggestions });
    }
  }
}
