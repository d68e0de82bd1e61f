import type { RuleDefinition } from '../engine/rule.js';
import noBlame from './no-blame/rule.js';
import noDefensive from './no-defensive/rule.js';
import noDenial from './no-denial/rule.js';
import noArguing from './no-arguing/rule.js';
import noCondescension from './no-condescension/rule.js';
import noOverpromise from './no-overpromise/rule.js';
import noBuckPassing from './no-buck-passing/rule.js';
import noUpsell from './no-upsell/rule.js';
import nonApology from './non-apology/rule.js';
import noGenericThanks from './no-generic-thanks/rule.js';
import impersonalGreeting from './impersonal-greeting/rule.js';
import vagueTimeline from './vague-timeline/rule.js';
import negativeFraming from './negative-framing/rule.js';
import corporateSpeak from './corporate-speak/rule.js';
import shouting from './shouting/rule.js';
import greeting from './greeting/rule.js';
import thankCustomer from './thank-customer/rule.js';
import graciousNo from './gracious-no/rule.js';
import empathy from './empathy/rule.js';
import empathyFirst from './empathy-first/rule.js';
import followUpTimeline from './follow-up-timeline/rule.js';
import inviteReply from './invite-reply/rule.js';
import confirmUnderstanding from './confirm-understanding/rule.js';
import signOff from './sign-off/rule.js';
import feedbackResponse from './feedback-response/rule.js';
import length from './length/rule.js';
import sentenceLength from './sentence-length/rule.js';
import readability from './readability/rule.js';
import youFocus from './you-focus/rule.js';
import passiveEvasion from './passive-evasion/rule.js';
import placeholderSyntax from './placeholder-syntax/rule.js';
import unknownPlaceholder from './unknown-placeholder/rule.js';
import placeholderFallback from './placeholder-fallback/rule.js';
import frontmatter from './frontmatter/rule.js';
import duplicateMacro from './duplicate-macro/rule.js';
import unknownRule from './unknown-rule/rule.js';
import unusedDirective from './unused-directive/rule.js';
import retextEquality from './retext-equality/rule.js';
import retextProfanities from './retext-profanities/rule.js';
import retextRepeatedWords from './retext-repeated-words/rule.js';
import retextIndefiniteArticle from './retext-indefinite-article/rule.js';
import retextSpell from './retext-spell/rule.js';

/** Every rule Tactful ships, in documentation order. */
export const rules: readonly RuleDefinition[] = [
  noBlame,
  noDefensive,
  noDenial,
  noArguing,
  noCondescension,
  noOverpromise,
  noBuckPassing,
  noUpsell,
  nonApology,
  noGenericThanks,
  impersonalGreeting,
  vagueTimeline,
  negativeFraming,
  corporateSpeak,
  shouting,
  // B. Structure of a good reply
  greeting,
  thankCustomer,
  graciousNo,
  empathy,
  empathyFirst,
  followUpTimeline,
  inviteReply,
  confirmUnderstanding,
  signOff,
  feedbackResponse,
  // C. Measures
  length,
  sentenceLength,
  readability,
  youFocus,
  passiveEvasion,
  // D. The template itself
  placeholderSyntax,
  unknownPlaceholder,
  placeholderFallback,
  frontmatter,
  duplicateMacro,
  unknownRule,
  unusedDirective,
  // E. Reused checks
  retextEquality,
  retextProfanities,
  retextRepeatedWords,
  retextIndefiniteArticle,
  retextSpell,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
