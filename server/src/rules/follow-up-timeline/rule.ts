import { defineRule } from '../../engine/rule.js';
import { findAll, has, ruleEnabled, sentencesOf, words, type SentenceView, type TextMatch } from '../../engine/reply-structure.js';

const OBJECT = '(?: (?:it|this|that|them|further|(?:your|the|this|that) [\\w-]+))?';

/** A promise to come back to the customer. */
const PROMISE = words(
  'gets? back to you', 'get back in touch', 'be back in touch', 'come back to you', 'circle back(?: to you)?',
  'follow(?: -)? up(?: with you| on (?:it|this|that|(?:your|the) [\\w-]+))?', `look into${OBJECT}`, `investigate${OBJECT}`,
  'be in touch', 'get in touch with you', 'reach out to you', 'contact you', 'reply to you', 'respond to you',
  'update you', 'send you an update', 'let you know',
);
/** Promises that say what we will do but not that we will answer: the fix adds the answer too. */
const WORK_ONLY = /^(?:look into|investigate)/;

/** The promise is ours and in the future. */
const FUTURE = new Set(['will', 'shall']);

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend';
const MONTHS = 'january|february|march|april|may(?= \\d)|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

/** A concrete time, or an event to wait for ("once the courier replies", "if anything changes"). */
const TIME = words(
  'within', 'now', 'today', 'tonight', 'tomorrow', 'this (?:morning|afternoon|evening|week|weekend)', 'later today', 'next (?:week|month|\\w+day)',
  'end of (?:the )?(?:day|week|month|business)', 'eod', 'eow', 'first thing', 'noon', 'midday', 'hours?', 'minutes?', 'days?', 'weeks?',
  'by (?:the )?(?:end|close|_ph_|\\d\\S*)', `(?:by |on |before |until )?(?:${WEEKDAYS})s?`, `(?:${MONTHS})`, '\\d+(?:st|nd|rd|th)?',
  'as soon as(?! (?:possible|practicable|humanly))', 'once', 'when', 'whenever', 'after', 'before', 'until', 'the moment', 'if', 'as we hear', 'o ?clock',
);

/**
 * The vague words `vague-timeline` reports. While that rule is on, a sentence
 * with one of them is its finding, not ours: one problem, one report.
 */
const VAGUE = words(
  'soon', 'shortly', 'asap', 'as soon as possible', 'as quickly as possible', 'in due (?:course|time)', 'at some (?:point|stage)',
  'at a later (?:date|time|stage)', 'in the near future', 'sooner or later', 'in a timely (?:manner|fashion)',
  'at (?:our|the) earliest (?:convenience|opportunity)',
);

export default defineRule({
  id: 'follow-up-timeline',
  title: 'Say when you will follow up',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['001 #3', '000 #5'], summary: 'A promise to get back to the customer says when, so they are not left waiting.' },
  defaults: { days: 2 },
  check(context) {
    const { document, config, options } = context;
    const days = typeof options.days === 'number' && options.days > 0 ? Math.round(options.days) : 2;
    const when = `within ${days} business day${days === 1 ? '' : 's'}`;
    const deferToVague = ruleEnabled(config, 'vague-timeline');
    for (const sentence of sentencesOf(document)) {
      const promise = openPromise(sentence);
      if (!promise) continue;
      if (has(sentence, TIME) || timePlaceholder(sentence)) continue;
      if (deferToVague && has(sentence, VAGUE)) continue;
      const phrase = promise.match[0];
      const insert = WORK_ONLY.test(phrase) ? ` and get back to you ${when}` : ` ${when}`;
      context.report({
        range: { start: promise.start, end: promise.end },
        message: `"{actual}" does not say when. Give the customer a time ("${when}", "by Friday") so they know when to expect you.`.replace(
          '{actual}',
          document.source.slice(promise.start, promise.end),
        ),
        suggestions: [{ title: `Add "${insert.trim()}"`, edit: { range: { start: promise.end, end: promise.end }, text: insert } }],
      });
    }
  },
});

/** The last promise of the sentence that we make (not the customer) about the future. */
function openPromise(sentence: SentenceView): TextMatch | undefined {
  const promises = findAll(sentence, PROMISE).filter((match) => {
    const before = sentence.tokens.slice(0, match.first).map((t) => t.norm);
    // "Let me look into that" is what an agent does there and then, not a promise.
    const willAt = before.findLastIndex((word, i) => FUTURE.has(word) || (word === 'going' && before[i + 1] === 'to'));
    if (willAt < 0) return false;
    // "You will be in touch with the courier" is the customer's promise.
    return before[willAt - 1] !== 'you';
  });
  return promises.at(-1);
}

/** A date or time placeholder ("by {{ticket.due_date}}"). */
function timePlaceholder(sentence: SentenceView): boolean {
  for (const [index, placeholder] of sentence.placeholders) {
    if (/date|time|day|due|eta|deadline|hours|sla/i.test(placeholder.name)) return true;
    const previous = sentence.tokens[index - 1]?.norm;
    if (previous && ['by', 'within', 'on', 'before', 'until', 'in'].includes(previous)) return true;
  }
  return false;
}
