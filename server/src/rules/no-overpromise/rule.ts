import { defineRule } from '../../engine/rule.js';

export default defineRule({
  id: 'no-overpromise',
  title: "Don't over-promise",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['000 #5'], summary: 'Promise only what support can deliver, then deliver it.' },
  message: '"{actual}" promises more than support can be sure to deliver.',
  phrases: [
    { match: ['we guarantee', 'i guarantee', 'guaranteed to'], suggest: ['we aim to', "we'll do our best to"] },
    { match: 'i promise', suggest: ["I'll do my best", "I'll make sure to keep you posted"] },
    { match: ['this will never happen again', 'it will never happen again', 'this won\'t happen again', 'i promise this will not happen again', 'i promise it will not happen again'], suggest: ["we're taking steps so this doesn't happen again"] },
    { match: '100%', suggest: [''] },
    { match: ['immediately', 'right away'], suggest: ['as soon as we can', 'within one business day'], sentenceHas: ['we', 'i', 'will', 'our'], sentenceLacks: ['please', 'if', 'when'] },
    { match: 'definitely', suggest: [''], notPrecededBy: ['not'] },
  ],
});
