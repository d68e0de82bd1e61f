import type { Sentence as NlcstSentence, Word as NlcstWord } from 'nlcst';
import { isLiteral } from 'nlcst-is-literal';
import { toString as nlcstToString } from 'nlcst-to-string';
import { defineRule } from '../../engine/rule.js';
import { isVerbatim, rewrites } from '../../engine/library-checks.js';
import type { MacroDocument, Range } from '../../engine/types.js';
import { DICTIONARIES, speller, type DictionaryName, type Speller } from './dictionary.js';

/**
 * Spelling, the way retext-spell checks it (Hunspell dictionaries through
 * nspell, literal words skipped, hyphenated words checked by their parts,
 * curly apostrophes read as straight ones), run synchronously and tuned for
 * precision:
 *
 * - names and terms are left alone: ALL-CAPS acronyms, words with digits,
 *   words capitalised mid-sentence or with inner capitals ("Shopify",
 *   "iPhone"), placeholders, and the configuration's `words`;
 * - a word is reported only when the dictionary knows a word one edit away.
 *   A misspelling is nearly always a slip of one letter ("recieve",
 *   "adress"); an unknown word with no close neighbour is almost always a
 *   product name or jargon ("webhook"), which would be a false alarm.
 *
 * That gate is also what keeps the rule cheap: Hunspell suggestion search on a
 * word with no close neighbour can take a second, so suggestions are only
 * asked for once a close word is known to exist, and cached.
 */

const MIN_LENGTH = 3;
/**
 * Longer "words" are URLs without a scheme, IDs or keyboard mashing, never a
 * slip of one letter; Hunspell's search on them grows with their length (a
 * 20,000-letter word took minutes).
 */
const MAX_LENGTH = 45;
/** Three-letter words are mostly lowercase acronyms ("npm", "gif"); only swapped letters count there ("teh"). */
const SHORT = 3;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const suggestionCache = new Map<string, string[]>();
const SUGGESTION_CACHE_SIZE = 2000;
const wordLists = new WeakMap<readonly string[], Set<string>>();
/** Whether a word is known, per word list and dictionaries: most words of a reply recur in the next one. */
const verdictCaches = new WeakMap<Set<string>, Map<string, Map<string, boolean>>>();
const VERDICT_CACHE_SIZE = 20_000;

function verdictsFor(allowed: Set<string>, dictionaries: string): Map<string, boolean> {
  let byDictionaries = verdictCaches.get(allowed);
  if (!byDictionaries) {
    byDictionaries = new Map();
    verdictCaches.set(allowed, byDictionaries);
  }
  let verdicts = byDictionaries.get(dictionaries);
  if (!verdicts) {
    verdicts = new Map();
    byDictionaries.set(dictionaries, verdicts);
  }
  return verdicts;
}

export default defineRule({
  id: 'retext-spell',
  title: 'Spelling',
  category: 'library',
  severity: 'info',
  fixable: true,
  blockLocal: true,
  guideline: { seeds: ['GUIDELINES E'], summary: 'A typo in a macro is sent to every customer who gets it; product names and team terms go in the workspace word list.' },
  // dictionaries: which Hunspell dictionaries may vouch for a word ("en" is US English).
  defaults: { dictionaries: ['en', 'en-gb'] },
  check(context) {
    const { document, config, options } = context;
    const names = (Array.isArray(options.dictionaries) ? options.dictionaries : ['en', 'en-gb'])
      .filter((name): name is DictionaryName => typeof name === 'string' && name in DICTIONARIES);
    if (names.length === 0) return;
    const allowed = personalWords(config.words);
    let spellers: Speller[] | undefined;
    const verdicts = verdictsFor(allowed, names.join());

    for (const { sentence, word, index } of words(document)) {
      const text = nlcstToString(word).replace(/[\u2019\u2018]/g, "'");
      // Most words of a reply were found correct before: whether they are worth checking no longer matters.
      let correct = verdicts.get(text);
      if (correct === true) continue;
      const range = { start: word.position!.start.offset!, end: word.position!.end.offset! };
      if (!worthChecking(document, sentence, index, text, range, allowed)) continue;
      spellers ??= names.map(speller);
      if (correct === undefined) {
        correct = known(spellers, allowed, text, word);
        if (verdicts.size >= VERDICT_CACHE_SIZE) verdicts.clear();
        verdicts.set(text, correct);
      }
      if (correct) continue;
      const candidates = suggestionsFor(spellers, text);
      if (candidates.length === 0) continue;
      const actual = document.source.slice(range.start, range.end);
      context.report({
        range,
        actual,
        message: `"${actual}" is not in the dictionary; did you mean ${candidates.slice(0, 3).map((c) => `"${c}"`).join(' or ')}? If it is a name or a term your team uses, add it to the workspace word list.`,
        suggestions: rewrites(document, range, candidates, 3),
      });
    }
  },
});

