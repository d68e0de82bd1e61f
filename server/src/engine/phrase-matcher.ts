import type { PhraseEntry } from './rule.js';
import { normaliseApostrophes } from './text.js';
import type { ProseBlock } from './types.js';
import { RecentCache } from './recent-cache.js';

/**
 * One compiled matcher for every phrase of every phrase rule: a trie over
 * normalised words, walked once per prose block. Words are compared
 * lower-cased, with curly and straight apostrophes alike and contractions
 * expanded, so "shouldn’t have", "should not have" and "SHOULDN'T HAVE" are
 * the same three words.
 */

export interface Token {
  /** Normalised word or punctuation mark. */
  norm: string;
  start: number;
  end: number;
  /** False for punctuation and symbols. */
  word: boolean;
  /** Written with a capital first letter. */
  capitalised: boolean;
}

export interface PhraseMatch {
  ruleId: string;
  entry: PhraseEntry;
  start: number;
  end: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  entries: { ruleId: string; entry: PhraseEntry }[];
}

const CONTRACTION_SUFFIXES: Record<string, string> = {
  "n't": 'not', "'re": 'are', "'ve": 'have', "'ll": 'will', "'m": 'am', "'d": 'would', "'s": 'is',
};
/** Stems whose `n't` form is irregular. */
const IRREGULAR_NEGATIONS: Record<string, string> = { wo: 'will', ca: 'can', sha: 'shall', ai: 'is' };

/** Tokens of the texts the last two lints saw (see recent-cache.ts). */
const tokensByText = new RecentCache<string, readonly Token[]>();

/**
 * The tokens of a text, shared and read-only. The phrase matcher and several
 * rules tokenise every block and sentence, and tokenising was the engine's
 * most expensive step after parsing. Keyed by the text, which is all the
 * tokens depend on: an edited document (the incremental linter moves the
 * blocks an edit did not touch into new objects) asks again for the same texts.
 */
export function cachedTokens(text: string): readonly Token[] {
  let tokens = tokensByText.get(text);
  if (!tokens) {
    tokens = tokenize(text);
    tokensByText.set(text, tokens);
  }
  return tokens;
}

/** The tokens of a prose block's masked text, in offsets of the block (see `cachedTokens`). */
export function blockTokens(block: ProseBlock): readonly Token[] {
  return cachedTokens(block.masked);
}

const TOKEN = /[\p{L}\p{N}]+(?:'[\p{L}]+)*|[^\s\p{L}\p{N}]/gu;

/** Splits text into normalised tokens with offsets into `text`. */
export function tokenize(text: string): Token[] {
  const normalised = normaliseApostrophes(text);
  const tokens: Token[] = [];
  for (const match of normalised.matchAll(TOKEN)) {
    const raw = match[0];
    const start = match.index;
    const first = raw.charAt(0);
    const capitalised = first !== first.toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(first)) {
      tokens.push({ norm: raw, start, end: start + raw.length, word: false, capitalised: false });
      continue;
    }
    const lower = raw.toLowerCase();
    const parts = contractionParts(lower);
    if (!parts) {
      tokens.push({ norm: lower, start, end: start + raw.length, word: true, capitalised });
      continue;
    }
    // The parts' offsets are in the lower-cased word, which can be longer than the word as written
    // ("İ" lower-cases to two characters). Only the stem can change length (the suffixes are ASCII),
    // so every offset after the first part's start is the same distance from the word's end.
    const shift = raw.length - lower.length;
    for (const part of parts) {
      const from = part.from === 0 ? 0 : part.from + shift;
      tokens.push({ norm: part.norm, start: start + from, end: start + part.to + shift, word: true, capitalised: capitalised && part.from === 0 });
    }
  }
  return tokens;
}

/**
 * The words a contraction stands for, with their offsets in it; undefined for
 * a word that is one token as written, as most words are (nothing allocated).
 */
function contractionParts(word: string): { norm: string; from: number; to: number }[] | undefined {
  if (word === 'cannot') return [{ norm: 'can', from: 0, to: 3 }, { norm: 'not', from: 3, to: 6 }];
  if (!word.includes("'")) return undefined;
  if (word === "let's") return [{ norm: 'let', from: 0, to: 3 }, { norm: 'us', from: 3, to: 5 }];
  for (const [suffix, expansion] of Object.entries(CONTRACTION_SUFFIXES)) {
    if (!word.endsWith(suffix) || word.length === suffix.length) continue;
    const stemEnd = word.length - suffix.length;
    const stem = word.slice(0, stemEnd);
    const head = suffix === "n't" ? IRREGULAR_NEGATIONS[stem] ?? stem : stem;
    return [{ norm: head, from: 0, to: stemEnd }, { norm: expansion, from: stemEnd, to: word.length }];
  }
  return undefined;
}

