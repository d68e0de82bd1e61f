import { defineRule, type PhraseEntry } from '../../engine/rule.js';

/** "You should have <done it>": the reproach, rewritten as advice in the base form. */
const SHOULD_HAVE: Record<string, string> = {
  asked: 'ask', attached: 'attach', backed: 'back', called: 'call', cancelled: 'cancel', canceled: 'cancel',
  checked: 'check', chosen: 'choose', clicked: 'click', confirmed: 'confirm', contacted: 'contact',
  done: 'do', 'double-checked': 'double-check', entered: 'enter', filled: 'fill', followed: 'follow',
  included: 'include', informed: 'inform', kept: 'keep', looked: 'look', made: 'make',
  measured: 'measure', mentioned: 'mention', ordered: 'order', packed: 'pack', paid: 'pay',
  provided: 'provide', read: 'read', registered: 'register', reported: 'report', returned: 'return',
  reviewed: 'review', saved: 'save', selected: 'select', sent: 'send', submitted: 'submit',
  told: 'tell', updated: 'update', used: 'use', verified: 'verify', waited: 'wait',
};

/** "You shouldn't have <done it>", for the things a customer is told not to do. */
const SHOULD_NOT_HAVE: Record<string, string> = {
  cancelled: 'cancel', canceled: 'cancel', changed: 'change', clicked: 'click', deleted: 'delete', installed: 'install',
  opened: 'open', ordered: 'order', paid: 'pay', removed: 'remove', reset: 'reset', returned: 'return', sent: 'send',
  updated: 'update', used: 'use', washed: 'wash',
};

const shouldHave: PhraseEntry[] = [
  ...Object.entries(SHOULD_HAVE).map(([done, base]) => ({
    match: `you should have ${done}`,
    suggest: [`next time, you can ${base}`, `it helps to ${base}`],
  })),
  ...Object.entries(SHOULD_NOT_HAVE).map(([done, base]) => ({
    match: `you should not have ${done}`,
    suggest: [`next time, it's best not to ${base}`],
  })),
];

// Conditions, hopes and reassurance ("if you forgot to", "it's not your fault") are not blame.
const NOT_CONDITIONAL = ['if', 'whether', 'case', 'unless'];
/** "It looks like you forgot to attach it" is already the gentle version. */
const SOFTENED = ['looks', 'seems', 'maybe', 'perhaps', 'think', 'guess', 'might', 'may', 'probably', 'possibly'];

export default defineRule({
  id: 'no-blame',
  title: "Don't blame the customer",
  category: 'phrase',
  severity: 'error',
  fixable: true,
  guideline: {
    seeds: ['000 #4', '002 #2'],
    summary: 'Never make the customer feel at fault: say what happens next, not what they did wrong.',
  },
  message: '"{actual}" blames the customer; drop the reproach and say what happens next.',
  phrases: [
    ...shouldHave,
    {
      match: 'you should have known',
      followedBy: ['that'],
      suggest: ["it's easy to miss"],
    },
    {
      match: ['you failed to', 'you neglected to', 'you did not bother to', 'you never bothered to', 'you forgot to'],
      suggest: ["it looks like you didn't"],
      notFollowedBy: ['receive', 'get'],
      sentenceLacks: [...NOT_CONDITIONAL, ...SOFTENED],
    },
    {
      match: ['you did not read', 'you ignored'],
      suggest: ['you may have missed'],
      sentenceLacks: [...NOT_CONDITIONAL, ...SOFTENED],
    },
    { match: ['your mistake', 'your error'], suggest: ['the mix-up'], sentenceLacks: ['not', 'no', 'never', ...NOT_CONDITIONAL] },
    { match: 'your fault', suggest: ['a mix-up'], sentenceLacks: ['not', 'no', 'never', ...NOT_CONDITIONAL] },
    {
      match: ['you made a mistake', 'you made an error', 'you made a typo'],
      suggest: ['there was a mix-up'],
      sentenceLacks: ['not', 'worry', ...NOT_CONDITIONAL, ...SOFTENED],
    },
    {
      match: [
        'as I already said', 'as I have already said', 'as I said before', 'as I said earlier', 'as I said previously',
        'as I already mentioned', 'as I have already mentioned', 'as I already explained', 'as I have already explained',
        'as I explained before', 'as I explained earlier', 'as I already stated', 'as I have already stated',
        'as I stated before', 'as I stated previously', 'as we already said', 'as we have already said',
        'as we already explained', 'as we have already explained', 'as we already mentioned', 'as we have already mentioned',
        'as previously stated', 'as previously mentioned', 'as previously explained', 'as previously advised',
        'as stated previously', 'as stated before', 'as stated in my last email', 'as stated in my previous email',
        'as mentioned in my last email', 'as mentioned in my previous email', 'as I said in my last email',
        'as I explained in my last email', 'per my last email', 'per my previous email', 'per my last message',
        'per my previous message', 'as per my last email', 'as per my previous email', 'according to my last email',
        'according to my previous email', 'like I already said',
        'like I said before',
      ],
      suggest: ['to recap'],
    },
    {
      match: [
        'if you had read', 'if you had looked', 'if you had followed', 'if you had paid attention', 'if you had bothered',
        'had you read', 'had you followed', 'had you paid attention',
      ],
      suggest: [],
      message: '"{actual}" reproaches the customer for what they missed; point to where the answer is instead ("You\'ll find the details in …").',
    },
    {
      match: ['if you had checked', 'had you checked'],
      notFollowedBy: ['out', 'in'],
      suggest: [],
      message: '"{actual}" reproaches the customer for what they missed; point to where the answer is instead ("You\'ll find the details in …").',
    },
    {
      match: 'you were supposed to',
      notFollowedBy: ['receive', 'get', 'be', 'have', 'hear'],
      suggest: ['the process is to'],
    },
    {
      match: [
        'you must be doing something wrong', 'you are doing something wrong', 'you are doing it wrong',
        'you did something wrong', 'you must have done something wrong',
      ],
      suggest: ['something may not be set up quite right'],
    },
    { match: 'user error', notPrecededBy: ['a', 'simple'], suggest: ['a setup issue'] },
    { match: ['a user error', 'a simple user error'], suggest: ['a setup issue'] },
    {
      match: [
        'the problem is on your end', 'the problem is on your side', 'the issue is on your end', 'the issue is on your side',
        'the fault is on your end', 'the fault is on your side', 'this is a problem on your end', 'this is an issue on your end',
      ],
      suggest: ['the cause may be local to your setup'],
    },
  ],
});
