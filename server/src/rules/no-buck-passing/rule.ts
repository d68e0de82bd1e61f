import { defineRule } from '../../engine/rule.js';
import { reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" passes the customer along; take ownership: find out, or connect them with the team that can help.';

/** The agent already owns the next step later in the sentence: "I don't know yet, but I'll find out". */
const OWNS_IT = [
  'find out', 'check', 'ask', 'look into', 'let me', 'I will', 'we will', 'I am going to', 'we are going to', 'get back',
  'I have', 'we have', 'I can', 'I would be happy', 'I am happy', 'I have already', 'escalate', 'escalated', 'follow up',
];

const CONTACT = [
  'you will have to contact', 'you will need to contact', 'you would have to contact', 'you would need to contact',
  'you have to contact', 'you need to contact', 'you must contact', 'you should contact', 'you will have to call',
  'you will need to call', 'you will have to email', 'you will need to email', 'you will have to reach out to',
  'you will need to reach out to', 'you need to reach out to', 'you have to reach out to', 'you should reach out to',
  'you will have to speak to', 'you will need to speak to', 'you will have to speak with', 'you will need to speak with',
  'you will have to talk to', 'you will need to talk to', 'you will have to get in touch with', 'you will need to get in touch with',
  'you will have to ask', 'you will need to ask', 'you will have to go through', 'you will need to go through',
];
/** Another team of ours: the customer should not have to find it themselves. */
const ANOTHER_TEAM = [
  'our', 'another team', 'another department', 'a different team', 'a different department', 'the billing team',
  'the billing department', 'the sales team', 'the accounts team', 'the account team', 'the technical team', 'the tech team',
  'the returns team', 'the returns department', 'the shipping team', 'the finance team', 'the payments team', 'the legal team',
  'the right team', 'the relevant team', 'the relevant department', 'the right department', 'someone else', 'somebody else',
  'a specialist', 'a manager', 'your account manager',
];
/** Pointing to our own support channel (common on social media) is a redirect, not passing the buck. */
const OUR_SUPPORT = ['our support', 'our customer support', 'our help', 'our customer service', 'our customer care', 'our website', 'our site', 'our app', 'our help centre', 'our help center'];

const I_DO_NOT_KNOW = ['I do not know', 'I have no idea', 'I have no clue'];

const clausePhrases: ClausePhrase[] = [
  { match: CONTACT, followedByPhrase: ANOTHER_TEAM, notFollowedByPhrase: OUR_SUPPORT, laterLacks: OWNS_IT, suggest: ["I'll connect you with"] },
  // "I don't know." / "I don't know why it was returned." — but not "I don't know yet, but I'll find out",
  // nor "I don't know if you've seen our guide".
  { match: I_DO_NOT_KNOW, closesClause: true, laterLacks: OWNS_IT, suggest: ['let me find out'] },
  {
    match: I_DO_NOT_KNOW,
    followedBy: ['why', 'how', 'when', 'where', 'what', 'who', 'which'],
    // "I don't know how you'd like to proceed" asks the customer; it does not dodge.
    notFollowedByPhrase: ['how you', 'what you', 'which you', 'when you', 'where you', 'who you', 'how your', 'what your', 'which one', 'which option'],
    laterLacks: OWNS_IT,
    suggest: ['let me find out'],
  },
  {
    match: I_DO_NOT_KNOW,
    followedByPhrase: ['if we', 'if this', 'if that', 'if it', 'if the', 'if there', 'whether we', 'whether this', 'whether it', 'whether the', 'whether there'],
    laterLacks: OWNS_IT,
    suggest: ['let me find out'],
  },
];

export default defineRule({
  id: 'no-buck-passing',
  title: "Don't pass the buck",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['001 #4'],
    summary: 'Own the request: know who can help, find out what you do not know, and connect the customer yourself.',
  },
  message: MESSAGE,
  phrases: [
    {
      match: [
        'that is not my department', 'this is not my department', 'it is not my department', 'that is not our department',
        'that is not really my department', 'that is not my area', 'this is not my area', 'it is not my area',
        'that is not my problem', 'this is not my problem', 'it is not my problem', 'that is above my pay grade',
        'this is above my pay grade', 'it is above my pay grade',
      ],
      sentenceLacks: ['if', 'whether'],
      suggest: ['let me find the right person for this'],
    },
    {
      match: [
        'that is not my job', 'this is not my job', 'it is not my job', 'that is not really my job', 'that is not my responsibility',
        'it is not my responsibility', 'this is not my responsibility',
      ],
      notFollowedBy: ['to'],
      sentenceLacks: ['if', 'whether'],
      suggest: ['let me find the right person for this'],
    },
    {
      match: ['not something we handle', 'not something we deal with', 'not something I handle', 'not something I deal with'],
      sentenceLacks: ['if', 'whether'],
      suggest: ["handled by a specialist team, and I'll connect you with them"],
    },
    {
      match: ['someone else will', 'somebody else will'],
      notFollowedBy: ['be', 'need', 'have'],
      sentenceLacks: ['if', 'whether', 'when'],
      suggest: ['a specialist on our team will'],
    },
    {
      match: ['out of my hands', 'out of our hands'],
      sentenceLacks: ['once', 'after', 'when', 'if', 'whether'],
      suggest: ["something I'll pass to the right team"],
    },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
  },
});
