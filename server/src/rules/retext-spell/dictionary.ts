import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nspell from 'nspell';

/** The Hunspell dictionaries Tactful ships: US and British English. */
export const DICTIONARIES = { en: 'dictionary-en', 'en-gb': 'dictionary-en-gb' } as const;
export type DictionaryName = keyof typeof DICTIONARIES;

export interface Speller {
  correct(word: string): boolean;
  suggest(word: string): string[];
}

const loaded = new Map<DictionaryName, Speller>();

/**
 * The speller for one dictionary, built on first use and kept for the life of
 * the process: parsing a Hunspell dictionary takes a few hundred
 * milliseconds. The dictionary packages only export their files through a
 * top-level `await`, which a synchronous lint cannot wait for, so the files
 * are read directly from the package folder (the same bytes the package would
 * hand over).
 */
export function speller(name: DictionaryName): Speller {
  let checker = loaded.get(name);
  if (!checker) {
    const folder = dirname(createRequire(import.meta.url).resolve(DICTIONARIES[name]));
    checker = nspell({ aff: readFileSync(join(folder, 'index.aff')), dic: readFileSync(join(folder, 'index.dic')) }) as Speller;
    loaded.set(name, checker);
  }
  return checker;
}
