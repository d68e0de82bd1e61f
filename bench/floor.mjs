/**
 * The floor: the parse no rule can avoid, with no rules (section 3 of
 * run.mjs, and floor-worker.mjs for the same parse on every core).
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkRetext from 'remark-retext';
import { ParseEnglish } from 'parse-english';
import { VFile } from 'vfile';

// The parser Tactful uses, configured the same way.
const markdownOnly = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
// The same plus the natural-language parse, through the standard remark → retext bridge.
const withEnglish = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkRetext, ParseEnglish).freeze();

/** The Markdown parse alone. */
export function parseMarkdown(source) {
  markdownOnly.parse(source);
}

/** The Markdown parse and the natural-language parse of its prose. */
export function parseMarkdownAndEnglish(source) {
  const file = new VFile(source);
  withEnglish.runSync(withEnglish.parse(file), file);
}