function* words(document: MacroDocument): Generator<{ sentence: NlcstSentence; word: NlcstWord; index: number }> {
  for (const block of document.blocks) {
    for (const paragraph of block.nlcst.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const sentence of paragraph.children) {
        if (sentence.type !== 'SentenceNode') continue;
        for (let index = 0; index < sentence.children.length; index++) {
          const word = sentence.children[index]!;
          if (word.type === 'WordNode') yield { sentence, word, index };
        }
      }
    }
  }
}

function worthChecking(document: MacroDocument, sentence: NlcstSentence, index: number, text: string, range: Range, allowed: Set<string>): boolean {
  if (text.length < MIN_LENGTH || text.length > MAX_LENGTH || /\d/.test(text) || !/^[\p{L}'-]+$/u.test(text)) return false;
  // Placeholders (read as "X"), code and link targets were blanked: what the rules read is not what is written.
  if (!isVerbatim(document, range)) return false;
  // Acronyms, names and products: "SKU", "Shopify", "iPhone", "McDonald".
  if (/\p{Lu}/u.test(text.slice(1))) return false;
  if (/^\p{Lu}/u.test(text) && !startsSentence(sentence, index)) return false;
  const lower = text.toLowerCase();
  if (allowed.has(lower) || allowed.has(lower.replace(/'s$/, ''))) return false;
  // "the word “recieve”", "— recieve —": quoted words are mentioned, not used.
  return !isLiteral(sentence, index);
}

function startsSentence(sentence: NlcstSentence, index: number): boolean {
  for (let i = index - 1; i >= 0; i--) if (sentence.children[i]!.type === 'WordNode') return false;
  return true;
}

/** In a dictionary or the word list, as it stands, by its parts, or with a regular ending or prefix ("refundos"). */
function known(spellers: Speller[], allowed: Set<string>, text: string, word: NlcstWord): boolean {
  const correct = (candidate: string) => allowed.has(candidate.toLowerCase()) || spellers.some((s) => s.correct(candidate));
  if (correct(text) || derived(text.toLowerCase(), correct)) return true;
  // "follow-up", "re-send": correct when each part is.
  const parts = word.children.filter((child) => child.type === 'TextNode').map((child) => child.value);
  return parts.length > 1 && parts.every((part) => part.length < 2 || correct(part));
}

/**
 * Hunspell dictionaries lag behind product language: they know "integration",
 * "native" and "scale" but not "integrations", "natively" or "scalable". A
 * known word plus a regular ending or prefix is taken as a word, and so are
 * two known words run together; a misspelt stem ("recieves") still fails.
 */
const SUFFIXES: [ending: string, stems: string[]][] = [
  ["'s", ['']], ['s', ['']], ['es', ['']], ['ies', ['y']], ['ly', ['', 'le']], ['ily', ['y']],
  ['ed', ['', 'e']], ['ied', ['y']], ['ing', ['', 'e']], ['able', ['', 'e']], ['ability', ['', 'e']],
  ['er', ['', 'e']], ['ers', ['', 'e']], ['ment', ['']], ['ments', ['']], ['ness', ['']], ['less', ['']],
  ['ize', ['', 'e']], ['ise', ['', 'e']], ['ized', ['', 'e']], ['ised', ['', 'e']], ['ation', ['', 'e', 'ate']],
  ['ations', ['', 'e', 'ate']],
];
const PREFIXES = ['re', 'un', 'pre', 'non', 'sub', 'multi', 'auto', 'co'];
const MIN_STEM = 4;
/** Each part of a closed compound has at least this many letters ("alot" is not "a" + "lot"). */
const MIN_PART = 4;

function derived(word: string, correct: (candidate: string) => boolean, compounds = true): boolean {
  for (const [ending, stems] of SUFFIXES) {
    if (!word.endsWith(ending)) continue;
    const base = word.slice(0, -ending.length);
    if (base.length < MIN_STEM - 1) continue;
    // "shipped" → "ship": a doubled final consonant before the ending.
    const undoubled = /([bdgklmnprtz])\1$/.test(base) ? [base.slice(0, -1)] : [];
    for (const stem of [...stems.map((tail) => base + tail), ...undoubled]) {
      if (stem.length >= MIN_STEM && correct(stem)) return true;
    }
  }
  for (const prefix of PREFIXES) {
    const stem = word.slice(prefix.length);
    if (word.startsWith(prefix) && stem.length > MIN_STEM && correct(stem)) return true;
  }
  if (!compounds) return false;
  // Closed compounds: "blocklisted", "dropdown", "workflow".
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
    if (correct(word.slice(0, i)) && (correct(word.slice(i)) || derived(word.slice(i), correct, false))) return true;
  }
  return false;
}

/**
 * Dictionary suggestions, but only when some dictionary word is one edit away
 * (for three-letter words: two letters swapped). Swapped letters, the most
 * common slip, come first: nspell ranks "the" low for "teh".
 */
function suggestionsFor(spellers: Speller[], text: string): string[] {
  const cached = suggestionCache.get(text);
  if (cached) return cached;
  const swaps = swapped(spellers, text);
  let result: string[] = [];
  if (swaps.length > 0 || (text.length > SHORT && hasNeighbour(spellers, text))) {
    const seen = new Set<string>();
    for (const suggestion of [...swaps, ...spellers.flatMap((s) => s.suggest(text))]) {
      if (seen.has(suggestion.toLowerCase())) continue;
      seen.add(suggestion.toLowerCase());
      result.push(suggestion);
    }
    result = result.slice(0, 5);
  }
  if (suggestionCache.size >= SUGGESTION_CACHE_SIZE) suggestionCache.clear();
  suggestionCache.set(text, result);
  return result;
}

/** Whether deleting, swapping, replacing or inserting one letter gives a dictionary word. */
function hasNeighbour(spellers: Speller[], text: string): boolean {
  const word = text.toLowerCase();
  const ok = (candidate: string) => candidate.length > 0 && spellers.some((s) => s.correct(candidate));
  for (let i = 0; i <= word.length; i++) {
    const before = word.slice(0, i);
    const after = word.slice(i);
    if (i < word.length && ok(before + after.slice(1))) return true;
    if (i < word.length - 1 && ok(before + after[1] + after[0] + after.slice(2))) return true;
    for (const letter of LETTERS) {
      if (i < word.length && letter !== after[0] && ok(before + letter + after.slice(1))) return true;
      if (ok(before + letter + after)) return true;
    }
  }
  return false;
}

/** Dictionary words made by swapping two neighbouring letters: "teh" → "the". */
function swapped(spellers: Speller[], text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length - 1; i++) {
    const candidate = text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
    if (candidate !== text && spellers.some((s) => s.correct(candidate))) found.push(candidate);
  }
  return found;
}

function personalWords(list: readonly string[]): Set<string> {
  let set = wordLists.get(list);
  if (!set) {
    set = new Set(list.map((w) => w.toLowerCase().replace(/[\u2019\u2018]/g, "'")));
    wordLists.set(list, set);
  }
  return set;
}
