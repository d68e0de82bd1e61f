import { defineRule } from '../../engine/rule.js';
import { formatWithFallback } from '../../platforms/types.js';

/** Placeholders for the people who send, not receive, the macro. */
const AGENT_SIDE = /^(current_user|user|agent|teammate|ticket\.agent|ticket\.assignee)\./;
const NAME = /(first_?name|firstname)$/i;

export default defineRule({
  id: 'placeholder-fallback',
  title: "Name placeholders have a fallback",
  category: 'template',
  severity: 'info',
  fixable: true,
  guideline: { seeds: ['002 #1', 'MACRO-FORMAT'], summary: 'When the name is missing, the greeting should still read naturally.' },
  defaults: { fallback: 'there' },
  check(context) {
    const { platform, document, options } = context;
    if (!platform.fallbackTemplate) return;
    const guardedByIf = document.placeholders
      .filter((p) => p.kind === 'tag' && (p.name === 'if' || p.name === 'unless'))
      .map((p) => p.expression);
    const fallback = typeof options.fallback === 'string' ? options.fallback : 'there';
    for (const placeholder of document.placeholders) {
      if (placeholder.kind !== 'output' || placeholder.hasFallback) continue;
      if (!NAME.test(placeholder.name) || AGENT_SIDE.test(placeholder.name)) continue;
      if (guardedByIf.some((expression) => expression.includes(placeholder.name))) continue;
      const rewrite = formatWithFallback(platform, placeholder.name, fallback)!;
      context.report({
        range: placeholder.range,
        message: `When a customer has no first name on file, this greeting reads "Hi ,". Give "${placeholder.name}" a fallback such as "${fallback}".`,
        suggestions: [{ title: `Use ${rewrite}`, edit: { range: placeholder.range, text: rewrite } }],
      });
    }
  },
});
