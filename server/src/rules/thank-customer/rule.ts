import { defineRule } from '../../engine/rule.js';
import {
  THANKS, channelOf, has, hasFrontMatter, layoutOf, lineEnding, matchingTag, openingRange, sentencesOf, decapitalise, isProseAt, sentenceStart,
} from '../../engine/reply-structure.js';

/** A thank-you fitted to what the macro is about, by its first matching tag. */
const THANK_YOU: Record<string, string> = {
  review: 'Thank you for taking the time to share your feedback.',
  feedback: 'Thank you for taking the time to share your feedback.',
  complaint: 'Thank you for letting us know about this.',
  incident: 'Thank you for letting us know about this.',
  delay: 'Thank you for your patience while we sort this out.',
  refund: 'Thank you for getting in touch about this.',
  troubleshooting: 'Thank you for reporting this.',
  investigation: 'Thank you for reporting this.',
};
const DEFAULT_THANK_YOU = 'Thank you for reaching out.';

export default defineRule({
  id: 'thank-customer',
  title: 'Thank the customer',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['002 #1', '004'], summary: 'Say thank you: for reaching out, for their patience, even for complaining.' },
  check(context) {
    const { document, platform } = context;
    if (!hasFrontMatter(document)) return;
    if (sentencesOf(document).some((s) => has(s, THANKS))) return;
    const layout = layoutOf(document, platform);
    // A stub with no message yet (only a greeting) has nothing to thank in.
    if (layout.content.length === 0) return;
    const tag = matchingTag(document, Object.keys(THANK_YOU));
    const line = tag ? THANK_YOU[tag]! : DEFAULT_THANK_YOU;
    const eol = lineEnding(document.source);
    const greeting = layout.greeting;
    let edit;
    if (greeting && !greeting.inline) {
      edit = { range: { start: greeting.blockEnd, end: greeting.blockEnd }, text: `${eol}${eol}${line}` };
    } else if (greeting) {
      // "Hi {{name}}, your order …" → "Hi {{name}}, thank you for reaching out. Your order …"
      const at = greeting.end + (document.source.slice(greeting.end).length - document.source.slice(greeting.end).trimStart().length);
      const next = document.source.charAt(at);
      const afterComma = /[,;:—–]$/.test(document.source.slice(greeting.word.start, greeting.end));
      const text = afterComma ? decapitalise(line, document) : line;
      edit = /\p{Ll}/u.test(next) && isProseAt(document, at)
        ? { range: { start: at, end: at + 1 }, text: `${text} ${next.toUpperCase()}` }
        : { range: { start: at, end: at }, text: `${text} ` };
    } else {
      const inline = channelOf(document) === 'chat' || channelOf(document) === 'social';
      const first = layout.content[0];
      const at = first ? sentenceStart(document, first.range.start) : layout.lines[0]!.start;
      edit = { range: { start: at, end: at }, text: inline || first ? `${line} ` : `${line}${eol}${eol}` };
    }
    context.report({
      range: openingRange(document, layout),
      message: 'The macro never thanks the customer. A sincere thank-you (for writing in, for their patience, for the report) tells them they are valued.',
      suggestions: [{ title: `Add "${line}"`, edit }],
    });
  },
});
