import { defineRule } from '../../engine/rule.js';
import {
  DEFAULT_CLOSINGS, agentNamePlaceholder, channelOf, contentStart, hasFrontMatter, layoutOf, lineEnding, lineRange, sentencesOf, stringList,
} from '../../engine/reply-structure.js';

export default defineRule({
  id: 'sign-off',
  title: 'Sign off with your name',
  category: 'structure',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['001 #4'], summary: 'An e-mail ends with a sign-off and the agent’s name, so the customer knows who owns their case.' },
  defaults: { closing: 'Best,', closings: DEFAULT_CLOSINGS },
  check(context) {
    const { document, platform, options } = context;
    if (!hasFrontMatter(document) || channelOf(document) !== 'email') return;
    const closings = stringList(options.closings, DEFAULT_CLOSINGS);
    const layout = layoutOf(document, platform, closings);
    // A stub with no message yet is not ready to be signed.
    if (layout.agentLine || layout.content.length === 0) return;
    const eol = lineEnding(document.source);
    const agent = agentNamePlaceholder(platform);
    const closing = typeof options.closing === 'string' && options.closing.trim() ? options.closing.trim() : 'Best,';
    const team = layout.teamLine;

    if (layout.closing) {
      const line = layout.closing;
      let edit;
      if (team && handTypedName(team.plain.trim())) {
        // "Best,\nSam": a name typed in by hand goes out under every agent's reply.
        edit = { range: lineRange(team), text: agent };
      } else if (team) {
        edit = { range: { start: contentStart(team), end: contentStart(team) }, text: `${agent}${eol}` };
      } else {
        edit = { range: { start: line.end, end: line.end }, text: `${eol}${agent}` };
      }
      context.report({
        range: lineRange(line),
        message: `The sign-off has no agent name. Sign with ${agent} so the customer knows who is looking after them.`,
        suggestions: [{ title: `Sign with ${agent}`, edit }],
      });
      return;
    }

    if (team) {
      const single = handTypedName(team.plain.trim());
      const edit = single
        ? { range: lineRange(team), text: `${closing}${eol}${agent}` }
        : { range: { start: contentStart(team), end: contentStart(team) }, text: `${closing}${eol}${agent}${eol}` };
      context.report({
        range: lineRange(team),
        message: `The macro signs off without the agent's name. Add a closing and ${agent}: a person, not a department, owns the reply.`,
        suggestions: [{ title: `Add "${closing}" and ${agent}`, edit }],
      });
      return;
    }

    const last = layout.lines.at(-1)!;
    const lastSentence = sentencesOf(document).filter((s) => s.range.start >= last.start).at(-1);
    context.report({
      range: lastSentence?.range ?? lineRange(last),
      message: `The macro has no sign-off. End with a closing and ${agent}, so the customer knows who is looking after them.`,
      suggestions: [{ title: `Add "${closing}" and ${agent}`, edit: { range: { start: last.end, end: last.end }, text: `${eol}${eol}${closing}${eol}${agent}` } }],
    });
  },
});

/** One word that is not a department: "Sam", not "Support". */
function handTypedName(text: string): boolean {
  return !/\s/.test(text) && !/^(support|team|staff|helpdesk|help|service|care|billing|sales|admin|management|customer\w*|accounts?|operations|ops)$/i.test(text);
}
