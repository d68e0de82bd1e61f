import { defineRule } from '../../engine/rule.js';
import { reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" argues with the customer; clarify the facts in a way that lets them feel right.';

/** Words that open a reply to the customer's claim: "But you're wrong", "No, that's not true". */
const REPLY_OPENERS = ['but', 'and', 'so', 'no', 'well', 'however', 'actually'];

const YOU_ARE_WRONG = [
  'you are wrong', 'you are incorrect', 'you are mistaken', 'you are not right', 'you are not correct', 'you have it wrong',
  'you have got it wrong', 'you got it wrong', 'you have that wrong', 'you have got that wrong',
];
const ABOUT = YOU_ARE_WRONG.slice(0, 5).map((p) => `${p} about`);
const NOT_CONTRADICTING = ['if', 'whether', 'not', 'never'];

const clausePhrases: ClausePhrase[] = [
  // At the start of a reply the contradiction can become an offer to explain…
  { match: ABOUT, opensClause: true, after: REPLY_OPENERS, sentenceLacks: NOT_CONTRADICTING, suggest: ['let me clarify'] },
  { match: YOU_ARE_WRONG, opensClause: true, after: REPLY_OPENERS, sentenceLacks: NOT_CONTRADICTING, suggest: ['let me clarify'] },
  // …after "I think" or "I'm afraid" it becomes a shared mix-up.
  { match: ABOUT, sentenceLacks: NOT_CONTRADICTING, suggest: ["there's been a mix-up about"] },
  { match: YOU_ARE_WRONG, sentenceLacks: NOT_CONTRADICTING, suggest: ["there's been a mix-up"] },
  {
    match: [
      'that is not true', 'this is not true', 'that is untrue', 'that is false', 'that is incorrect', 'this is incorrect',
      'that is not correct', 'this is not correct', 'that is simply not true', 'that is just not true', 'that is not accurate',
      'that is inaccurate', 'that is not quite right',
    ],
    opensClause: true,
    after: REPLY_OPENERS,
    // An admission ("That's not correct, and I've refunded it") is not an argument.
    sentenceLacksPhrase: [
      'if', 'whether', 'sorry', 'apologise', 'apologize', 'apologies', 'our mistake', 'my mistake', 'our error', 'my error',
      'our fault', 'my fault', 'we made', 'I made', 'fixed', 'corrected', 'updated', 'refunded', 'refund',
    ],
    suggest: ['let me clarify', 'I can see how that was confusing'],
  },
  // "Actually, you signed up for…" — but never "what actually happened".
  { match: 'actually', opensClause: true, after: ['but', 'well', 'no', 'and', 'however'], nextIs: [','], followedByPhrase: ['you'], suggest: ['to clarify', ''] },
  { match: 'actually', opensClause: true, after: ['but', 'well', 'no', 'and', 'however'], nextIs: ['you'], suggest: ['to clarify,', ''] },
  {
    match: ['you misunderstood', 'you have misunderstood', 'you must have misunderstood'],
    closesClause: true,
    sentenceLacks: NOT_CONTRADICTING,
    suggest: ['there may have been a misunderstanding'],
  },
  // Phrases that open with "I": rewritten here, where "…, and I never said that" keeps a small letter.
  { match: ['I never said that', 'I did not say that'], suggest: ['let me clarify what I meant'] },
  { match: 'I beg to differ', suggest: ['let me clarify'] },
  { match: ['with all due respect', 'no offense, but', 'no offence, but', 'no offense but', 'no offence but'], suggest: [''] },
];

export default defineRule({
  id: 'no-arguing',
  title: "Don't argue with the customer",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['002 #2', '003'],
    summary: 'Even when the customer is wrong, never tell them so: clarify the facts and help them feel right.',
  },
  message: MESSAGE,
  phrases: [
    {
      match: ['you misunderstood', 'you have misunderstood', 'you must have misunderstood'],
      followedBy: ['the', 'our', 'my', 'this', 'that', 'how', 'what', 'your', 'which', 'when'],
      sentenceLacks: NOT_CONTRADICTING,
      suggest: ['there may have been a misunderstanding about'],
    },
    { match: 'that is not what happened', sentenceLacks: ['if', 'whether'], suggest: ['let me explain what happened'] },
    {
      match: [
        'that is not how it works', 'that is not how this works', 'that is not how that works', 'it does not work like that',
        'it does not work that way', 'that is not the way it works',
      ],
      sentenceLacks: ['if', 'whether'],
      suggest: ["here's how it works"],
    },
    { match: 'that is not what I said', suggest: ['let me clarify what I meant'] },
    { match: ['that is not what we said', 'we never said that', 'we did not say that'], suggest: ['let me clarify what we meant'] },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
  },
});
