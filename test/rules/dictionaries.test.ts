/**
 * The spelling rule's dictionaries come from the build
 * (scripts/expand-dictionaries.mjs), with every affix rule applied ahead of
 * time and kept as compact word lists. A speller built from them must accept,
 * reject and suggest exactly what one built from the dictionary package's own
 * files does.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DICTIONARIES, speller, type DictionaryName, type Speller } from 'tactful-server';
import { repoRoot } from '../helpers.js';

const requireFromServer = createRequire(join(repoRoot, 'server', 'package.json'));
const nspell = requireFromServer('nspell') as (dictionary: { aff: Buffer; dic: Buffer }) => Speller;

/** Each dictionary word of the package's .dic file (every `step`-th), as written there. */
function stems(dic: string, step: number): string[] {
  return dic.split('\n').slice(1).filter((_, i) => i % step === 0)
    .map((line) => line.replace(/\\\//g, '\u0000').split('/')[0]!.replace(/\u0000/g, '/').trim()).filter(Boolean);
}

/** Words a speller has to judge: the stems, their inflections, other casings, and near misses. */
function probes(words: string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    out.push(word, word.toLowerCase(), word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1));
    for (const ending of ['s', 'es', 'ed', 'ing', 'ly', 'er', 'est', 'ness', "'s", 'able', 'ation']) out.push(word + ending);
    for (const prefix of ['re', 'un', 'in', 'dis']) out.push(prefix + word);
    out.push(word.slice(0, -1), word.slice(1), `${word}x`);
  }
  return out.concat(['1st', '2nd', '3rd', '11th', '21st', '102nd', '13rd', '4st']);
}

describe('spelling dictionaries expanded at build time', function () {
  this.timeout(60_000);

  for (const name of Object.keys(DICTIONARIES) as DictionaryName[]) {
    const packageName = DICTIONARIES[name];

    it(`${name}: judges words and suggests exactly as ${packageName}'s own files do`, () => {
      const folder = dirname(requireFromServer.resolve(packageName));
      const aff = readFileSync(join(folder, 'index.aff'));
      const dic = readFileSync(join(folder, 'index.dic'));
      const original = nspell({ aff, dic });
      const built = speller(name);

      const words = probes(stems(dic.toString('utf8'), 3));
      const disagreements = words.filter((word) => original.correct(word) !== built.correct(word));
      assert.deepEqual(disagreements.slice(0, 10), [], `${disagreements.length} of ${words.length} words judged differently`);
      // The comparison is not vacuous: both accept and both reject many of the probes.
      const accepted = words.filter((word) => built.correct(word)).length;
      assert.ok(accepted > words.length / 10 && accepted < words.length * 0.9, `${accepted} of ${words.length} accepted`);

      for (const typo of ['recieve', 'adress', 'teh', 'acount', 'refnd', 'shiping', 'tomorow', 'definately', 'seperate', 'occured', 'colour', 'cancelation', 'Febuary', 'wich']) {
        assert.deepEqual(built.suggest(typo), original.suggest(typo), typo);
      }
    });
  }
});
