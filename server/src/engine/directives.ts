import type { Directive, LineIndex, Range } from './types.js';

const DIRECTIVE = /<!--\s*tactful-(disable-next-line|disable-line|disable-file|disable|enable)(?=[\s-]|-->)([\s\S]*?)-->/g;

/**
 * Reads `<!-- tactful-… -->` comments from the HTML nodes of the document.
 * Text after ` -- ` is the author's reason and names no rule.
 */
export function parseDirectives(source: string, htmlRanges: Range[], lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  for (const html of htmlRanges) {
    const text = source.slice(html.start, html.end);
    for (const match of text.matchAll(DIRECTIVE)) {
      const start = html.start + match.index;
      const body = match[2]!;
      const reasonAt = body.search(/(^|\s)--(\s|$)/);
      const ruleText = reasonAt === -1 ? body : body.slice(0, reasonAt);
      const bodyStart = start + match[0].indexOf(body, 4 + match[1]!.length);
      const rules: string[] = [];
      const ruleRanges: Range[] = [];
      for (const rule of ruleText.matchAll(/[^\s,]+/g)) {
        rules.push(rule[0]);
        ruleRanges.push({ start: bodyStart + rule.index, end: bodyStart + rule.index + rule[0].length });
      }
      directives.push({
        kind: match[1] as Directive['kind'],
        rules,
        ruleRanges,
        range: { start, end: start + match[0].length },
        line: lines.position(start + match[0].length).line,
      });
    }
  }
  return directives.sort((a, b) => a.range.start - b.range.start);
}
