import { defineRule } from '../../engine/rule.js';
import { findAll, has, layoutOf, matchingTag, sentencesOf, stringList, words, type SentenceView } from '../../engine/reply-structure.js';

/** Verbs after "can't" that state a limit of knowledge or a feeling, not a refusal. */
const NOT_REFUSALS = [
  'wait', 'thank', 'stress', 'emphasi[sz]e', 'imagine', 'help but', 'reproduce', 'replicate', 'find', 'locate', 'see', 'tell',
  'say', 'know', 'believe', 'express', 'overstate', 'recommend', 'guarantee', 'promise', 'be sure', 'be certain', 'confirm',
  'access your', 'hear', 'reach you', 'open the', 'load',
];
const ADVERB = '(?:currently|unfortunately|sadly|still|really|therefore|also|now|just|simply|always|usually|yet|personally|legally|technically|afraid|no longer) ';

/**
 * "We can't …", "I'm unable to …", "we won't be able to …", "it is not
 * possible to …". The subject is the team or the agent, or an impersonal "it":
 * "you can't log in" describes the customer's problem, not a refusal.
 */
const REFUSAL = new RegExp(
  [
    `(?<![\\w'])(?:i|we)(?: am| are)? (?:${ADVERB})?(?:can not|could not possibly|am unable to|are unable to|unable to|will be unable to|will not be able to|am not able to|are not able to|am not in a position to|are not in a position to|are no longer able to)(?! (?:${NOT_REFUSALS.join('|')})(?![\\w']))`,
    `(?<![\\w'])(?:is|are) (?:${ADVERB})?not possible(?![\\w'])`,
  ].join('|'),
  'g',
);

/** A question, a condition or an explanation clause around the words is not a refusal: "if we can't reach you", "why we can't act". */
const CLAUSE_OPENERS = new Set(['if', 'unless', 'when', 'whether', 'why', 'what', 'in case', 'so that', 'even if', 'once']);

/** Why: "because", "since", "due to", a policy, a time limit. */
const REASON = words(
  'because', 'since', 'due to', 'owing to', 'given that', 'so that', 'in order to', 'the reason', 'reasons?', 'for this reason',
  'this is why', 'that is why', 'which is why', 'to protect', 'to keep', 'for (?:your )?(?:security|safety|privacy)', 'polic(?:y|ies)',
  'terms', 'law', 'legal(?:ly)?', 'regulations?', 'once', 'after', 'until', 'unless', 'outside', 'beyond', 'without', 'only',
  'already', 'no longer', 'as it', 'as the', 'as your', 'as this', 'as we', 'as our', 'as they', 'as these', 'as that',
);

/** What the customer can have instead: an alternative, an offer, a next step. */
const ALTERNATIVE = words(
  'what (?:i|we) can do', 'instead', 'alternatively', 'alternatives?', 'another option', 'other options?', 'an option', 'options',
  'you (?:can|could|may|might)(?! not)', 'you are welcome to', '(?:i|we) would (?:be )?(?:happy|glad|love) to', 'happy to', 'glad to',
  'feel free', '(?:i|we) can(?! (?:not|only|see|understand|imagine|confirm))', '(?:i|we) could(?! not)', 'let me(?! know)',
  'if you would (?:like|prefer)', 'if you prefer', 'if you want', 'if you wish', '(?:i|we) (?:recommend|suggest)', 'try',
  '(?:another|other|best|easiest|quickest|simplest) way', '(?:i|we) (?:do |also |can )?offer',
  // Something done or to be done for the customer in place of what was asked.
  '(?:i|we) (?:have |had |already |just )?(?:added|applied|issued|credited|arranged|booked|extended|upgraded|set up|reserved|sent you)',
  '(?:i|we) will (?:send|give|add|credit|refund|arrange|book|extend|upgrade|set up|ship|replace|apply|reserve|pass|forward|connect)',
  'please (?!(?:accept|note|understand|be aware|bear|keep in mind|rest assured|forgive|excuse|know|let|reply|do not|feel)(?![\\w\']))\\w+',
);

export default defineRule({
  id: 'gracious-no',
  title: 'Say no graciously',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['003'], summary: 'A refusal comes with a reason and an alternative, so the customer sees you still want to help.' },
  defaults: { tags: ['refusal'] },
  check(context) {
    const { document, platform, options } = context;
    const sentences = sentencesOf(document);
    if (sentences.length === 0) return;
    let refusal = sentences.find(isRefusal);
    if (!refusal) {
      // A macro tagged as a refusal says no somewhere, perhaps in words the patterns do not know.
      if (!matchingTag(document, stringList(options.tags, ['refusal']))) return;
      const content = layoutOf(document, platform).content;
      refusal = content.find((s) => has(s, words('not', 'no', 'never', 'unfortunately', 'unable', 'cannot'))) ?? content[0];
      if (!refusal) return;
    }
    const reason = sentences.some((s) => has(s, REASON));
    const alternative = sentences.some((s) => has(s, ALTERNATIVE));
    if (reason && alternative) return;

    const missing = !reason && !alternative ? 'neither a reason nor an alternative' : !reason ? 'no reason' : 'no alternative';
    const fill = [!reason ? 'This is because …' : '', !alternative ? 'What I can do instead is …' : ''].filter(Boolean).join(' ');
    const at = refusal.range.end;
    const punctuated = /[.!?…)"'”’]$/.test(document.source.slice(0, at)) ? '' : '.';
    context.report({
      range: refusal.range,
      message: `This "no" comes with ${missing}. Say no graciously: tell the customer why, and what you can do for them instead.`,
      suggestions: [{ title: `Add "${fill}" to fill in`, edit: { range: { start: at, end: at }, text: `${punctuated} ${fill}` } }],
    });
  },
});

function isRefusal(view: SentenceView): boolean {
  return findAll(view, REFUSAL).some((match) => {
    // Look back within the clause (to the last comma or sentence start) for a condition or question word.
    const clause: string[] = [];
    for (let i = match.first - 1; i >= 0 && view.tokens[i]!.word; i--) clause.unshift(view.tokens[i]!.norm);
    const text = clause.join(' ');
    return ![...CLAUSE_OPENERS].some((opener) => new RegExp(`(?:^| )${opener}(?: |$)`).test(text));
  });
}
