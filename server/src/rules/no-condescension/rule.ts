import { defineRule } from '../../engine/rule.js';
import { reportClausePhrases, type ClausePhrase } from '../no-blame/clause-phrases.js';

const MESSAGE = '"{actual}" can sound condescending; drop it and explain the step plainly.';
const CALM_MESSAGE = '"{actual}" tells an upset customer how to feel; acknowledge the feeling instead.';

/** Steps an agent asks a customer to take: "just" before one of them says the step is trivial. */
const STEPS = [
  'add', 'change', 'check', 'choose', 'clear', 'click', 'close', 'connect', 'copy', 'delete', 'disable', 'disconnect',
  'download', 'drag', 'edit', 'enable', 'enter', 'fill', 'follow', 'go', 'google', 'head', 'hit', 'install', 'log', 'look',
  'navigate', 'open', 'paste', 'pick', 'plug', 'press', 'quit', 'read', 'reboot', 'refresh', 'reinstall', 'reload',
  'remove', 'reset', 'restart', 'save', 'scroll', 'search', 'select', 'set', 'sign', 'submit', 'switch', 'tap', 'toggle',
  'try', 'turn', 'type', 'uninstall', 'unplug', 'update', 'upload', 'visit', 'wait',
];
/** Who "just" follows when it minimises the customer's task: "you can just", "then simply". */
const TO_THE_CUSTOMER = [
  'you', 'you can', 'you could', 'you may', 'you might', 'you will', 'you would', 'you should', 'you need to', 'you have to',
  'please', 'then', 'now', 'and then',
];
/** In a sentence about us, "and just update" is our own step, not the customer's. */
const ABOUT_US = ['we', 'i', 'us', 'me', 'our', 'they', 'he', 'she', 'it'];
/** Feelings and apologies: "Obviously this is frustrating" is empathy, not condescension. */
const EMPATHY = [
  'we', 'i', 'our', 'us', 'my', 'sorry', 'frustrating', 'frustrated', 'upsetting', 'upset', 'disappointing', 'disappointed',
  'annoying', 'annoyed', 'inconvenient', 'stressful', 'apologise', 'apologize', 'apologies', 'thank', 'thanks',
];
/** An admission ("Obviously, something went wrong with your order") is not a sneer either. */
const ADMISSION = ['went wrong', 'mistake', 'error', 'fault', 'broken', 'broke', 'failed', 'should not have'];
/** What a sentence-opening "Clearly" implies the customer should have read, seen or known. */
const WHAT_THEY_SHOULD_HAVE_SEEN = [
  'you', 'your', 'explains', 'explained', 'says', 'said', 'states', 'stated', 'shows', 'mentions', 'mentioned', 'written',
  'listed', 'described', 'instructions', 'guide', 'faq', 'manual', 'documentation', 'docs', 'terms', 'label', 'labelled',
  'labeled', 'marked',
];
/** "Clearly label the parcel" is an instruction, not a sneer. */
const WRITING = ['label', 'write', 'mark', 'print', 'state', 'explain', 'describe', 'show', 'indicate', 'include', 'list', 'tell', 'note', 'sign', 'say'];
/** "It's easy to miss" sympathises; "it's easy to change your plan" belittles. */
const EASY_TO_SLIP = [
  'miss', 'overlook', 'confuse', 'forget', 'mix', 'lose', 'mistake', 'skip', 'misread', 'misunderstand', 'think', 'assume',
  'see', 'understand', 'get', 'feel', 'worry', 'panic', 'make', 'use', 'overdo',
];
/** Only the insistent forms: a plain "it's easy to change your plan" is a friendly fact about the product. */
const IT_IS_EASY = [
  'it is really easy', 'it is really simple', 'it is very easy', 'it is very simple', 'it is super easy', 'it is super simple',
  'it is that easy', 'it is that simple', 'it is so easy', 'it is so simple', 'it is dead easy', 'it is extremely easy',
];
const NOT_HARD = ['it is not rocket science', 'this is not rocket science', 'it is not that hard', 'it is not that difficult', 'it is not hard', 'it is not difficult', 'it is not complicated'];

