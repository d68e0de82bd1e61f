import { defineRule } from '../../engine/rule.js';

/** What usually follows a conditional apology that doubts our own mistake. */
const DOUBTED_FAULT = ['the', 'our', 'my'];
/** Feelings a conditional apology hangs the problem on. */
const FEELINGS = ['upset', 'frustrated', 'disappointed', 'offended', 'unhappy', 'annoyed', 'confused', 'inconvenienced', 'misled', 'hurt', 'ignored'];
/** What comes after "sorry you feel …" when the sentence goes on to say what went wrong. */
const FEEL_CLAUSE = ['we', 'our', 'the', 'your', 'this', 'it', 'there', 'i'];
/** Words an apology for "any inconvenience" hangs on. */
const APOLOGY_WORDS = ['sorry', 'apologize', 'apologise', 'apologies', 'apology', 'apologizing', 'apologising'];
/** Verbs after "sorry if we …" that name something we did. */
const OUR_DOING = ['caused', 'upset', 'confused', 'offended', 'misunderstood', 'gave', 'made', 'let', 'missed', 'were', 'did'];

export default defineRule({
  id: 'non-apology',
  title: 'Apologise sincerely, not conditionally',
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  guideline: {
    seeds: ['004', '002 #2'],
    summary: 'Say a plain, well-placed "I\'m sorry" for what went wrong, not for how the customer feels about it or "if" it happened.',
  },
  message: '"{actual}" sounds like an apology but hedges it or pins it on the customer\'s feelings; apologise for what happened, e.g. "I\'m sorry for the trouble this caused".',
  phrases: [
    // "Sorry you feel that way": the apology is for the customer's reaction.
    {
      match: [
        'sorry you feel that way about', 'sorry that you feel that way about', 'sorry if you feel that way about',
        'sorry you feel this way about', 'sorry if you feel this way about', 'sorry you felt that way about',
        'sorry to hear you feel that way about', 'sorry to hear that you feel that way about',
      ],
      suggest: ['sorry about'],
    },
    {
      match: [
        'sorry you feel that way', 'sorry that you feel that way', 'sorry if you feel that way', 'sorry if you felt that way',
        'sorry you feel this way', 'sorry that you feel this way', 'sorry if you feel this way', 'sorry you felt that way',
        'sorry to hear you feel that way', 'sorry to hear that you feel that way', 'sorry to hear you feel this way',
        'sorry you see it that way', 'sorry if you see it that way', 'sorry you see it this way',
      ],
      suggest: ['sorry for the trouble this caused', 'sorry about the trouble'],
    },
    // "Sorry (if) you feel we let you down" → "Sorry we let you down".
    {
      match: ['sorry you feel like', 'sorry you felt like', 'sorry if you feel like', 'sorry if you felt like', 'sorry that you feel like', 'sorry you feel that', 'sorry you felt that', 'sorry if you feel that', 'sorry if you felt that', 'sorry that you feel that'],
      suggest: ['sorry'],
      notFollowedBy: ['way'],
    },
    {
      match: ['sorry you feel', 'sorry you felt', 'sorry if you feel', 'sorry if you felt', 'sorry that you feel', 'sorry that you felt'],
      suggest: ['sorry'],
      followedBy: FEEL_CLAUSE,
    },
    // "Sorry if you were upset" → "Sorry you were upset".
    { match: 'sorry if you feel', suggest: ['sorry you feel'], followedBy: FEELINGS },
    { match: 'sorry if you felt', suggest: ['sorry you felt'], followedBy: FEELINGS },
    { match: 'sorry if you are', suggest: ['sorry you are'], followedBy: FEELINGS },
    { match: 'sorry if you were', suggest: ['sorry you were'], followedBy: FEELINGS },
    { match: 'sorry if you have been', suggest: ['sorry you have been'], followedBy: FEELINGS },
    // "Sorry if the reminder was unclear": doubts that we got it wrong.
    { match: 'sorry if', suggest: ['sorry'], followedBy: DOUBTED_FAULT },
    { match: 'sorry if we', suggest: ['sorry we'], followedBy: OUR_DOING },
    {
      match: [
        'sorry if this caused', 'sorry if that caused', 'sorry if it caused', 'sorry if this has caused', 'sorry if that has caused',
        'sorry if this was unclear', 'sorry if that was unclear', 'sorry if it was unclear', 'sorry if this was confusing',
        'sorry if that was confusing', 'sorry if this was not clear', 'sorry if that was not clear', 'sorry if that came across',
        'sorry if this came across', 'sorry if that sounded', 'sorry if this sounded',
      ],
      suggest: ['sorry'],
      message: '"{actual}" makes the apology conditional; if it went wrong, say so: "I\'m sorry this caused…", "I\'m sorry that was unclear".',
    },
    {
      match: ['sorry if there was any confusion', 'sorry if there was confusion', 'sorry if there has been any confusion', 'sorry if there was a misunderstanding', 'sorry if there was any misunderstanding'],
      suggest: ['sorry for the confusion'],
    },
    // "We apologize if …": the written form of the same hedge.
    {
      match: ['we apologize if', 'we apologise if', 'i apologize if', 'i apologise if', 'apologies if', 'my apologies if', 'our apologies if', 'we do apologize if', 'we do apologise if', 'we would like to apologize if', 'we would like to apologise if'],
      suggest: ["I'm sorry", "we're sorry"],
      followedBy: DOUBTED_FAULT,
    },
    {
      match: [
        'we apologize if this caused', 'we apologise if this caused', 'we apologize if this has caused', 'we apologise if this has caused',
        'we apologize if this was unclear', 'we apologise if this was unclear', 'we apologize if this was confusing', 'we apologise if this was confusing',
        'i apologize if this caused', 'i apologise if this caused', 'i apologize if that was unclear', 'i apologise if that was unclear',
        'apologies if this caused', 'apologies if this was unclear', 'apologies if that was unclear', 'apologies if this was confusing',
      ],
      suggest: ["I'm sorry this caused", "we're sorry this caused"],
    },
    { match: ['we apologize if we', 'we apologise if we', 'i apologize if we', 'i apologise if we', 'apologies if we'], suggest: ["I'm sorry we", "we're sorry we"], followedBy: OUR_DOING },
    {
      match: ['we apologize if you feel', 'we apologise if you feel', 'we apologize if you felt', 'we apologise if you felt', 'i apologize if you feel', 'i apologise if you feel', 'apologies if you feel', 'apologies if you felt'],
      suggest: ["I'm sorry you feel"],
      followedBy: FEELINGS,
    },
    {
      match: ['we apologize if you were', 'we apologise if you were', 'i apologize if you were', 'i apologise if you were', 'apologies if you were', 'we apologize if you have been', 'we apologise if you have been'],
      suggest: ["I'm sorry you were"],
      followedBy: FEELINGS,
    },
    // "Any inconvenience this may have caused": sorry for nothing in particular, and only maybe.
    { match: ['we regret any inconvenience this may have caused', 'we regret any inconvenience that this may have caused', 'we regret any inconvenience this has caused', 'we regret any inconvenience this might have caused'], suggest: ["I'm sorry for the trouble this caused", "we're sorry for the trouble this caused"] },
    { match: ['we regret any inconvenience caused', 'we regret any inconvenience that may have been caused'], suggest: ["I'm sorry for the trouble caused", "we're sorry for the trouble caused"] },
    { match: 'we regret any inconvenience', suggest: ["I'm sorry for the trouble", "we're sorry for the trouble"] },
    { match: ['i regret any inconvenience this may have caused', 'i regret any inconvenience this has caused'], suggest: ["I'm sorry for the trouble this caused"] },
    { match: 'i regret any inconvenience caused', suggest: ["I'm sorry for the trouble caused"] },
    { match: 'i regret any inconvenience', suggest: ["I'm sorry for the trouble"] },
    { match: ['for any inconvenience this may have caused', 'for any inconvenience that this may have caused', 'for any inconvenience this has caused', 'for any inconvenience this might have caused'], suggest: ['for the trouble this caused'], precededBy: APOLOGY_WORDS },
    { match: ['for any inconvenience this may cause', 'for any inconvenience this might cause'], suggest: ['for the trouble this causes'], precededBy: APOLOGY_WORDS },
    { match: ['for any inconvenience caused', 'for any inconvenience that may have been caused'], suggest: ['for the trouble caused'], precededBy: APOLOGY_WORDS },
    { match: 'for any inconvenience', suggest: ['for the trouble'], precededBy: APOLOGY_WORDS },
  ],
});
