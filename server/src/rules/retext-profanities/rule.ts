import retextProfanities from 'retext-profanities';
import { cuss } from 'cuss';
import pluralize from 'pluralize';
import { defineRule } from '../../engine/rule.js';
import { isVerbatim, runLibrary, touchesPlaceholder, wordGate, type WordGate } from '../../engine/library-checks.js';

/**
 * Entries of the profanity list (cuss, sureness 2) that are also ordinary
 * words in shop and support replies ("a looser fit", "a chunky knit", "the
 * flange", "garden hoes", "welfare"), surnames, or word fragments.
 */
const ORDINARY_WORDS = [
  'beanbag', 'beanbags', 'bluegum', 'bluegums', 'bong', 'booby', 'bule', 'bung', 'carruth', 'chug', 'chugs',
  'chunkies', 'chunky', 'chunkys', 'clamdigger', 'clamdiver', 'cocky', 'cumquat', 'dipstick', 'dix', 'dong',
  'dope', 'ero', 'evl', 'fatah', 'flange', 'floo', 'fok', 'fu', 'gables', 'geni', 'gummer', 'hitlerism',
  'hitlerist', 'ho', 'hoes', 'hork', 'jacktheripper', 'jig', 'jigg', 'jigger', 'jiggers', 'jiggs', 'jiggy',
  'jigs', 'juggalo', 'kumquat', 'kwa', 'loadedgun', 'looser', 'magicwand', 'mams', 'muff', 'muncher', 'nip',
  'noonan', 'orga', 'panti', 'pansies', 'pansy', 'payo', 'pom', 'poms', 'pud', 'rearend', 'reefer', 'rere',
  'sadis', 'sadom', 'shav', 'sixsixsix', 'sixtynine', 'sooties', 'sooty', 'spit', 'spitter', 'spreadeagle',
  'spunky', 'stringer', 'swallower', 'swalow', 'tang', 'teste', 'thirdeye', 'threeway', 'tinker', 'tinkers',
  'tortur', 'triplex', 'twinkie', 'uck', 'usama', 'vibr', 'vomit', 'wab', 'welfare', 'whacker', 'whiz',
  'whop', 'willie', 'wn', 'yank', 'yanks',
];

export default defineRule({
  id: 'retext-profanities',
  title: 'No profanity',
  category: 'library',
  severity: 'warning',
  fixable: false,
  blockLocal: true,
  guideline: { seeds: ['002 #3'], summary: 'Courtesy and a soothing tone: a reply never swears, however informal the channel.' },
  // sureness: 0 also flags words that are profane only in some uses ("execute",
  // "hang"), 1 words that may be profane, 2 (default) only words that are.
  // ignore: more words to let through.
  defaults: { sureness: 2, ignore: [] },
  check(context) {
    const { document, options } = context;
    const sureness = options.sureness === 0 || options.sureness === 1 ? options.sureness : 2;
    const extra = Array.isArray(options.ignore) ? options.ignore.filter((p): p is string => typeof p === 'string') : [];
    const messages = runLibrary(document, 'retext-profanities', retextProfanities, pluginOptions(sureness, extra), gateFor(sureness));
    for (const message of messages) {
      if (touchesPlaceholder(document, message.range) || !isVerbatim(document, message.range)) continue;
      const actual = document.source.slice(message.range.start, message.range.end);
      const level = message.data.profanitySeverity;
      context.report({
        range: message.range,
        message: level === 2
          ? `"${actual}" is profane; a customer reply should never contain it.`
          : `"${actual}" can read as profane; choose a word nobody can take the wrong way.`,
      });
    }
  },
});

const gates = new Map<number, WordGate | undefined>();

/**
 * The words the plugin's list (cuss, with the singular and plural forms the
 * plugin adds) starts with at this sureness or above, so that it only runs
 * when the macro holds one of them (see `wordGate`).
 */
function gateFor(sureness: number): WordGate | undefined {
  if (!gates.has(sureness)) {
    const words = Object.entries(cuss).filter(([, level]) => level >= sureness).map(([word]) => word);
    gates.set(sureness, wordGate(words.flatMap((word) => [word, pluralize.singular(word), pluralize.plural(word)])));
  }
  return gates.get(sureness);
}

const optionSets = new Map<string, { sureness: number; ignore: string[] }>();

/** One options object per configuration, so the plugin cache key is computed once. */
function pluginOptions(sureness: number, extra: string[]): { sureness: number; ignore: string[] } {
  const key = JSON.stringify([sureness, extra]);
  let options = optionSets.get(key);
  if (!options) {
    if (optionSets.size > 64) optionSets.clear();
    options = { sureness, ignore: [...ORDINARY_WORDS, ...extra] };
    optionSets.set(key, options);
  }
  return options;
}
