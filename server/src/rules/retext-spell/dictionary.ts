import nspell from 'nspell';
import { expandedDictionaries, sharedWords } from './dictionaries.generated.js';
import { WordList } from './word-list.js';

/** The Hunspell dictionaries Tactful ships: US and British English. */
export const DICTIONARIES = { en: 'dictionary-en', 'en-gb': 'dictionary-en-gb' } as const;
export type DictionaryName = keyof typeof DICTIONARIES;

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

const spellers = new Map<DictionaryName, Speller>();

/**
 * The speller for one dictionary, kept for the life of the process. The
 * dictionary comes from the build (scripts/expand-dictionaries.mjs): the
 * package's words with their affix rules already applied. It is loaded on the
 * first question, not before: the spelling rule asks the next dictionary only
 * about words the first one does not know, so a reply in US English rarely
 * needs the British one at all.
 */
export function speller(name: DictionaryName): Speller {
  let checker = spellers.get(name);
  if (!checker) {
    let loaded: Speller | undefined;
    const load = () => (loaded ??= loadSpeller(name));
    checker = { correct: (word) => load().correct(word), suggest: (word) => load().suggest(word) };
    spellers.set(name, checker);
  }
  return checker;
}

let shared: WordList | undefined;

/**
 * nspell does the Hunspell work (casing, compound rules, suggestions); it is
 * given the affix file and the few words that keep a flag, and its word table
 * is replaced by a view that also answers from compact word lists: the words
 * every shipped dictionary has (built once, shared) and this dictionary's own.
 * nspell reads its table only as `data[word]` (a word's flags, or nothing),
 * which is all the view answers; the package is pinned and unmaintained, and
 * test/rules/dictionaries.test holds the result to what the package's own
 * files accept and suggest.
 */
function loadSpeller(name: DictionaryName): Speller {
  const { aff, flagged, words } = expandedDictionaries[DICTIONARIES[name]];
  const checker = nspell({ aff, dic: flagged }) as unknown as Speller & { data: Record<string, string[]> };
  const lists = [(shared ??= new WordList(sharedWords)), new WordList(words)];
  checker.data = wordTable(checker.data, lists);
  return checker;
}

/** What nspell finds for a word without flags: nothing to check, and never to be changed. */
const NO_FLAGS: readonly string[] = Object.freeze([]);

function wordTable(flagged: Record<string, string[]>, lists: WordList[]): Record<string, string[]> {
  return new Proxy(flagged, {
    get: (table, word) => {
      if (typeof word !== 'string') return undefined;
      const flags = table[word];
      if (flags) return flags;
      return lists.some((list) => list.has(word)) ? NO_FLAGS : undefined;
    },
  });
}