const clausePhrases: ClausePhrase[] = [
  // "Just click …", "you can simply restart …": only the word itself is reported and removed.
  {
    match: ['just', 'simply'], followedBy: STEPS, opensClause: true, after: TO_THE_CUSTOMER, skipProperNoun: true,
    notFollowedByPhrase: ['go ahead'], suggest: [''],
  },
  {
    match: ['just', 'simply'], after: ['you', 'you will', 'you would', 'you may', 'you might'], skipProperNoun: true,
    followedByPhrase: ['need to', 'need a', 'need an', 'need the', 'need your', 'have to'], suggest: [''],
  },
  {
    match: ['just', 'simply'], followedBy: STEPS, after: ['and', 'or', 'so'], sentenceLacks: ABOUT_US, skipProperNoun: true,
    notFollowedByPhrase: ['go ahead'], suggest: [''],
  },
  // "Clearly the billing page explains this" — a sentence that opens by implying the customer should have known.
  {
    match: ['clearly', 'obviously'], opensClause: true, after: ['but', 'and', 'so'], notFollowedBy: WRITING,
    sentenceLacksPhrase: [...EMPATHY, ...ADMISSION], laterHas: WHAT_THEY_SHOULD_HAVE_SEEN, suggest: [''],
  },
  { match: ['clearly', 'obviously'], after: ['as', 'as is', 'as was', 'as it is', 'as it was'], suggest: [''] },
  {
    match: ['clearly', 'obviously'], after: ['you'],
    followedByPhrase: ['did not', 'have not', 'had not', 'missed', 'forgot', 'misread', 'overlooked', 'need to', 'should', 'must', 'skipped', 'ignored', 'do not', 'failed'],
    suggest: [''],
  },
  // "It's easy: …" / "It's that easy!" / "It's not rocket science."
  { match: [...IT_IS_EASY, ...NOT_HARD], nextIs: [':'], sentenceLacks: ['if', 'whether', 'hope', 'not', 'worry'], suggest: ["here's how"] },
  { match: [...IT_IS_EASY, ...NOT_HARD], closesClause: true, sentenceLacks: ['if', 'whether', 'hope', 'not', 'worry'], suggest: [''] },
  {
    match: IT_IS_EASY.map((p) => `${p} to`), notFollowedBy: EASY_TO_SLIP, sentenceLacks: ['if', 'whether', 'hope', 'not', 'worry'],
    suggest: ['you can'],
  },
  { match: ['calm down', 'relax'], opensClause: true, closesClause: true, suggest: ['I understand this is frustrating'], message: CALM_MESSAGE },
  { match: 'needless to say', suggest: [''] },
];

export default defineRule({
  id: 'no-condescension',
  title: "Don't talk down to the customer",
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['002 #3'],
    summary: 'Explain clearly and courteously, without implying that the answer was obvious or the customer slow.',
  },
  message: MESSAGE,
  phrases: [
    {
      match: ['any user can', 'even a beginner can', 'even a child can', 'even a child could'],
      followedBy: ['do', 'manage', 'handle', 'figure', 'follow', 'fix', 'understand'],
      suggest: ['you can'],
    },
    { match: 'anyone can', followedBy: ['do', 'manage', 'handle', 'figure', 'fix'], suggest: ['you can'] },
    {
      match: [
        'as you should know', 'as you should be aware', 'as you should already know', 'as you are surely aware', 'as you surely know',
        'as you ought to know', 'as you must know', 'as you must be aware', 'as you well know',
      ],
      suggest: ['as you may know', ''],
    },
    { match: ['you should already know', 'you ought to know', 'you should know by now'], suggest: ['you may already know'] },
    { match: ['as anyone can see', 'as you can clearly see', 'as you can plainly see'], suggest: ['as you can see'] },
    {
      match: ['please calm down', 'you need to calm down', 'just calm down', 'try to calm down', 'please relax', 'you need to relax', 'just relax', 'try to relax'],
      suggest: ['I understand this is frustrating'],
      message: CALM_MESSAGE,
    },
    {
      match: ['you need to understand', 'you have to understand', 'you must understand', 'you need to realise', 'you need to realize'],
      notFollowedBy: ['how', 'what', 'why', 'which', 'where', 'when', 'the', 'your', 'our'],
      sentenceLacks: ['if', 'whether'],
      suggest: ["it's worth knowing"],
    },
    { match: ['did you even read', 'did you bother to read', "didn't you read"], suggest: ['have you had a chance to read'] },
    { match: ['did you even try', 'did you bother to try'], suggest: ['have you had a chance to try'] },
    { match: ['did you even check', 'did you bother to check'], suggest: ['have you had a chance to check'] },
    { match: ['did you even look', 'did you bother to look'], suggest: ['have you had a chance to look'] },
  ],
  check(context) {
    reportClausePhrases(context, clausePhrases, MESSAGE);
  },
});
