import { defineRule, type RuleContext } from '../../engine/rule.js';
import { blockTokens } from '../../engine/phrase-matcher.js';

/** The sentence is about what we (or our systems) will do: a promise, not a request to the customer. */
const OUR_PROMISE = ['we', 'i', 'our', 'will', 'shall', 'team'];
/** Requests to the customer, conditions and hopes are not timelines we owe. */
const NOT_A_PROMISE = ['please', 'if', 'when', 'whenever', 'once', 'unless', 'until', 'could', 'hope', 'hopefully', 'hoping', 'wish', 'forward'];
/** "We will soon send …": the word sits before the verb, so a time phrase cannot simply replace it. */
const AUXILIARIES = ['will', 'shall', 'would', 'should', 'could', 'can', 'may', 'might', 'must', 'is', 'are', 'am', 'be', 'was', 'were', 'been'];
/** "Soon" after these is a wish or a fixed expression, not a promise: "see you soon", "get well soon", "as soon as". */
const SOON_NOT_AFTER = [
  'as', 'so', 'too', 'how', 'very', 'again', 'better', 'well', 'talk', 'speak', 'chat', 'catch', 'see', 'hear', 'meet', 'visit',
  'you', 'coming', 'not', 'quite', 'fairly', 'pretty', 'reasonably', 'that', 'this', 'just', ...AUXILIARIES,
];
/** "Soon after", "soon enough", "soon-ish": not the promise itself. */
const SOON_NOT_BEFORE = ['after', 'afterwards', 'afterward', 'thereafter', 'enough', 'as', 'before'];
const SHORTLY_NOT_BEFORE = ['after', 'afterwards', 'afterward', 'before', 'thereafter', 'enough', 'as'];
/** Verbs of getting back to someone: "we'll get back to you soon" is a promise even after "you". */
const REPLY_VERBS = ['back', 'contact', 'reply', 'respond', 'update', 'notify', 'email', 'call', 'write', 'answer', 'message', 'ping', 'touch', 'reach', 'follow', 'inform', 'tell', 'send'];

const TIMELINE = ['within one business day', 'by the end of the week'];

export default defineRule({
  id: 'vague-timeline',
  title: 'Say when, not "soon"',
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['001 #3', '000 #5'],
    summary: 'Deal with the issue promptly and tell the customer when they will hear back, in a time they can hold you to.',
  },
  message: '"{actual}" does not tell the customer when to expect the next step; give a concrete time such as "within one business day" or "by Friday".',
  phrases: [
    {
      match: ['as soon as possible', 'as soon as practicable', 'as soon as humanly possible', 'as quickly as possible'],
      suggest: TIMELINE,
      sentenceHas: OUR_PROMISE,
      sentenceLacks: NOT_A_PROMISE,
    },
    // "We'll get back to you soon": a reply promised to "you".
    { match: 'soon', suggest: TIMELINE, precededBy: ['you'], sentenceHas: REPLY_VERBS, sentenceLacks: [...NOT_A_PROMISE, 'see', 'hear', 'talk', 'speak'], notFollowedBy: SOON_NOT_BEFORE },
    { match: 'soon', suggest: TIMELINE, notPrecededBy: SOON_NOT_AFTER, notFollowedBy: SOON_NOT_BEFORE, sentenceHas: OUR_PROMISE, sentenceLacks: NOT_A_PROMISE },
    {
      match: 'shortly',
      suggest: TIMELINE,
      notPrecededBy: ['put', 'very', 'quite', 'as', 'more', 'answered', 'replied', 'said', ...AUXILIARIES],
      notFollowedBy: SHORTLY_NOT_BEFORE,
      sentenceHas: [...OUR_PROMISE, 'you'],
      sentenceLacks: NOT_A_PROMISE,
    },
    // "We will soon send you …": no rewrite fits in place, so the finding only asks for a date.
    {
      match: ['soon', 'shortly'],
      suggest: [],
      precededBy: ['will', 'shall'],
      notFollowedBy: SHORTLY_NOT_BEFORE,
      sentenceHas: OUR_PROMISE,
      sentenceLacks: NOT_A_PROMISE,
      message: '"{actual}" does not tell the customer when to expect the next step; say when, e.g. "we will send it within one business day".',
    },
    { match: ['in due course', 'in due time'], suggest: TIMELINE, sentenceLacks: ['if', 'when', 'please'] },
    {
      match: ['at some point', 'at some stage', 'at a later date', 'at a later time', 'at a later stage', 'in the near future', 'sooner or later', 'one of these days', 'some time soon', 'sometime soon'],
      suggest: TIMELINE,
      sentenceHas: ['will', 'shall', 'we', 'our', 'team'],
      sentenceLacks: [...NOT_A_PROMISE, 'did', 'was', 'were', 'had', 'you', 'might', 'may', 'should', 'need', 'needs', 'recommend', 'suggest'],
    },
    {
      match: ['in a timely manner', 'in a timely fashion', 'at our earliest convenience', 'at the earliest opportunity', 'when we get a chance', 'when we get the chance', 'when i get a chance', 'when i get the chance', 'when we have a moment', 'when time allows', 'when time permits'],
      suggest: TIMELINE,
      sentenceHas: OUR_PROMISE,
      sentenceLacks: ['please', 'if', 'could', 'can'],
    },
  ],
  check(context) {
    asap(context);
  },
});

/**
 * "ASAP" is found here rather than in the phrase list because a phrase's rewrite
 * copies the case of what it replaces, and "WITHIN ONE BUSINESS DAY" would be
 * shouting; the guards are the same as for "as soon as possible".
 */
function asap(context: RuleContext): void {
  const allow = context.options.allow;
  if (Array.isArray(allow) && allow.some((word) => typeof word === 'string' && word.toLowerCase() === 'asap')) return;
  for (const block of context.document.blocks) {
    const tokens = blockTokens(block);
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.norm !== 'asap') continue;
      const earlier: string[] = [];
      for (let k = i - 1; k >= 0 && !/^[.!?]$/.test(tokens[k]!.norm); k--) earlier.push(tokens[k]!.norm);
      if (!OUR_PROMISE.some((w) => earlier.includes(w)) || NOT_A_PROMISE.some((w) => earlier.includes(w))) continue;
      const range = { start: block.range.start + tokens[i]!.start, end: block.range.start + tokens[i]!.end };
      const actual = context.document.source.slice(range.start, range.end);
      const capital = earlier.length === 0;
      context.report({
        range,
        actual,
        message: `"${actual}" does not tell the customer when to expect the next step; give a concrete time such as "within one business day" or "by Friday".`,
        suggestions: TIMELINE.map((text) => {
          const written = capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
          return { title: `Replace with "${written}"`, edit: { range, text: written } };
        }),
      });
    }
  }
}
