import { defineRule, type RuleContext } from '../../engine/rule.js';
import type { Placeholder } from '../../engine/types.js';
import { formatPlaceholder } from '../../platforms/types.js';

/** Liquid block tags and the tag that closes each. */
const BLOCKS: Record<string, string> = { if: 'endif', unless: 'endunless', case: 'endcase', for: 'endfor', capture: 'endcapture', comment: 'endcomment', raw: 'endraw' };
const CLOSERS = new Set(Object.values(BLOCKS));

export default defineRule({
  id: 'placeholder-syntax',
  title: 'Placeholders are well formed',
  category: 'template',
  severity: 'error',
  fixable: true,
  guideline: { seeds: ['MACRO-FORMAT'], summary: 'A broken placeholder reaches the customer as raw braces instead of their details.' },
  check(context) {
    const { document } = context;
    for (const problem of document.malformedPlaceholders) {
      context.report({ range: problem.range, message: `Broken placeholder: ${problem.message}` });
    }
    checkDialect(context);
    checkLiquidBlocks(context, document.placeholders.filter((p) => p.kind === 'tag'));
  },
});

/** `{{…}}` on Help Scout, or `{%name%}` output on a `{{…}}` platform, never renders. */
function checkDialect(context: RuleContext): void {
  const { platform } = context;
  // Without a declared platform we cannot tell which syntax the help desk expects.
  if (!context.document.frontMatter.platform && !context.config.platformDeclared) return;
  for (const placeholder of context.document.placeholders) {
    if (placeholder.kind !== 'output') continue;
    const written = context.document.source.slice(placeholder.range.start, placeholder.range.end);
    const percent = written.startsWith('{%');
    if (percent === (platform.syntax === 'percent')) continue;
    const rewrite = formatPlaceholder(platform, placeholder.expression);
    context.report({
      range: placeholder.range,
      message: `${platform.label} writes placeholders as ${platform.syntax === 'percent' ? '{%name%}' : '{{name}}'}; "${written}" will reach the customer as typed.`,
      suggestions: [{ title: `Write it as ${rewrite}`, edit: { range: placeholder.range, text: rewrite } }],
    });
  }
}

function checkLiquidBlocks(context: RuleContext, tags: Placeholder[]): void {
  const open: Placeholder[] = [];
  for (const tag of tags) {
    if (tag.name in BLOCKS) {
      open.push(tag);
    } else if (CLOSERS.has(tag.name)) {
      const top = open.at(-1);
      if (top && BLOCKS[top.name] === tag.name) {
        open.pop();
      } else {
        context.report({
          range: tag.range,
          message: top
            ? `"{% ${tag.name} %}" closes a block, but the open block is "{% ${top.name} %}", which needs "{% ${BLOCKS[top.name]} %}".`
            : `"{% ${tag.name} %}" closes a block that was never opened.`,
        });
      }
    } else if ((tag.name === 'else' || tag.name === 'elsif' || tag.name === 'when') && open.length === 0) {
      context.report({ range: tag.range, message: `"{% ${tag.name} %}" is outside any "{% if %}" or "{% case %}" block.` });
    }
  }
  for (const tag of open) {
    context.report({ range: tag.range, message: `"{% ${tag.name} … %}" is never closed with "{% ${BLOCKS[tag.name]} %}".` });
  }
}
