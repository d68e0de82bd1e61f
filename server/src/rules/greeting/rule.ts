import { defineRule } from '../../engine/rule.js';
import { formatPlaceholder } from '../../platforms/types.js';
import {
  channelOf, customerNamePlaceholder, decapitalise, hasFrontMatter, isProseAt, layoutOf, lineEnding, lineRange, contentStart,
} from '../../engine/reply-structure.js';

/** Stand-ins for a name that the placeholder should replace. */
const STAND_INS = /^(there|all|everyone|everybody|folks|friend|friends|team|you|y['’]all|\p{Lu}\p{Ll}+)$/u;
/** Role words: `impersonal-greeting` reports these ("Dear customer", "Dear Sir/Madam"), so this rule stays out. */
const IMPERSONAL = /\b(customers?|users?|clients?|sirs?|madam|members?|valued|whom|patrons?|shoppers?|subscribers?|account holders?|guests?|buyers?)\b/i;

export default defineRule({
  id: 'greeting',
  title: 'Open with a greeting by name',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['004', '002 #4', '002 #1'], summary: 'A reply opens by greeting the customer by their first name, so they feel seen.' },
  check(context) {
    const { document, platform, config } = context;
    if (!hasFrontMatter(document)) return;
    const channel = channelOf(document);
    if (channel === 'phone') return;
    const layout = layoutOf(document, platform);
    const first = layout.lines[0];
    if (!first) return;
    const name = customerNamePlaceholder(platform, config);
    const shown = formatPlaceholder(platform, platform.customerFirstName);
    const greeting = layout.greeting;

    if (!greeting) {
      const eol = lineEnding(document.source);
      const at = contentStart(first);
      // A line that opens with a URL or code gets the greeting on a line of its own: its first letter is not ours to re-case.
      const startsWithWord = /^\p{L}/u.test(first.plain.trimStart()) && isProseAt(document, at);
      const inline = (channel === 'chat' || channel === 'social') && startsWithWord;
      const text = inline ? `Hi ${name}, ` : `Hi ${name},${eol}${eol}`;
      // Inline, the old opening continues the greeting's sentence: "Hi {{name}}, thanks for …".
      const rest = inline ? decapitalise(document.source.slice(at, first.end), document).charAt(0) : '';
      const range = lineRange(first);
      const sentenceEnd = /[.!?](\s|$)/.exec(first.plain.slice(range.start - first.start));
      if (sentenceEnd) range.end = range.start + sentenceEnd.index + 1;
      context.report({
        range,
        message: `The macro does not open with a greeting. Greet the customer by name, e.g. "Hi ${shown},".`,
        suggestions: [{
          title: `Add the greeting "Hi ${shown},"`,
          edit: inline ? { range: { start: at, end: at + 1 }, text: text + rest } : { range: { start: at, end: at }, text },
        }],
      });
      return;
    }

    if (greeting.usesName) return;
    const nameText = document.source.slice(greeting.name.start, greeting.name.end);
    if (IMPERSONAL.test(nameText)) return;
    // Some other field stands where the name goes ("Hi {{organization.name}},"): not ours to rewrite.
    const inName = (range: { start: number; end: number }) => range.start < greeting.name.end && range.end > greeting.name.start;
    if (document.placeholders.some((p) => inName(p.range)) || document.malformedPlaceholders.some((p) => inName(p.range))) return;
    const words = nameText.trim() === '' ? 0 : nameText.trim().split(/\s+/).length;
    let edit;
    if (words === 1 && STAND_INS.test(nameText.trim())) {
      edit = { range: greeting.name, text: name };
    } else if (words === 0) {
      const punctuated = greeting.end > greeting.word.end;
      edit = { range: { start: greeting.word.end, end: greeting.word.end }, text: punctuated ? ` ${name}` : ` ${name},` };
    } else {
      edit = { range: { start: greeting.word.end, end: greeting.word.end }, text: ` ${name},` };
    }
    const range = { start: greeting.word.start, end: words > 0 ? greeting.name.end : greeting.word.end };
    context.report({
      range,
      message: `The greeting does not use the customer's name. Write it with the first-name placeholder, e.g. "${document.source.slice(greeting.word.start, greeting.word.end)} ${shown},".`,
      suggestions: [{ title: `Greet with ${shown}`, edit }],
    });
  },
});