export class PhraseMatcher {
  private readonly root: TrieNode = { next: new Map(), entries: [] };
  /** Each phrase's normalised words, for duplicate detection. */
  readonly phrases = new Map<string, string>();

  add(ruleId: string, entry: PhraseEntry): void {
    for (const phrase of Array.isArray(entry.match) ? entry.match : [entry.match]) {
      const words = tokenize(phrase).map((t) => t.norm);
      if (words.length === 0) continue;
      this.phrases.set(words.join(' '), ruleId);
      let node = this.root;
      for (const word of words) {
        let child = node.next.get(word);
        if (!child) node.next.set(word, (child = { next: new Map(), entries: [] }));
        node = child;
      }
      node.entries.push({ ruleId, entry });
    }
  }

  /**
   * All matches in one block of prose, longest first at each position; a rule
   * never reports two overlapping matches.
   */
  match(text: string, tokens: readonly Token[] = tokenize(text)): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    const takenUntil = new Map<string, number>();
    const earlier = new SentenceSoFar(tokens);
    for (let i = 0; i < tokens.length; i++) {
      // Most tokens start no phrase: one lookup, nothing allocated.
      let node = this.root.next.get(tokens[i]!.norm);
      if (!node) continue;
      const candidates: { ruleId: string; entry: PhraseEntry; last: number }[] = [];
      for (let j = i; node; ) {
        for (const item of node.entries) candidates.push({ ruleId: item.ruleId, entry: item.entry, last: j });
        if (++j >= tokens.length) break;
        node = node.next.get(tokens[j]!.norm);
      }
      if (candidates.length === 0) continue;
      // Longest match first, so "sorry you feel that way" wins over "sorry you feel".
      candidates.sort((a, b) => b.last - a.last);
      for (const candidate of candidates) {
        if ((takenUntil.get(candidate.ruleId) ?? -1) > tokens[i]!.start) continue;
        if (!guardsHold(candidate.entry, tokens, i, candidate.last, earlier)) continue;
        const start = tokens[i]!.start;
        const end = tokens[candidate.last]!.end;
        found.push({ ruleId: candidate.ruleId, entry: candidate.entry, start, end });
        takenUntil.set(candidate.ruleId, end);
      }
    }
    return found;
  }
}

/**
 * The words of a sentence before a given token, gathered only when a guard
 * asks (few entries have sentence guards) and then kept as the walk goes
 * forward: asking each match to look back to its sentence's start made a long
 * sentence (or a paragraph without full stops) quadratic.
 */
class SentenceSoFar {
  private readonly words = new Set<string>();
  /** Tokens before this index are in `words` (or before the sentence). */
  private gathered = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  /** The set of tokens between the sentence's start and token `first`; `first` only grows between calls. */
  before(first: number): ReadonlySet<string> {
    for (; this.gathered < first; this.gathered++) {
      const norm = this.tokens[this.gathered]!.norm;
      if (SENTENCE_END.test(norm)) this.words.clear();
      else this.words.add(norm);
    }
    return this.words;
  }
}

const SENTENCE_END = /^[.!?]$/;

/** `earlier`: the tokens between the sentence's start and `first`, on demand. */
function guardsHold(entry: PhraseEntry, tokens: readonly Token[], first: number, last: number, earlier: SentenceSoFar): boolean {
  const previous = tokens[first - 1];
  const next = tokens[last + 1];
  const nextWord = next?.word ? next.norm : undefined;
  const previousWord = previous?.word ? previous.norm : undefined;
  if (entry.followedBy && !(nextWord && entry.followedBy.includes(nextWord))) return false;
  if (entry.notFollowedBy && nextWord && entry.notFollowedBy.includes(nextWord)) return false;
  if (entry.precededBy && !(previousWord && entry.precededBy.includes(previousWord))) return false;
  if (entry.notPrecededBy && previousWord && entry.notPrecededBy.includes(previousWord)) return false;
  if (entry.sentenceHas && !entry.sentenceHas.some((w) => earlier.before(first).has(w))) return false;
  if (entry.sentenceLacks?.some((w) => earlier.before(first).has(w))) return false;
  if (entry.skipProperNoun) {
    // After a full stop, a bullet or an emoji ("👉 Just click"), a capital is the sentence's, not a name's.
    const startsSentence = !previous || (!previous.word && previous.norm !== ',' && previous.norm !== '-');
    if (tokens[first]!.capitalised && !startsSentence) return false;
    if (next?.word && next.capitalised && next.norm !== 'i') return false;
  }
  return true;
}
