import nspell from 'nspell';
import { expandedDictionaries } from './dictionaries.generated.js';

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
 * package's word list with its affix rules already applied, which nspell
 * loads in about a third of the time it takes to expand the package's own
 * files. It is loaded on the first question, not before: the spelling rule
 * asks the next dictionary only about words the first one does not know, so
 * a reply in US English rarely needs the British one at all.
 */
export function speller(name: DictionaryName): Speller {
  let checker = spellers.get(name);
  if (!checker) {
    let loaded: Speller | undefined;
    const load = () => (loaded ??= nspell(expandedDictionaries[DICTIONARIES[name]]) as Speller);
    checker = { correct: (word) => load().correct(word), suggest: (word) => load().suggest(word) };
    spellers.set(name, checker);
  }
  return checker;
}
