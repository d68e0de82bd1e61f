import { defineRule } from '../../engine/rule.js';
import {
  THANKS, has, layoutOf, matchingTag, openingEdit, openingRange, openingSpot, ruleEnabled, sentencesOf, stringList, words, messageRange,
} from '../../engine/reply-structure.js';

const TAGS = ['review', 'feedback'];

/** What the thank-you is for. */
const FEEDBACK = words(
  'feedback', 'reviews?', 'suggestions?', 'ideas?', 'comments?', 'notes?', 'input', 'kind words', 'words', 'rating', 'thoughts',
  'tak(?:e|ing) the time', 'shar(?:e|ing)', 'letting us know', 'telling us', 'reports?', 'reporting', 'recommendations?', 'survey',
  'insights?', 'perspective', 'honest\\w*', 'response', 'writing', 'stars?', 'request',
);

/** What happens with the feedback: passed on, logged, acted on. */
const OUTCOME = words(
  'shared', 'passed', 'passing', 'forwarded', 'logged', 'noted', 'recorded', 'flagged', 'raised', 'filed', 'added', 'brought',
  'sent (?:it|this|them|your \\w+) to', '(?:our|the) (?:\\w+ )?team', 'roadmap', 'release', 'backlog', 'wish ?list',
  '(?:i|we) (?:will|are|am|have|would) (?:\\w+ )?(?:use|using|used|look|looking|review|reviewing|consider|considering|discuss|discussing|work|working|fix|fixing|fixed|improve|improving|change|changing|update|updating|share|sharing|pass|passing|read|reading|take|taking)',
  'helps? us', 'will help', 'make it', 'improve', 'improving', 'improvements?',
);

const THANK_LINE = 'Thank you for taking the time to share your feedback.';
const OUTCOME_LINE = "I've passed your feedback on to our team.";

export default defineRule({
  id: 'feedback-response',
  title: 'Answer feedback: thank, then say what happens',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['000 #3', '004'], summary: 'Reviews and feedback get a thank-you and a word on what you will do with them.' },
  defaults: { tags: TAGS },
  check(context) {
    const { document, platform, config, options } = context;
    const tag = matchingTag(document, stringList(options.tags, TAGS));
    if (!tag) return;
    const sentences = sentencesOf(document);
    const layout = layoutOf(document, platform);
    if (layout.content.length === 0) return;
    const thanks = layout.content.filter((s) => has(s, THANKS));
    const thanked = sentences.some((s) => has(s, THANKS));

    // With no thank-you at all, `thank-customer` asks for one (fitted to feedback); don't say it twice.
    if (!thanked && !ruleEnabled(config, 'thank-customer')) {
      const edit = openingEdit(document, layout, openingSpot(layout, false), THANK_LINE);
      context.report({
        range: openingRange(document, layout),
        message: `This "${tag}" macro never thanks the customer for their feedback. Thank them first: it tells them their opinion counts.`,
        ...(edit ? { suggestions: [{ title: `Add "${THANK_LINE}"`, edit }] } : {}),
      });
    }
    if (layout.content.some((s) => has(s, OUTCOME))) return;
    const anchor = thanks.find((s) => has(s, FEEDBACK)) ?? thanks[0];
    const edit = anchor
      ? openingEdit(document, layout, { after: anchor }, OUTCOME_LINE)
      : openingEdit(document, layout, openingSpot(layout, true), OUTCOME_LINE);
    context.report({
      range: anchor ? messageRange(anchor, layout) : openingRange(document, layout),
      message: `This "${tag}" macro does not say what happens with the feedback. Tell the customer where it goes or what will change.`,
      ...(edit ? { suggestions: [{ title: `Add "${OUTCOME_LINE}"`, edit }] } : {}),
    });
  },
});
