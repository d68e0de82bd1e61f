import { defineRule, type PhraseEntry } from '../../engine/rule.js';
import { reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" promises more than support can be sure to deliver; promise what you control, with an honest timeframe.';

/** Words that open the clause a guarantee or promise is about: "I guarantee it will …". */
const CLAUSE = ['that', 'it', 'you', 'your', 'this', 'the', 'we', 'our', 'they', 'everything', 'nothing', 'he', 'she'];
/** Promising one's own next step ("I promise to keep you posted") is following through, not over-promising. */
const OWN_STEPS = ['keep', 'update', 'follow', 'let', 'get', 'reply', 'respond', 'look', 'check', 'write', 'email', 'call', 'personally', 'be', 'do', 'try'];

const neverAgain = (subject: string) => [
  `${subject} will never happen again`, `${subject} will not happen again`, `${subject} will not ever happen again`,
  `${subject} will never happen to you again`, `${subject} will not happen to you again`, `${subject} will not happen in the future`,
];

const NEVER_AGAIN_OPENINGS = ['this will never', 'this will not', 'it will never', 'it will not'];

const ASSURED = ['I promise', 'I promise you', 'we promise', 'we promise you', 'I can assure you', 'I assure you', 'rest assured'];
const MAKE_SURE = [
  'we will make sure', 'we will ensure', 'I will make sure', 'I will ensure', 'we are going to make sure', 'I am going to make sure',
];

const guaranteedTo: PhraseEntry[] = [
  ['it is guaranteed to', 'it should'], ['this is guaranteed to', 'this should'], ['that is guaranteed to', 'that should'],
  ['they are guaranteed to', 'they should'], ['you are guaranteed to', 'you should'], ['is guaranteed to', 'should'],
  ['are guaranteed to', 'should'],
].map(([match, rewrite]) => ({ match: match!, suggest: [rewrite!], sentenceLacks: ['not', 'never', 'no'] }));

/** "I'll refund you right away": a promise of speed from us, with the rewrite in the same person. */
const SOON = ['immediately', 'right away', 'straight away', 'instantly', 'at once'];
const SOON_GUARDS: ClausePhrase = {
  match: SOON,
  suggest: [],
  // "We'll ship it with Right Away Couriers" names a company.
  skipProperNoun: true,
  // "If you … please tell us immediately" asks the customer; "after payment" is how the system works.
  sentenceLacks: ['please', 'if', 'when', 'once', 'after'],
  notFollowedBy: ['after', 'once', 'when', 'upon', 'on', 'if', 'following'],
  // "I can see right away why" is perception, not a promise.
  // "We'll immediately refund" has no room for "as soon as we can" before the verb.
  notPrecededBy: ['see', 'tell', 'notice', 'understand', 'spot', 'know', 'effect', 'available', 'active', 'visible', 'will', 'shall', 'can', 'to', 'be', 'am', 'are', 'is'],
};

const clausePhrases: ClausePhrase[] = [
  // "I promise this won't happen again" is one promise, reported and rewritten as one; matched
  // here so that "…, and I promise this won't happen again" keeps a small letter.
  {
    match: [
      ...ASSURED.flatMap((a) => ['this', 'it'].flatMap((it) => [`${a} ${it} will never happen again`, `${a} ${it} will not happen again`])),
      ...MAKE_SURE.flatMap((m) => [`${m} this never happens again`, `${m} it never happens again`, `${m} this does not happen again`, `${m} it does not happen again`, `${m} this will not happen again`]),
    ],
    suggest: ["we're taking steps so this doesn't happen again"],
  },
  { ...SOON_GUARDS, earlierHas: ['I will', 'I shall', 'I am going to', 'I can'], suggest: ['as soon as I can', 'within one business day'] },
  { ...SOON_GUARDS, earlierHas: ['we will', 'we shall', 'we are going to', 'we can', 'our team will'], suggest: ['as soon as we can', 'within one business day'] },
  // "It'll definitely arrive by Friday" — but not "I'd definitely recommend", "I'll definitely pass this on".
  {
    match: 'definitely',
    after: ['will', 'shall', 'is', 'are', 'it is', 'this is', 'that is'],
    followedByPhrase: [
      'arrive', 'arriving', 'be fixed', 'be resolved', 'be ready', 'be back', 'be there', 'be available', 'be included',
      'be delivered', 'be shipped', 'be refunded', 'coming', 'happening', 'going to', 'ship', 'shipping', 'work', 'fix',
      'fixed', 'resolve', 'resolved', 'get fixed', 'get resolved', 'happen', 'be in', 'be out', 'land', 'reach you',
    ],
    sentenceLacks: ['if', 'whether', 'not'],
    suggest: [''],
  },
  // Guarantees and promises are matched here, where "I guarantee it!" and "…, I promise you." can be
  // told apart from "I guarantee it will …" and "I promise you'll …".
  { match: ['we guarantee', 'we can guarantee'], followedBy: CLAUSE, suggest: ['we expect', "we'll do our best to make sure"] },
  { match: ['I guarantee', 'I can guarantee'], followedBy: CLAUSE, suggest: ['I expect', "I'll do my best to make sure"] },
  { match: ['we guarantee', 'we can guarantee'], followedBy: ['to'], suggest: ['we aim'] },
  { match: ['we guarantee', 'we can guarantee'], notFollowedBy: [...CLAUSE, 'to'], closesClause: false, suggest: ['we aim for'] },
  // "I promise this won't happen again" is reported whole, by the phrase list.
  { match: ['I promise', 'I promise you'], followedBy: CLAUSE, notFollowedByPhrase: NEVER_AGAIN_OPENINGS, suggest: ["I'm hopeful"] },
  { match: ['we promise', 'we promise you'], followedBy: CLAUSE, notFollowedByPhrase: NEVER_AGAIN_OPENINGS, suggest: ["we're hopeful"] },
  // "We'll look into it, I promise." — the promise adds nothing the sentence does not say.
  { match: ['I promise', 'we promise', 'I promise you', 'we promise you', 'I guarantee', 'we guarantee', 'I guarantee it', 'we guarantee it'], closesClause: true, suggest: [''] },
];

export default defineRule({
  id: 'no-overpromise',
  title: "Don't over-promise",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: { seeds: ['000 #5'], summary: 'Promise only what support can deliver, then deliver it.' },
  message: MESSAGE,
  phrases: [
    ...guaranteedTo,
    { match: ['I promise to', 'we promise to'], notFollowedBy: OWN_STEPS, suggest: ["I'll do my best to"] },
    { match: neverAgain('this'), precededBy: ['so', 'that', 'and', 'because'], suggest: ["this shouldn't happen again"] },
    { match: neverAgain('it'), precededBy: ['so', 'that', 'and', 'because'], suggest: ["it shouldn't happen again"] },
    {
      match: [...neverAgain('this'), ...neverAgain('it')],
      // After "I promise", "rest assured" or "make sure" the whole promise is one finding, made below.
      notPrecededBy: ['promise', 'you', 'assured', 'sure', 'ensure'],
      suggest: ["we're taking steps so this doesn't happen again", "this shouldn't happen again"],
    },
    {
      match: ['100%', '100 percent', '100 per cent', 'one hundred percent', 'a hundred percent'],
      followedBy: ['sure', 'certain', 'guaranteed', 'guarantee', 'confident', 'positive', 'fixed', 'resolved', 'safe', 'secure', 'reliable', 'accurate', 'satisfaction'],
      // "Are you 100% sure?" asks the customer; "if you're not 100% happy" is a policy.
      sentenceLacks: ['you', 'if', 'not'],
      suggest: [''],
    },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
  },
});
