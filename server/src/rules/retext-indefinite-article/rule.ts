import retextIndefiniteArticle from 'retext-indefinite-article';
import type { Root as NlcstRoot, Sentence as NlcstSentence } from 'nlcst';
import { defineRule } from '../../engine/rule.js';
import { blockAt, forEachSentenceNode, isVerbatim, rewrites, runLibrary } from '../../engine/library-checks.js';
import type { MacroDocument, Range } from '../../engine/types.js';

const ARTICLE = /^an?$/i;

/** "a" or "an", in any case, as the plugin reads its words (the length test spares most words the regular expression). */
function isArticle(text: string): boolean {
  return text.length <= 2 && ARTICLE.test(text);
}

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
    for (const message of runLibrary(document, 'retext-indefinite-article', retextIndefiniteArticle, undefined, aroundArticles)) {
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
 * The stretches of prose the plugin reads to judge each article, as one tree:
 * the plugin walks every node it is given, and whole sentences made that walk
 * cost more than parsing them. Of an article's sentence it reads the article,
 * the three nodes after it (a space, an opening quote or bracket, the next
 * word) and whether any word comes before it (a capital "A" after a word is a
 * letter: "Station A"). So each article gets the run of its sentence from the
 * word before it to three nodes after it; runs that overlap are joined, so
 * that every article is in exactly one run and is judged once.
 */
function aroundArticles(document: MacroDocument): NlcstRoot {
  const runs: NlcstSentence[] = [];
  forEachSentenceNode(document, (sentence, read) => {
    const words = read!.words;
    const nodes = sentence.children;
    let runStart = -1;
    let runEnd = -1;
    let previousWord = -1;
    let wordIndex = 0;
    for (let index = 0; index < nodes.length; index++) {
      if (nodes[index]!.type !== 'WordNode') continue;
      if (isArticle(words[wordIndex++]!.text)) {
        const start = previousWord === -1 ? index : previousWord;
        const end = Math.min(index + 4, nodes.length);
        if (runStart !== -1 && start < runEnd) runEnd = end;
        else {
          if (runStart !== -1) runs.push({ type: 'SentenceNode', children: nodes.slice(runStart, runEnd) });
          runStart = start;
          runEnd = end;
        }
      }
      previousWord = index;
    }
    if (runStart !== -1) runs.push({ type: 'SentenceNode', children: nodes.slice(runStart, runEnd) });
  });
  return { type: 'RootNode', children: runs.length ? [{ type: 'ParagraphNode', children: runs }] : [] };
}

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
