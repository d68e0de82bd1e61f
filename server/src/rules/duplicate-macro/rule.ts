import { basename } from 'node:path';
import { defineRule } from '../../engine/rule.js';
import { fingerprint, nearDuplicateIn, sameTitleIn } from '../../engine/duplicates.js';

export default defineRule({
  id: 'duplicate-macro',
  title: 'Each macro is unique',
  category: 'template',
  severity: 'warning',
  fixable: false,
  guideline: { seeds: ['MACRO-FORMAT'], summary: 'Two macros with one title, or nearly one body, drift apart and confuse agents.' },
  defaults: { similarity: 0.85, minWords: 25 },
  check(context) {
    const { workspace, filePath, document } = context;
    if (!workspace || !filePath) return;
    const self = fingerprint(filePath, document.source);
    const threshold = Number(context.options.similarity);
    const minWords = Number(context.options.minWords);
    const sameTitle = sameTitleIn(workspace, self);
    if (sameTitle) {
      context.report({
        range: titleRange(document.source, document.frontMatterRange) ?? { start: document.bodyStart, end: document.bodyStart },
        message: `Another macro has the title "${self.title}" (${basename(sameTitle.file)}); agents pick macros by title, so give each a distinct one.`,
      });
    }
    if (self.wordCount < minWords) return;
    const twin = nearDuplicateIn(workspace, self, threshold, minWords);
    if (twin) {
      const firstLine = firstContentLine(document.source, document.bodyStart, document.lines);
      context.report({
        range: firstLine,
        message: `This macro is nearly the same as ${basename(twin.file)}; merge them so a fix reaches every customer.`,
      });
    }
  },
});

function titleRange(source: string, frontMatter: { start: number; end: number } | undefined) {
  if (!frontMatter) return undefined;
  const match = /^title:[ \t]*(.+?)[ \t]*$/m.exec(source.slice(frontMatter.start, frontMatter.end));
  if (!match) return undefined;
  const start = frontMatter.start + match.index + match[0].indexOf(match[1]!);
  return { start, end: start + match[1]!.replace(/\r$/, '').length };
}

/** The first non-blank line of the body (the front matter's closing fence ends just before the body). */
function firstContentLine(source: string, bodyStart: number, lines: { lineCount: number; position(o: number): { line: number }; lineStart(l: number): number; lineEnd(l: number): number }) {
  for (let line = lines.position(bodyStart).line; line < lines.lineCount; line++) {
    const start = Math.max(lines.lineStart(line), bodyStart);
    const end = lines.lineEnd(line);
    if (source.slice(start, end).trim()) return { start, end };
  }
  return { start: source.length, end: source.length };
}
