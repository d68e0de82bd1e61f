import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import retextEquality from 'retext-equality';
import { defineRule } from '../../engine/rule.js';
import { isVerbatim, rewrites, runLibrary, touchesPlaceholder, wordGate, type WordGate } from '../../engine/library-checks.js';

/**
 * retext-equality patterns (by id) that are everyday words in support replies,
 * or that another Tactful rule already covers: "just", "simply", "easy",
 * "clearly" (no-condescension), "invalid card", "disabled account", "the
 * host", "special offer", "the app hangs", "he/she" about a courier, "master
 * account", family words in a gift order. Flagging them would bury the few
 * findings that matter.
 */
const SUPPORT_WORDS = new Set([
  // condescension words: no-condescension's business, and mostly innocent here
  'basically', 'clearly', 'easy', 'everyone-knows', 'just', 'obvious', 'of-course', 'simple', 'straightforward',
  // product and account vocabulary
  'invalid', 'special', 'hang', 'dummy', 'add', 'bugreport', 'workmanship', 'failed-suicide', 'savage',
  'master', 'masters', 'master-key', 'master-plan', 'masterplan', 'master-the-art', 'masterful', 'masterpiece',
  'mastermind', 'masterstroke', 'master-of-ceremonies', 'english-master', 'host-hostess', 'hostesses-hosts',
  'sophisticated-culture', 'sophisticated-technology', 'fellowship', 'tribe', 'totem', 'spade', 'asylum',
  'binge', 'barren', 'sane', 'sanity-check', 'depressed', 'stammering', 'insomnia', 'insomniac', 'insomniacs',
  'panic-attack', 'pull-the-trigger', 'rehab', 'rehab-center', 'latino', 'bi', 'mrs-',
  // people the reply may truly be about (the courier said he…, a gift for your wife)
  'he-she', 'her-him', 'herself-himself', 'dad-mom', 'dads-moms', 'daughter-son', 'daughters-sons',
  'husband-wife', 'husbands-wives', 'brother-sister', 'brothers-sisters', 'boy-girl', 'boyfriend-girlfriend',
  'boyfriends-girlfriends', 'king-queen', 'kings-queens', 'kingsize-queensize', 'prince-princess',
  'princes-princesses', 'aunt-uncle', 'aunts-uncles', 'nephew-niece', 'nephews-nieces', 'bride-groom',
  'gramps-granny', 'granddaughter-grandson', 'granddaughters-grandsons', 'grandfathers-grandmothers',
  'godfather-godmother', 'stepdad-stepmom', 'stepfathers-stepmothers', 'stepbrother-stepsister',
  'stepbrothers-stepsisters', 'widow-widower', 'waiter-waitress', 'waiters-waitresses', 'steward-stewardess',
  'stewardesses-stewards', 'hero-heroine', 'heroes-heroines', 'actor-actress', 'actors-actresses',
  'females-males', 'maternal-paternal', 'maternity-paternity', 'dame-lord', 'dames-lords', 'maiden',
  'maiden-name', 'father-tongue-mother-tongue', 'fatherland-motherland', 'motherly', 'alumna-alumnus',
  'alumnae-alumni', 'freshman', 'freshmen-freshwomen', 'cowboy-cowgirl', 'cowboys-cowgirls',
]);
/** Plain words for people, which retext-equality lists beside "guys" and "dudes". */
const PEOPLE_WORDS = new Set(['woman', 'women', 'man', 'men', 'lady', 'ladies', 'gentleman', 'gentlemen', 'girls', 'boys', 'fellow', 'lad', 'gents', 'guy']);

/**
 * Where the library's first alternative is not a drop-in for the way support
 * writes, the rewrites offered instead: "Hi guys" becomes "Hi everyone", not
 * "Hi persons"; "crazy" stands for too many meanings ("a crazy week", "crazy
 * fast") for any one word to be the fix, so it gets none.
 */
