import retextRepeatedWords from 'retext-repeated-words';
import { defineRule } from '../../engine/rule.js';
import { isVerbatim, rewrites, runLibrary, sentenceTree, touchesPlaceholder } from '../../engine/library-checks.js';
import type { MacroDocument, Sentence } from '../../engine/types.js';

export default defineRule({
  id: 'retext-repeated-words',
  title: 'No repeated words',
  category: 'library',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: { seeds: ['GUIDELINES E'], summary: 'A doubled word ("the the") is a typo that thousands of customers will read.' },
  check(context) {
    const { document } = context;
    for (const message of runLibrary(document, 'retext-repeated-words', retextRepeatedWords, undefined, withDouble)) {
      // "{{first_name}} {{last_name}}" reads as "X X"; text around blanked code is not adjacent either.
      if (touchesPlaceholder(document, message.range) || !isVerbatim(document, message.range)) continue;
      const actual = document.source.slice(message.range.start, message.range.end);
      context.report({
        range: message.range,
        message: `"${actual}" repeats a word; keep one.`,
        suggestions: rewrites(document, message.range, message.expected, 1),
      });
    }
  },
});

/** Only sentences where a word follows itself (the plugin also wants nothing but space between). */
function withDouble(document: MacroDocument) {
  return sentenceTree(document, hasDouble);
}

function hasDouble(sentence: Sentence): boolean {
  return sentence.words.some((word, i) => i > 0 && word.text.toLowerCase() === sentence.words[i - 1]!.text.toLowerCase());
}
