import { defineRule } from '../../engine/rule.js';

/** "Please revert the change", "your plan will revert to Free": software reverting, not a reply. */
const REVERT_OBJECT = ['the', 'your', 'this', 'that', 'these', 'those', 'it', 'them', 'to', 'all', 'any', 'my', 'our', 'a', 'an', 'changes', 'change', 'back', 'automatically', 'settings'];

export default defineRule({
  id: 'corporate-speak',
  title: 'Write like a person, not a memo',
  category: 'phrase',
  severity: 'info',
  fixable: true,
  guideline: {
    seeds: ['002 #3', '003'],
    summary: 'Explain clearly and sound human: plain, friendly words instead of stiff office formulas.',
  },
  message: '"{actual}" is stiff office language that puts distance between you and the customer; say it in plain words.',
  phrases: [
    // Kindly
    {
      match: [
        'we kindly ask you to', 'we kindly ask that you', 'we would kindly ask you to', 'we would kindly ask that you', 'we kindly request you to',
        'we kindly request that you', 'we would kindly request that you', 'we would kindly request you to', 'i kindly ask you to', 'i kindly ask that you',
        'i would kindly ask you to', 'i kindly request you to', 'i kindly request that you', 'we request you to', 'we would request you to', 'we request that you',
      ],
      suggest: ['please'],
    },
    {
      match: ['you are kindly requested to', 'you are kindly asked to', 'you are requested to', 'you are hereby requested to'],
      suggest: ['please'],
      sentenceLacks: ['if', 'when', 'once', 'whenever', 'unless', 'where', 'until'],
    },
    { match: ['we kindly remind you that', 'we would like to kindly remind you that', 'this is a kind reminder that', 'we would like to remind you that'], suggest: ['a quick reminder that'] },
    { match: ['please kindly', 'kindly please'], suggest: ['please'] },
    {
      match: 'kindly',
      suggest: ['please'],
      notPrecededBy: ['thank', 'thanks', 'take', 'took', 'taken', 'takes', 'taking', 'very', 'so', 'most', 'ask', 'asked', 'request', 'requested', 'please', 'spoke', 'speak', 'treat', 'treated', 'we', 'i', 'are', 'is', 'be', 'been', 'would', 'look', 'looked', 'smiled', 'not'],
      notFollowedBy: ['to', 'for', 'and'],
      sentenceLacks: ['thank', 'thanks'],
      skipProperNoun: true,
    },
    // As per
    { match: ['as per your request', 'as per your instructions', 'per your request', 'per your instructions'], suggest: ['as you asked'] },
    {
      match: ['as per our conversation', 'as per our discussion', 'as per our call', 'as per our phone call', 'as per our chat', 'as per our earlier conversation', 'as per our previous conversation', 'as per our telephone conversation', 'per our conversation', 'per our discussion', 'per our call', 'per our phone call'],
      suggest: ['as we discussed'],
    },
    { match: 'as per our policy', suggest: ['under our policy'] },
    { match: 'as per our terms', suggest: ['under our terms'] },
    { match: 'as per our records', suggest: ['according to our records'] },
    { match: 'as per', suggest: ['according to', 'following'], notFollowedBy: ['usual', 'normal', 'always', 'ever'] },
    // Revert (for "reply")
    { match: ['revert back to you', 'revert to you'], suggest: ['get back to you'] },
    { match: ['revert back to us', 'revert to us'], suggest: ['reply to us'] },
    { match: ['revert back to me', 'revert to me'], suggest: ['reply to me'] },
    { match: ['please revert', 'kindly revert', 'please revert back', 'kindly revert back', 'please do revert'], suggest: ['please reply'], notFollowedBy: REVERT_OBJECT },
    {
      match: 'revert',
      suggest: ['get back to you'],
      precededBy: ['will', 'shall'],
      followedBy: ['with', 'shortly', 'soon', 'asap', 'within', 'once'],
      sentenceHas: ['we', 'i'],
    },
    // Needful, advised, informed
    { match: 'do the needful', suggest: ['take care of this', "do what's needed"] },
    {
      match: [
        'please be advised that', 'please be advised', 'be advised that', 'kindly be advised that', 'kindly be advised', 'please be informed that',
        'kindly be informed that', 'please be informed', 'this is to inform you that', 'we wish to inform you that', 'we would like to inform you that',
        'i would like to inform you that', 'we are writing to inform you that', 'i am writing to inform you that', 'we hereby inform you that',
        'we are pleased to inform you that', 'i am pleased to inform you that', 'we would like to advise you that', 'this is to let you know that',
      ],
      suggest: [''],
    },
    {
      match: ['we regret to inform you that', 'i regret to inform you that', 'we regret to advise you that', 'we regret to advise that', 'we are sorry to inform you that', 'we are sad to inform you that', 'i am sorry to inform you that'],
      suggest: ["I'm sorry, but", "we're sorry, but"],
    },
    { match: ['we regret to inform you', 'i regret to inform you', 'we are sorry to inform you'], suggest: ["I'm sorry to tell you"] },
    // Time
    { match: ['at this point in time', 'at this moment in time', 'at the present time', 'at this present time', 'at the present moment'], suggest: ['right now', 'currently'] },
    { match: 'at your earliest convenience', suggest: ['when you can', 'when it suits you'] },
    { match: 'prior to', suggest: ['before'] },
    // Attachments and letters
    { match: ['please find attached', 'attached please find', 'kindly find attached', 'please find attached herewith'], suggest: ["I've attached"] },
    { match: ['please find enclosed', 'enclosed please find', 'kindly find enclosed'], suggest: ["I've enclosed"] },
    { match: ['for your perusal', 'for your kind perusal', 'for your kind attention', 'for your kind information'], suggest: [''] },
    { match: ['hereby', 'herewith', 'aforementioned', 'aforesaid'], suggest: [''] },
    { match: 'the undersigned', suggest: ['me'], precededBy: ['contact', 'to', 'with', 'reach', 'call', 'email', 'from', 'by', 'inform', 'tell', 'notify', 'ask'] },
    { match: ['we are in receipt of', 'we acknowledge receipt of', 'this is to acknowledge receipt of', 'we hereby acknowledge receipt of'], suggest: ["we've received"] },
    { match: ['i am in receipt of', 'i acknowledge receipt of'], suggest: ["I've received"] },
    // Stock closings
    { match: 'please do not hesitate to', suggest: ['feel free to'] },
    { match: ['please advise', 'kindly advise'], suggest: ['please let us know'], notFollowedBy: ['us', 'me', 'them', 'him', 'her', 'you'] },
    { match: ['should you require any further assistance', 'should you need any further assistance', 'should you require further assistance', 'should you require any assistance'], suggest: ['if you need anything else'] },
    { match: ['should you have any further questions', 'should you have any other questions', 'should you have any further queries'], suggest: ['if you have any other questions'] },
    { match: ['should you have any questions', 'should you have any queries'], suggest: ['if you have any questions'] },
    { match: 'should you wish to', suggest: ["if you'd like to"] },
    { match: ['thanking you in advance', 'thank you in anticipation', 'thanking you in anticipation'], suggest: ['thank you'] },
    // Words
    { match: ['utilize', 'utilise'], suggest: ['use'] },
    { match: ['utilizing', 'utilising'], suggest: ['using'] },
    { match: ['utilized', 'utilised'], suggest: ['used'] },
    { match: ['utilizes', 'utilises'], suggest: ['uses'] },
    { match: ['in lieu of'], suggest: ['instead of'] },
    { match: ['pursuant to'], suggest: ['under'] },
  ],
});
