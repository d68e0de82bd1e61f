import { defineRule, type PhraseEntry } from '../../engine/rule.js';
import { reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" pushes a sale in a support reply; solve the problem first, and mention an option only if it helps.';

/** "Upgrade now" → "If it helps, you can upgrade": the option stays, the pressure goes. */
const BUY_NOW: Record<string, string> = {
  upgrade: 'upgrade', buy: 'buy', order: 'order', shop: 'shop', purchase: 'purchase',
  'get it': 'get it', 'grab it': 'get it', 'get yours': 'get one', 'grab yours': 'get one',
};
// Not "subscribe now" (status updates), "sign up" (webinars) or "book now" (appointments): support asks for those.
/** "You can upgrade now" and "if you'd like to order today" answer the customer; they are not a push. */
const INFORMING = ['to', 'can', 'could', 'will', 'would', 'you', 'if', 'may', 'might', 'should', 'must', 'and'];

const buyNow: PhraseEntry[] = Object.entries(BUY_NOW).map(([verb, base]) => ({
  match: [`${verb} now`, `${verb} today`],
  notPrecededBy: INFORMING,
  // "Click the Buy Now button" names a button.
  skipProperNoun: true,
  suggest: [`if it helps, you can ${base}`],
}));

const PRESSURE_NOUNS: Record<string, string> = { offer: 'promotion', deal: 'deal', discount: 'discount', offers: 'promotions', deals: 'deals' };

const clausePhrases: ClausePhrase[] = [
  { match: 'act now', opensClause: true, after: ['so', 'and', 'but', 'please'], suggest: [''] },
  { match: ['do not miss out', 'do not wait'], opensClause: true, closesClause: true, suggest: [''] },
  { match: ['hurry', 'hurry up'], opensClause: true, closesClause: true, suggest: [''] },
  { match: ['while stocks last', 'while supplies last', 'while they last', 'while it lasts', 'while the offer lasts'], suggest: [''] },
];

export default defineRule({
  id: 'no-upsell',
  title: "Don't upsell in a support reply",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['000 #2'],
    summary: 'Help first: a customer who came with a problem should not get a sales pitch instead of a solution.',
  },
  message: MESSAGE,
  exemptTags: ['sales'],
  phrases: [
    ...buyNow,
    ...Object.entries(PRESSURE_NOUNS).map(([noun, plain]) => ({
      match: [
        `limited-time ${noun}`, `limited time ${noun}`, `special ${noun} just for you`, `exclusive ${noun} just for you`,
        `special ${noun} only for you`, `exclusive ${noun} only for you`,
      ],
      suggest: [plain],
    })),
    // Plain, without "if it helps": the sentence often also says "upgrade now", whose rewrite already has it.
    { match: 'do not miss out on', suggest: ['have a look at'] },
    ...['this', 'our', 'these'].map((determiner) => ({
      match: `do not miss ${determiner}`,
      followedBy: ['offer', 'deal', 'sale', 'discount', 'promotion', 'offers', 'deals', 'discounts', 'promotions'],
      suggest: [`have a look at ${determiner}`],
    })),
    { match: 'why not upgrade', suggest: ['if it helps, you can upgrade'] },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
  },
});