const REWRITES: Record<string, string[]> = {
  'gals-man': ['everyone', 'folks'],
  nuts: [],
};

function alternativesFor(patternId: string, expected: readonly string[]): string[] {
  const chosen = REWRITES[patternId];
  if (chosen) return chosen;
  // "person with a limp" describes someone; it doesn't replace an adjective.
  return expected.filter((alternative) => !/^(person|people) (with|who)\b/i.test(alternative)).slice(0, 3);
}

export default defineRule({
  id: 'retext-equality',
  title: 'Use inclusive language',
  category: 'library',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: { seeds: ['002 #3'], summary: 'Courtesy and respect for every reader: no words that exclude or belittle people.' },
  // ignore: more retext-equality phrases to let through; binary: allow "he or she".
  defaults: { ignore: [], binary: false },
  check(context) {
    const { document, options } = context;
    const ignore = Array.isArray(options.ignore) ? options.ignore.filter((p): p is string => typeof p === 'string') : [];
    const data = equalityData();
    const messages = runLibrary(document, 'retext-equality', retextEquality, pluginOptions(data.skipped, ignore, options.binary === true), data.gate);
    for (const message of messages) {
      if (SUPPORT_WORDS.has(message.libraryRuleId) || PEOPLE_WORDS.has(message.actual.toLowerCase())) continue;
      if (touchesPlaceholder(document, message.range) || !isVerbatim(document, message.range)) continue;
      const actual = document.source.slice(message.range.start, message.range.end);
      const alternatives = alternativesFor(message.libraryRuleId, message.expected);
      context.report({
        range: message.range,
        message: `"${actual}" may exclude or belittle some readers${alternatives.length ? `; consider ${alternatives.map((a) => `"${a}"`).join(' or ')}` : ''}.${message.note ? ` ${message.note.replace(/\s*\(source: [^)]*\)/, '')}` : ''}`,
        suggestions: rewrites(document, message.range, alternatives),
      });
    }
  },
});

const optionSets = new Map<string, { ignore: string[]; binary: boolean }>();

/** One options object per configuration, so the plugin cache key is computed once. */
function pluginOptions(skipped: string[], ignore: string[], binary: boolean): { ignore: string[]; binary: boolean } {
  const key = JSON.stringify([ignore, binary]);
  let options = optionSets.get(key);
  if (!options) {
    if (optionSets.size > 64) optionSets.clear();
    options = { ignore: [...skipped, ...ignore], binary };
    optionSets.set(key, options);
  }
  return options;
}

let data: { skipped: string[]; gate: WordGate | undefined } | undefined;

/**
 * The phrases of the skipped patterns (handed to the plugin as `ignore`, so it
 * doesn't look for them) and the words the remaining phrases start with (so
 * the plugin only runs on blocks that could match; see `wordGate`). The
 * package exports only its plugin, so its pattern data is read from the
 * installed file; if that ever fails, the plugin runs on every block and the
 * skipped patterns are dropped afterwards: slower, same findings.
 */
function equalityData(): { skipped: string[]; gate: WordGate | undefined } {
  if (data) return data;
  data = { skipped: [], gate: undefined };
  try {
    const file = join(dirname(createRequire(import.meta.url).resolve('retext-equality')), 'patterns-en.js');
    const text = readFileSync(file, 'utf8');
    const list = text.slice(text.indexOf('[', text.indexOf('export const patterns')), text.lastIndexOf(']') + 1);
    const patterns = JSON.parse(list) as { id: string; inconsiderate: Record<string, string> }[];
    const skipped: string[] = [];
    const kept: string[] = [];
    for (const pattern of patterns) {
      for (const phrase of Object.keys(pattern.inconsiderate)) {
        (SUPPORT_WORDS.has(pattern.id) || PEOPLE_WORDS.has(phrase.toLowerCase()) ? skipped : kept).push(phrase);
      }
    }
    data = { skipped, gate: wordGate(kept) };
  } catch {
    // Run ungated.
  }
  return data;
}
