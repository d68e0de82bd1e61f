import { defineRule } from '../../engine/rule.js';
import {
  has, layoutOf, matchingTag, openingEdit, openingRange, openingSpot, sentencesOf, stringList, words,
} from '../../engine/reply-structure.js';

const TAGS = ['investigation', 'troubleshooting'];

/** The issue repeated back, or a check that it was understood. */
const RESTATEMENT = words(
  'to make sure i (?:have |had )?(?:understand|understood|got)', 'to make sure we (?:have |had )?(?:understand|understood|got)',
  'if i (?:have |am )?(?:understand|understood|understanding|read)', 'as i understand', 'my understanding is', 'to confirm',
  'to check (?:that )?(?:i|we)', 'so (?:i|we) (?:can )?understand', 'it sounds like', 'sounds like you', 'it seems like you',
  'you (?:have )?(?:mentioned|said|told us|told me|wrote|described|reported|noted|explained)', 'you are (?:seeing|getting|experiencing|having)',
  'you have been (?:seeing|getting|experiencing|having)', 'from what you', 'from your (?:message|description|email|note|report)',
  'am i right', 'is that right', 'is that correct', 'did i get that right', 'correct me if',
);

export default defineRule({
  id: 'confirm-understanding',
  title: 'Repeat the problem back',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['004'], summary: 'When investigating, restate the problem so the customer can confirm you understood it.' },
  defaults: { tags: TAGS },
  check(context) {
    const { document, platform, options } = context;
    const tag = matchingTag(document, stringList(options.tags, TAGS));
    if (!tag) return;
    if (sentencesOf(document).some((s) => has(s, RESTATEMENT))) return;
    const layout = layoutOf(document, platform);
    if (layout.content.length === 0) return;
    // Quoting the customer's own words (a blockquote) is repeating them back too.
    if (layout.lines.some((line) => line.plain.trimStart().startsWith('>'))) return;
    const line = 'To make sure I understand: …, is that right?';
    const edit = openingEdit(document, layout, openingSpot(layout, true), line);
    context.report({
      range: openingRange(document, layout),
      message: `This "${tag}" macro never repeats the problem back. Restate it ("To make sure I understand: …") so the customer can confirm or correct you.`,
      ...(edit ? { suggestions: [{ title: `Add "${line}" to fill in`, edit }] } : {}),
    });
  },
});
