import { defineRule, type RuleContext } from '../../engine/rule.js';
import { blockTokens } from '../../engine/phrase-matcher.js';
import { replacementEdit } from '../../engine/edits.js';
import { normaliseApostrophes } from '../../engine/text.js';
import { isAllowed, reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" denies the customer\'s problem; acknowledge it and say how you will get to the bottom of it.';

/** Earlier words that make a claim conditional, a plan or a check rather than a denial. */
const NOT_A_CLAIM = ['if', 'whether', 'once', 'when', 'until', 'sure', 'ensure', 'check', 'confirm', 'test', 'verify', 'hope', 'after', 'so'];
/** Around the claim: the problem is over, so "it works again now" is news, not a denial. */
const ALL_CLEAR = ['now', 'again', 'fixed', 'resolved', 'restored'];
const WORKS_FOR_US_REWRITE = "I haven't been able to reproduce this on our side yet";

const SUBJECT = String.raw`(?:it|everything|this|that|the (?:app|site|website|page|feature|service))`;
const HOW = String.raw`(?:fine|ok|okay|correctly|normally|perfectly(?: fine)?|just fine|as expected|normal|good)`;
const WHERE = String.raw`(?:on (?:our|my) (?:end|side)|for (?:us|me)|in our test(?:s|ing))`;
/**
 * "It works fine on our end", "everything looks normal on our side", "it's working for me":
 * too many word orders for a phrase list, so one pattern over the prose
 * (apostrophes normalised, same offsets).
 */
const WORKS_FOR_US = new RegExp(
  String.raw`\b${SUBJECT}(?:(?:'s|\s+is|\s+was)?\s+(?:works|worked|working|runs|running|seems to (?:be )?work(?:ing)?)(?:\s+${HOW})?|(?:'s|\s+is|\s+was|\s+looks|\s+seems|\s+looked|\s+seemed)\s+${HOW})\s+${WHERE}\b`,
  'giu',
);

function reportWorksForUs(context: RuleContext): void {
  for (const block of context.document.blocks) {
    const text = normaliseApostrophes(block.masked);
    const tokens = blockTokens(block);
    for (const match of text.matchAll(WORKS_FOR_US)) {
      const start = match.index;
      const end = start + match[0].length;
      const first = tokens.findIndex((t) => t.start === start);
      const last = tokens.findIndex((t) => t.end === end);
      if (first < 0 || last < 0) continue;
      let k = first - 1;
      let claim = true;
      for (; k >= 0 && !/^[.!?]$/.test(tokens[k]!.norm); k--) if (NOT_A_CLAIM.includes(tokens[k]!.norm) || ALL_CLEAR.includes(tokens[k]!.norm)) claim = false;
      const next = tokens[last + 1];
      if (!claim || (next && ALL_CLEAR.includes(next.norm))) continue;
      const range = { start: block.range.start + start, end: block.range.start + end };
      const actual = context.document.source.slice(range.start, range.end);
      if (isAllowed(actual, context.options.allow)) continue;
      const edit = replacementEdit(context.document.source, range, WORKS_FOR_US_REWRITE);
      context.report({ range, actual, message: MESSAGE.replaceAll('{actual}', actual), suggestions: [{ title: `Replace with "${edit.text}"`, edit }] });
    }
  }
}

const NO = ['there is no', 'there was no', 'there are no', 'there were no', 'I do not see any', 'I can not see any', 'we do not see any', 'we can not see any'];
const PROBLEM: Record<string, string> = {
  issue: 'an issue', issues: 'any issues', problem: 'a problem', problems: 'any problems', bug: 'a bug', bugs: 'any bugs',
  error: 'an error', errors: 'any errors', fault: 'a fault', faults: 'any faults',
};
const OUR_SIDE = ['on our end', 'on our side', 'on my end', 'on my side', 'from our side', 'from our end', 'at our end', 'at our side'];
const WITH_OURS = ['with our', 'with the app', 'with the site', 'with the website', 'with the service', 'with the system', 'with the platform'];

/** "There is no issue" denies when it stands alone or is about our side, not in "there's no issue with changing the date". */
const noIssue: ClausePhrase[] = Object.entries(PROBLEM).flatMap(([noun, some]) => {
  const match = NO.map((no) => `${no} ${noun}`);
  const suggest = [`I haven't found ${some}`];
  return [
    { match, suggest, sentenceLacks: NOT_A_CLAIM, closesClause: true },
    { match, suggest, sentenceLacks: NOT_A_CLAIM, followedByPhrase: [...OUR_SIDE, ...WITH_OURS] },
    { match, suggest, sentenceLacks: NOT_A_CLAIM, laterHas: [...OUR_SIDE, 'our system', 'our systems', 'our servers', 'our platform'] },
  ];
});

const clausePhrases: ClausePhrase[] = [
  ...noIssue,
  {
    match: ['there is nothing wrong', 'nothing is wrong'],
    suggest: ["I haven't found anything wrong"],
    sentenceLacks: NOT_A_CLAIM,
    followedByPhrase: [...OUR_SIDE, ...WITH_OURS],
  },
  {
    // "That shouldn't happen, so please reinstall": the problem is waved away and handed back.
    match: [
      'that should not happen', 'this should not happen', 'that should never happen', 'this should never happen',
      'that should not be happening', 'this should not be happening', 'that is not supposed to happen', 'this is not supposed to happen',
    ],
    opensClause: true,
    after: ['but', 'well', 'hmm'],
    followedByPhrase: ['so', 'but', 'please', 'you', 'unless', 'if', 'as long as', 'when you'],
    suggest: ['thanks for flagging this', "I can see why that's a problem"],
  },
  {
    match: [
      'that is not a problem', 'this is not a problem', 'it is not a problem', 'that is not an issue', 'this is not an issue',
      'it is not an issue',
    ],
    followedByPhrase: [...OUR_SIDE, 'with our'],
    suggest: ["I haven't found a problem"],
  },
];

export default defineRule({
  id: 'no-denial',
  title: "Don't deny the customer's problem",
  category: 'phrase',
  severity: 'error',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['004'],
    summary: 'A problem exists when the customer says it does: acknowledge it before explaining anything.',
  },
  message: MESSAGE,
  phrases: [
    {
      match: [
        'no one else has reported', 'nobody else has reported', 'no one else reported', 'nobody else reported',
        'no other customer has reported', 'no other customers have reported', 'you are the only one who has reported',
        'you are the only one who reported', 'you are the only one to report', 'you are the only person to report',
        'you are the only customer to report', 'you are the first to report', 'you are the first person to report',
      ],
      suggest: ['thanks for being the first to report'],
      sentenceLacks: ['if', 'whether'],
    },
    {
      match: ['no one else has complained about', 'nobody else has complained about', 'no other customers have complained about'],
      suggest: ['thanks for being the first to tell us about'],
      sentenceLacks: ['if', 'whether'],
    },
    {
      match: [
        'no one else has complained', 'nobody else has complained', 'no other customers have complained',
        'no one else has had this problem', 'no one else has had this issue', 'nobody else has had this problem',
        'nobody else has had this issue', 'no one else is having this problem', 'no one else is having this issue',
        'nobody else is having this problem', 'nobody else is having this issue', 'no one else is experiencing this',
        'nobody else is experiencing this', 'no other customers are having this issue', 'no other customers are having this problem',
        'you are the only one having this problem', 'you are the only one having this issue', 'you are the only one with this problem',
        'you are the only one with this issue', 'you are the only one experiencing this', 'you are the only customer with this problem',
      ],
      suggest: ['thanks for being the first to flag this'],
      sentenceLacks: ['if', 'whether'],
    },
    {
      match: [
        'we have not had any other reports', 'we have not received any other reports', 'we have had no other reports',
        'we have not seen any other reports', 'we have received no other reports', 'we have not had any other complaints',
        'we have had no other complaints', 'we have not received any other complaints',
      ],
      suggest: ["yours is the first report we've had"],
      sentenceLacks: ['if', 'whether'],
    },
    { match: ['you must be mistaken about', 'you must be confused about'], suggest: ['let me double-check'] },
    {
      match: ['you must be mistaken', 'you must be confused', 'you must be imagining things', 'you are imagining things', 'you must be imagining it'],
      suggest: ['let me double-check this'],
    },
    { match: 'you must be thinking of', suggest: ['you may be thinking of'] },
    {
      match: ['that is not a real problem', 'that is not a real issue', 'this is not a real problem', 'this is not a real issue', 'it is not a real problem', 'it is not a real issue'],
      suggest: ["I can see why that's a problem"],
    },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
    reportWorksForUs(context);
  },
});
