import retextIndefiniteArticle from 'retext-indefinite-article';
import { defineRule } from '../../engine/rule.js';
import { blockAt, isVerbatim, rewrites, runLibrary, sentenceTree } from '../../engine/library-checks.js';
import type { MacroDocument, Range } from '../../engine/types.js';

const ARTICLE = /^an?$/i;

export default defineRule({
  id: 'retext-indefinite-article',
  title: 'Use "a" and "an" correctly',
  category: 'library',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: { seeds: ['GUIDELINES E'], summary: '"A" before a consonant sound, "an" before a vowel sound: small slips look careless in a reply sent thousands of times.' },
  check(context) {
    const { document } = context;
    const withArticle = (doc: MacroDocument) => sentenceTree(doc, (sentence) => sentence.words.some((word) => ARTICLE.test(word.text)));
    for (const message of runLibrary(document, 'retext-indefinite-article', retextIndefiniteArticle, undefined, withArticle)) {
      if (!isVerbatim(document, message.range) || !nextWordIsProse(document, message.range)) continue;
      const actual = document.source.slice(message.range.start, message.range.end);
      const suggestions = rewrites(document, message.range, message.expected, 1);
      const expected = suggestions[0]?.edit.text ?? message.expected[0] ?? '';
      const next = /before `([^`]+)`/.exec(message.reason)?.[1];
      context.report({
        range: message.range,
        message: next ? `Use "${expected}" before "${next}", not "${actual}".` : `Use "${expected}" here, not "${actual}".`,
        suggestions,
      });
    }
  },
});

/**
 * The plugin judges the article by the next word it sees. When a placeholder,
 * code span or link target was blanked in between, that word is not what the
 * customer reads next ("a {{product}}" reads as "a X").
 */
function nextWordIsProse(document: MacroDocument, article: Range): boolean {
  const block = blockAt(document, article.start);
  if (!block) return false;
  const masked = block.masked.slice(article.end - block.range.start);
  const gap = /^\s*/.exec(masked)![0].length;
  const next = article.end + gap;
  if (document.placeholders.some((p) => p.range.start <= next && p.range.end > next)) return false;
  // Only spaces, emphasis markers or an opening quote may stand between the two words.
  return /^[\s*_"'“‘(]*$/.test(document.source.slice(article.end, next));
}
