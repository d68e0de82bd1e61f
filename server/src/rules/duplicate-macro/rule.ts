import { basename } from 'node:path';
import { defineRule } from '../../engine/rule.js';
import { fingerprint, similarity } from '../../engine/duplicates.js';

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
    const others = workspace.macros.filter((macro) => macro.file !== filePath);

    const sameTitle = self.title && others.find((macro) => macro.title?.toLowerCase() === self.title!.toLowerCase());
    if (sameTitle) {
      context.report({
        range: titleRange(document.source, document.frontMatterRange) ?? { start: document.bodyStart, end: document.bodyStart },
        message: `Another macro has the title "${self.title}" (${basename(sameTitle.file)}); agents pick macros by title, so give each a distinct one.`,
      });
    }
    if (self.wordCount < minWords) return;
    const twin = others.find((macro) => macro.wordCount >= minWords && similarity(self.shingles, macro.shingles) >= threshold);
    if (twin) {
      const line = document.lines.position(document.bodyStart).line;
      const firstLine = firstContentLine(document.source, line, document.lines);
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

function firstContentLine(source: string, fromLine: number, lines: { lineCount: number; lineStart(l: number): number; lineEnd(l: number): number }) {
  for (let line = fromLine; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (source.slice(start, end).trim()) return { start, end };
  }
  return { start: source.length, end: source.length };
}
