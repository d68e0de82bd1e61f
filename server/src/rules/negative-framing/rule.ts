import { defineRule, type RuleContext } from '../../engine/rule.js';
import { blockTokens, type Token } from '../../engine/phrase-matcher.js';

/** Earlier in the sentence, these make "impossible" the customer's situation we acknowledge, or a positive. */
const NOT_OUR_NO = ['understand', 'know', 'realise', 'realize', 'appreciate', 'sounds', 'feel', 'feels', 'felt', 'seem', 'seems', 'seemed', 'if', 'thought', 'think', 'nothing', 'almost', 'nearly', 'virtually'];
/** "Impossible to miss", "impossible to resist", "impossible to say": praise or uncertainty, not a refusal. */
const NOT_A_REFUSAL = ['miss', 'resist', 'beat', 'overstate', 'ignore', 'dislike', 'forget', 'say', 'tell', 'know', 'predict', 'guess'];
const NO_EXCEPTION_AFTER = ['to', 'for', 'on', 'in', 'with', 'when', 'if', 'unless', 'outside'];

/** "we can't", "I'm unable to", "we won't be able to": a refusal, as normalised words. */
const REFUSALS: string[][] = [
  ['can', 'not'], ['are', 'unable', 'to'], ['am', 'unable', 'to'], ['are', 'not', 'able', 'to'], ['am', 'not', 'able', 'to'],
  ['will', 'not', 'be', 'able', 'to'], ['also', 'can', 'not'],
];
const SUBJECTS = new Set(['we', 'i']);
/** A sentence with one of these is a condition or a choice, not a wall of refusals. */
const CONDITIONAL = new Set(['if', 'unless', 'when', 'whenever', 'both', 'either', 'once', 'until']);

export default defineRule({
  id: 'negative-framing',
  title: 'Frame the reply around what you can do',
  category: 'phrase',
  severity: 'info',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['002 #2', '003'],
    summary: 'Stay positive: when the answer is no, say it once and kindly, then move on to what you can do.',
  },
  message: '"{actual}" sounds final and absolute; say what is not possible in plain words and offer what you can do instead.',
  phrases: [
    // Regret words, from the second one in a macro on: one "unfortunately" is honest, two are a pattern.
    {
      match: ['unfortunately', 'sadly', 'regrettably', 'unluckily'],
      suggest: [''],
      fromOccurrence: 2,
      message: '"{actual}" is the second regret word in this reply; one is enough — drop this one and lead with what you can do.',
    },
    // "It's impossible": absolute, and closes the door.
    { match: 'impossible to', suggest: ['not possible to'], precededBy: ['is'], notFollowedBy: NOT_A_REFUSAL, sentenceLacks: NOT_OUR_NO },
    { match: 'impossible', suggest: ['not possible'], precededBy: ['is'], notFollowedBy: ['to'], sentenceLacks: NOT_OUR_NO },
    { match: 'be impossible to', suggest: ['not be possible to'], notFollowedBy: NOT_A_REFUSAL, sentenceHas: ['would', 'will'], sentenceLacks: NOT_OUR_NO },
    { match: 'be impossible', suggest: ['not be possible'], notFollowedBy: ['to'], sentenceHas: ['would', 'will'], sentenceLacks: NOT_OUR_NO },
    // "Under no circumstances can we …": the harshest way to say no.
    { match: ['under no circumstances can we', 'under no circumstances are we able to', 'in no circumstances can we'], suggest: ["we can't", "we aren't able to"] },
    { match: ['under no circumstances will we', 'in no circumstances will we'], suggest: ["we won't"] },
    {
      match: ['we do not make exceptions', 'we never make exceptions', 'we can not make any exceptions', 'we do not make any exceptions', 'no exceptions will be made', 'no exceptions can be made'],
      suggest: ["we aren't able to make an exception here"],
      notFollowedBy: NO_EXCEPTION_AFTER,
    },
  ],
  check(context) {
    stackedRefusals(context);
  },
});

/**
 * "We can't refund the order and we can't change the date": the second refusal
 * in one sentence, joined by "and", folds into the first ("… or change the date").
 */
function stackedRefusals(context: RuleContext): void {
  const { document } = context;
  for (const block of document.blocks) {
    const tokens = blockTokens(block);
    let sentenceStart = 0;
    for (let i = 0; i <= tokens.length; i++) {
      if (i < tokens.length && !/^[.!?;:]$/.test(tokens[i]!.norm)) continue;
      checkSentence(context, block.range.start, tokens.slice(sentenceStart, i));
      sentenceStart = i + 1;
    }
  }
}

function checkSentence(context: RuleContext, base: number, tokens: readonly Token[]): void {
  if (tokens.some((t) => CONDITIONAL.has(t.norm))) return;
  let refusals = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!SUBJECTS.has(tokens[i]!.norm)) continue;
    const refusal = REFUSALS.find((words) => words.every((word, k) => tokens[i + 1 + k]?.norm === word));
    if (!refusal) continue;
    refusals++;
    const previous = tokens[i - 1];
    if (refusals < 2 || previous?.norm !== 'and') continue;
    const start = previous.start;
    const end = tokens[i + refusal.length]!.end;
    const source = context.document.source;
    const range = { start: base + start, end: base + end };
    const actual = source.slice(range.start, range.end);
    // "…, and we can't" → "… or": take the comma too, so nothing dangles.
    // Read backwards from the match: a pattern anchored at the end of everything before it read the whole prefix, per refusal.
    let blank = range.start;
    while (blank > 0 && /\s/.test(source[blank - 1]!)) blank--;
    const comma = source[blank - 1] === ',';
    const editStart = comma ? blank - 1 : range.start;
    context.report({
      range,
      actual,
      message: `"${actual}" stacks a second refusal on the first; say no once ("we can't do A or B") and move on to what you can do.`,
      suggestions: [{ title: 'Replace with "or"', edit: { range: { start: editStart, end: range.end }, text: comma ? ' or' : 'or' } }],
    });
  }
}
