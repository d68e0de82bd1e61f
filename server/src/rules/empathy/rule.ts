import { defineRule } from '../../engine/rule.js';
import {
  ACKNOWLEDGEMENT, has, layoutOf, matchingTag, openingEdit, openingRange, openingSpot, sentencesOf, stringList,
} from '../../engine/reply-structure.js';

const EMPATHY_TAGS = ['complaint', 'incident', 'refund', 'delay'];

/** An acknowledgement fitted to what went wrong, by the macro's first matching tag. */
const ACKNOWLEDGEMENTS: Record<string, string> = {
  complaint: "I understand how frustrating this has been, and I'm sorry for the trouble it caused.",
  incident: "I'm sorry for the disruption this caused, and I understand how frustrating it has been.",
  refund: "I understand how disappointing this is, and I'm sorry for the trouble.",
  delay: "I understand how frustrating the wait has been, and I'm sorry for the delay.",
};
const DEFAULT_ACKNOWLEDGEMENT = "I understand how frustrating this has been, and I'm sorry for the trouble.";

export default defineRule({
  id: 'empathy',
  title: 'Acknowledge how the customer feels',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['004', '000 #4', '001 #2'], summary: 'When something went wrong, fix the person first: acknowledge their feelings before the problem.' },
  defaults: { tags: EMPATHY_TAGS },
  check(context) {
    const { document, platform, options } = context;
    const tag = matchingTag(document, stringList(options.tags, EMPATHY_TAGS));
    if (!tag) return;
    if (sentencesOf(document).some((s) => has(s, ACKNOWLEDGEMENT))) return;
    const layout = layoutOf(document, platform);
    if (layout.content.length === 0) return;
    const line = ACKNOWLEDGEMENTS[tag] ?? DEFAULT_ACKNOWLEDGEMENT;
    const edit = openingEdit(document, layout, openingSpot(layout, true), line);
    context.report({
      range: openingRange(document, layout),
      message: `This macro is tagged "${tag}" but never acknowledges how the customer feels. Validate their experience ("I understand how frustrating this is") before the solution.`,
      ...(edit ? { suggestions: [{ title: `Add "${line}"`, edit }] } : {}),
    });
  },
});
