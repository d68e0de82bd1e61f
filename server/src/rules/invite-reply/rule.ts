import { defineRule } from '../../engine/rule.js';
import { INVITATION, channelOf, has, hasFrontMatter, layoutOf, lineEnding, messageRange, sentencesOf, type SentenceView } from '../../engine/reply-structure.js';

const INVITES = {
  email: "If anything is still unclear, reply to this email and I'll be happy to help.",
  chat: "If anything is still unclear, reply here and I'll be happy to help.",
  social: "If anything is still unclear, send us a message and I'll be happy to help.",
} as const;

/** A question mark, but not the outraged "?!" of a rhetorical question. */
function asksQuestion(sentence: SentenceView): boolean {
  return sentence.tokens.some((t, i) => t.norm === '?' && sentence.tokens[i + 1]?.norm !== '!' && sentence.tokens[i - 1]?.norm !== '!');
}

export default defineRule({
  id: 'invite-reply',
  title: 'Invite a reply',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['000 #1', '002 #5', '004'], summary: 'Close by inviting the customer to answer or ask, so the conversation stays open.' },
  check(context) {
    const { document, platform } = context;
    if (!hasFrontMatter(document)) return;
    const channel = channelOf(document);
    if (channel === 'phone') return;
    const layout = layoutOf(document, platform);
    const content = layout.content;
    const last = content.at(-1);
    if (!last) return;
    // Anywhere counts, a P.S. under the sign-off too.
    if (sentencesOf(document).some((s) => has(s, INVITATION) || asksQuestion(s))) return;

    const text = INVITES[channel];
    let edit;
    if (channel === 'email') {
      // A paragraph of its own after the message, before the sign-off.
      const end = document.lines.lineEnd(document.lines.position(last.range.end).line);
      const eol = lineEnding(document.source);
      edit = { range: { start: end, end }, text: `${eol}${eol}${text}` };
    } else {
      const at = last.range.end;
      const punctuated = /[.!?…)"'”’]$/.test(document.source.slice(0, at)) ? '' : '.';
      edit = { range: { start: at, end: at }, text: `${punctuated} ${text}` };
    }
    context.report({
      range: messageRange(last, layout),
      message: 'The macro ends without inviting the customer to reply or ask a question. Close with an open door, e.g. "If anything is still unclear, reply to this email."',
      suggestions: [{ title: `Add "${text}"`, edit }],
    });
  },
});
