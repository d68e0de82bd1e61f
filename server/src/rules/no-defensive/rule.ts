import { defineRule } from '../../engine/rule.js';
import { reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" sounds defensive; own the problem and say what you can do about it.';

const NOT_OUR_FAULT = [
  'it is not our fault', 'this is not our fault', 'that is not our fault', 'it was not our fault', 'this was not our fault',
  'that was not our fault', 'it is not my fault', 'this is not my fault', 'that is not my fault', 'it was not my fault',
  'that was not my fault', 'it is not really our fault', 'that is not really our fault', 'it is not the fault of our team',
];

const NOTHING_WE_COULD_HAVE_DONE = [
  'there is nothing we could have done', 'there was nothing we could have done',
  'there is really nothing we could have done', 'there was really nothing we could have done',
  'there is nothing more we could have done', 'there was nothing more we could have done',
  'there is nothing else we could have done', 'there was nothing else we could have done',
  'there was nothing we could do', 'there was nothing more we could do',
];

/** Phrases that only read well removed when the sentence is rebuilt around them. */
const clausePhrases: ClausePhrase[] = [
  {
    match: ['through no fault of our own', 'through no fault of ours', 'in our defense', 'in our defence', 'in my defense', 'in my defence'],
    suggest: [''],
  },
  {
    match: [
      'I do not make the rules', 'I did not make the rules', 'I am just following policy', 'I am only following policy',
      'I am just following the rules', 'I am only following the rules', 'I am just doing my job', 'I am only doing my job',
    ],
    suggest: [''],
  },
  { match: 'I am not responsible for', suggest: ['let me look into'] },
  {
    match: ['we are not responsible', 'we are not liable', 'we can not be held responsible', 'we can not be held liable'],
    closesClause: true,
    suggest: ["I'm sorry this happened", 'let me look into what went wrong'],
  },
];

export default defineRule({
  id: 'no-defensive',
  title: "Don't be defensive",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['000 #4', '001 #4'],
    summary: 'Meet a complaint with professionalism and empathy, not with reasons why it is not your fault.',
  },
  message: MESSAGE,
  phrases: [
    { match: NOT_OUR_FAULT.map((p) => `${p} that`), suggest: ["I'm sorry that"] },
    {
      match: NOT_OUR_FAULT,
      followedBy: ['the', 'your', 'you', 'it', 'this', 'we', 'they', 'there', 'our', 'he', 'she', 'its'],
      suggest: ["I'm sorry"],
    },
    { match: NOT_OUR_FAULT, suggest: ["I'm sorry this happened", 'let me look into what went wrong'] },
    {
      match: [
        'we are not responsible for', 'we are not liable for', 'we can not be held responsible for',
        'we can not be held liable for', 'we take no responsibility for', 'we accept no responsibility for',
        'we are not accountable for',
      ],
      suggest: ['let me look into'],
    },
    {
      match: ['we are not responsible', 'we are not liable', 'we can not be held responsible', 'we can not be held liable'],
      followedBy: ['if', 'when', 'once', 'after', 'in'],
      suggest: [],
    },
    {
      match: ['we are not at fault', 'we are not to blame', 'we are not the ones to blame', 'we did nothing wrong', 'we have done nothing wrong', 'we did everything right', 'we did everything correctly'],
      notFollowedBy: ['if', 'when'],
      suggest: ['let me look into what went wrong'],
    },
    { match: NOTHING_WE_COULD_HAVE_DONE, followedBy: ['about'], suggest: ["I'm sorry"] },
    { match: NOTHING_WE_COULD_HAVE_DONE, followedBy: ['to'], suggest: ['let me see what I can do'] },
    {
      match: [...NOTHING_WE_COULD_HAVE_DONE, ...NOTHING_WE_COULD_HAVE_DONE.map((p) => `${p} differently`)],
      suggest: ["I'm sorry this happened", 'let me see what I can do now'],
    },
    {
      match: [
        'that is not on us', 'this is not on us', 'it is not on us', 'that is not our problem', 'this is not our problem',
        'it is not our problem', 'that is not our issue', 'this is not our issue',
      ],
      suggest: ['let me see what I can do'],
    },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
  },
});
