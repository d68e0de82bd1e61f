import type { MacroDocument, Placeholder } from '../engine/types.js';
import type { PlatformData } from '../platforms/index.js';

/**
 * The macro as the customer receives it: placeholders replaced by the
 * platform's sample values, Liquid `if`/`else` resolved as if every known
 * value were present, front matter and HTML comments (directives) removed.
 */
export function previewText(macro: MacroDocument, platform: PlatformData): string {
  const source = macro.source;
  const samples = new Map(platform.placeholders.map((p) => [p.name, p.sample]));
  const stack: { active: boolean; taken: boolean }[] = [];
  const emitting = () => stack.every((branch) => branch.active);
  const truthy = (placeholder: Placeholder) => {
    const variable = placeholder.expression.split(/\s+/)[1] ?? '';
    return samples.has(variable.replace(/[^\w.]/g, ''));
  };

  let out = '';
  let cursor = macro.bodyStart;
  const placeholders = macro.placeholders.filter((p) => p.range.start >= macro.bodyStart).sort((a, b) => a.range.start - b.range.start);
  for (const placeholder of placeholders) {
    if (emitting()) out += source.slice(cursor, placeholder.range.start);
    cursor = placeholder.range.end;
    if (placeholder.kind === 'output') {
      if (emitting()) out += samples.get(placeholder.name) ?? source.slice(placeholder.range.start, placeholder.range.end);
      continue;
    }
    const keyword = placeholder.expression.split(/\s+/)[0];
    const top = stack.at(-1);
    if (keyword === 'if' || keyword === 'unless') {
      const active = keyword === 'if' ? truthy(placeholder) : !truthy(placeholder);
      stack.push({ active, taken: active });
    } else if (keyword === 'elsif' && top) {
      top.active = !top.taken && truthy(placeholder);
      top.taken ||= top.active;
    } else if (keyword === 'else' && top) {
      top.active = !top.taken;
      top.taken = true;
    } else if ((keyword === 'endif' || keyword === 'endunless') && top) {
      stack.pop();
    } else if (!platform.placeholders.some((p) => p.name === placeholder.name) && emitting()) {
      // Another Liquid tag (assign, capture…): it prints nothing.
    } else if (emitting()) {
      out += samples.get(placeholder.name) ?? '';
    }
  }
  out += source.slice(cursor);

  return out
    .replace(/^[ \t]*<!--[\s\S]*?-->[ \t]*(\r?\n|$)/gm, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^(\r?\n)+/, '')
    .replace(/(\r?\n){3,}/g, '$1$1');
}
