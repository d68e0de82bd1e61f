import { defineRule } from '../../engine/rule.js';

export default defineRule({
  id: 'sentence-length',
  title: 'Keep sentences short',
  category: 'measure',
  severity: 'info',
  fixable: false,
  blockLocal: true,
  guideline: { seeds: ['002 #3', '003'], summary: 'Explain clearly: one idea a sentence, so the customer gets it on the first read.' },
  // Words a sentence may have; a placeholder counts as one word.
  defaults: { max: 28 },
  check(context) {
    const { document, options } = context;
    const max = typeof options.max === 'number' && options.max > 0 ? options.max : 28;
    for (const block of document.blocks) {
      for (const sentence of block.sentences) {
        if (sentence.words.length <= max) continue;
        context.report({
          range: sentence.range,
          message: `This sentence has ${sentence.words.length} words (at most ${max} read easily). Split it where a new idea starts.`,
        });
      }
    }
  },
});
