import { defineRule } from '../../engine/rule.js';
import { normaliseApostrophes } from '../../engine/text.js';

const YOU = new Set(['you', 'your', 'yours', 'yourself', 'yourselves', "you're", "you've", "you'll", "you'd"]);
/**
 * The company talking about itself. "I" is left out on purpose: "I'm sorry",
 * "I've refunded it", "I'll chase it" are the agent taking ownership, which
 * other guidelines ask for (and other rules' rewrites insert).
 */
const WE = new Set(['we', 'us', 'our', 'ours', 'ourselves', "we're", "we've", "we'll", "we'd"]);

export default defineRule({
  id: 'you-focus',
  title: 'Talk about the customer more than about yourself',
  category: 'measure',
  severity: 'info',
  fixable: false,
  guideline: { seeds: ['000', '002'], summary: 'The reply is about the customer: "you" and "your" should come up at least as often as "we", "us" and "our".' },
  // Shorter replies are not measured: in three lines one "I" tips the balance.
  // margin: how many more "we/I/our" than "you/your" it takes to fire (1 = any surplus).
  defaults: { minWords: 40, margin: 2 },
  check(context) {
    const { document, options } = context;
    const minWords = typeof options.minWords === 'number' ? options.minWords : 40;
    const margin = typeof options.margin === 'number' && options.margin >= 1 ? options.margin : 2;
    let words = 0;
    let you = 0;
    let we = 0;
    for (const block of document.blocks) {
      for (const sentence of block.sentences) {
        for (const word of sentence.words) {
          words++;
          if (word.placeholder) continue;
          // "US" in capitals is the country, not "us".
          if (word.text === 'US') continue;
          const key = normaliseApostrophes(word.text).toLowerCase();
          if (YOU.has(key)) you++;
          else if (WE.has(key)) we++;
        }
      }
    }
    if (words < minWords || we - you < margin) return;

    const first = document.blocks[0]!;
    const { line } = document.lines.position(first.range.start);
    context.report({
      range: { start: first.range.start, end: Math.min(first.range.end, document.lines.lineEnd(line)) },
      message: `This reply says "we", "us" or "our" ${times(we)} and "you" or "your" ${times(you)}. Turn a few sentences toward the customer: what they get, what they can do next.`,
    });
  },
});

function times(count: number): string {
  return count === 1 ? 'once' : `${count} times`;
}
