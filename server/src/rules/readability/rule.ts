import retextReadability from 'retext-readability';
import { defineRule } from '../../engine/rule.js';
import { runLibrary } from '../../engine/library-checks.js';
import { sentencesWorthRating } from './prescreen.js';
import { severityOf } from '../../engine/config.js';
import sentenceLength from '../sentence-length/rule.js';

/** retext-readability measures in reader ages; US school grade N is read at about age N + 5. */
const AGE_OF_GRADE = 5;

export default defineRule({
  id: 'readability',
  title: 'Write at a plain reading level',
  category: 'measure',
  severity: 'info',
  fixable: false,
  blockLocal: true,
  guideline: { seeds: ['002 #3'], summary: 'Explain clearly without condescending: plain words, short sentences.' },
  // grade: the US school grade a sentence should not exceed. agreement: how many of
  // retext-readability's seven formulas must rate the sentence above it.
  // minWords: shorter sentences are skipped (one long word skews a short sentence).
  defaults: { grade: 8, agreement: 6, minWords: 8 },
  check(context) {
    const { document, options } = context;
    const grade = numberOption(options.grade, 8);
    const agreement = Math.min(7, Math.max(1, Math.round(numberOption(options.agreement, 6))));
    const minWords = Math.max(1, Math.round(numberOption(options.minWords, 8)));
    const age = grade + AGE_OF_GRADE;
    // A sentence that sentence-length already reports is hard to read for that reason; one finding is enough.
    const lengthRule = context.config.rules[sentenceLength.id];
    const maxWords = severityOf(lengthRule?.setting, sentenceLength.severity)
      ? numberOption(lengthRule?.options?.max, sentenceLength.defaults!.max as number)
      : Infinity;
    const messages = runLibrary(
      document,
      'retext-readability',
      retextReadability,
      // Just under N/7, so that N agreeing formulas pass the plugin's `>=` test despite rounding.
      { age, threshold: agreement / 7 - 1e-9, minWords, maxWords },
      (doc) => sentencesWorthRating(doc, age, agreement, minWords, maxWords),
    );
    for (const message of messages) {
      const agreeing = /according to (?:(\d) out of 7|all 7)/.exec(message.reason);
      const count = agreeing?.[1] ?? '7';
      context.report({
        range: message.range,
        message: `This sentence reads above grade ${grade} (${count} of 7 readability formulas agree). Use shorter words and sentences.`,
      });
    }
  },
});

function numberOption(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
