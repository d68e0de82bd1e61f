import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import { ParseEnglish } from 'parse-english';
import type { Nodes as MdastNodes, Root as MdastRoot, Yaml } from 'mdast';
import type { Root as NlcstRoot, Sentence as NlcstSentence, Word as NlcstWord } from 'nlcst';
import type { Node as UnistNode, Point } from 'unist';
import { toString as nlcstToString } from 'nlcst-to-string';
import { createLineIndex } from './text.js';
import { firstPlaceholderEndingAfter, scanPlaceholders } from './placeholders.js';
import { parseDirectives } from './directives.js';
import { readFrontMatter } from './frontmatter.js';
import type { LineIndex, MacroDocument, Placeholder, ProseBlock, Range, Sentence, Word } from './types.js';

const markdown = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze();
const english = new ParseEnglish();

/** Nodes that are never customer-facing prose of ours. */
const NOT_PROSE = new Set(['yaml', 'code', 'html', 'blockquote', 'definition', 'thematicBreak', 'footnoteDefinition']);
const PROSE_CONTAINERS = new Set(['paragraph', 'heading', 'tableCell']);

/** Placeholders read as this one neutral word; the rest of their width is blank. */
export const PLACEHOLDER_WORD = 'X';

/**
 * The longest macro read as Markdown, in UTF-16 code units: a little over
 * 1 MB, so a 1 MB macro is still checked in full while a 5 MB paste gets a
 * notice instead of freezing the editor for seconds.
 */
export const MAX_READ_LENGTH = 1.25 * 1024 * 1024;
/** Deepest nesting of block quotes and list items on one line that is read (the parser slows down quadratically and the tree walks recurse). */
export const MAX_NESTING = 100;
/** Longest run of `*` or `_` that is read: each pair opens one more level of emphasis, and matching them is quadratic. */
export const MAX_DELIMITER_RUN = 200;

export function parseMacro(source: string): MacroDocument {
  const tooHard = unreadable(source);
  if (tooHard) return unreadDocument(source, tooHard, false);
  return readMacro(source);
}

/**
 * A macro whose body is not read, with its front matter still checked:
 * for macros over the limits above, and when the parser fails.
 */
export function unreadDocument(source: string, message: string, internalError: boolean): MacroDocument {
  const lines = createLineIndex(source);
  const bom = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fence = /^---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?=\r?\n|$)/.exec(source.slice(bom, bom + MAX_READ_LENGTH));
  let node: Yaml | undefined;
  if (fence) {
    const point = (offset: number) => ({ line: lines.position(offset).line + 1, column: lines.position(offset).column + 1, offset });
    node = { type: 'yaml', value: fence[1] ?? '', position: { start: point(bom), end: point(bom + fence[0].length) } };
  }
  const frontMatter = readFrontMatter(source, node);
  return {
    source,
    lines,
    frontMatter: frontMatter.data,
    frontMatterRange: frontMatter.range,
    bodyStart: frontMatter.range ? frontMatter.range.end : bom,
    blocks: [],
    placeholders: [],
    malformedPlaceholders: [],
    directives: [],
    frontMatterProblems: frontMatter.problems,
    unread: { message, internalError },
  };
}

const LONG_RUN = new RegExp(`[*]{${MAX_DELIMITER_RUN + 1}}|[_]{${MAX_DELIMITER_RUN + 1}}`);

/** Why the macro is not read as Markdown, if it is not: one linear scan, no parsing. */
export function unreadable(source: string): string | undefined {
  if (source.length > MAX_READ_LENGTH) {
    return `This macro is ${megabytes(source.length)} long; Tactful checks macros of up to ${megabytes(MAX_READ_LENGTH)}, so only its front matter was checked.`;
  }
  const run = LONG_RUN.exec(source);
  if (run) {
    const line = source.slice(0, run.index).split('\n').length;
    return `Line ${line} has a run of more than ${MAX_DELIMITER_RUN} "${run[0][0]}" characters, more emphasis than Tactful reads; only the front matter was checked.`;
  }
  for (let start = 0, line = 1; start < source.length; line++) {
    const depth = nestingAt(source, start);
    if (depth > MAX_NESTING) {
      return `Line ${line} nests block quotes or lists about ${depth} levels deep; Tactful reads up to ${MAX_NESTING} levels, so only the front matter was checked.`;
    }
    const next = source.indexOf('\n', start);
    if (next === -1) break;
    start = next + 1;
  }
  return undefined;
}

/**
 * How deep the line at `start` nests block quotes and list items, from its
 * leading markers (`>`, `-`, `*`, `+`, `1.`, `1)`) and the indentation that
 * nests list items (two columns a level). An over-estimate, never an under-estimate.
 */
function nestingAt(source: string, start: number): number {
  let markers = 0;
  let columns = 0;
  let i = start;
  for (;;) {
    const code = source.charCodeAt(i);
    const next = source.charCodeAt(i + 1);
    if (code === 32) columns++;
    else if (code === 9) columns += 4;
    else if (code === 62) markers++;
    else if ((code === 45 || code === 42 || code === 43) && (next === 32 || next === 9)) markers++;
    else if (code >= 48 && code <= 57) {
      let j = i;
      while (j - i < 9 && source.charCodeAt(j) >= 48 && source.charCodeAt(j) <= 57) j++;
      const after = source.charCodeAt(j + 1);
      if ((source[j] !== '.' && source[j] !== ')') || (after !== 32 && after !== 9)) break;
      markers++;
      i = j;
    } else break;
    // A marker's own space is not indentation: "> > >" is three levels, not four and a half.
    if (code !== 32 && code !== 9 && (source.charCodeAt(i + 1) === 32 || source.charCodeAt(i + 1) === 9)) i++;
    i++;
  }
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

function megabytes(length: number): string {
  return `${Number((length / 1024 / 1024).toFixed(2))} MB`;
}

const OPENING_FENCE = /^\uFEFF?---[ \t]*(?=\r?\n)/;

/** Reads a macro that `unreadable` passed: Markdown, front matter, placeholders, prose blocks and directives. */
export function readMacro(source: string): MacroDocument {
  return readMarkdown(source).document;
}

/** A macro read as Markdown, with what the incremental linter needs to know about how it was read. */
export interface MarkdownReading {
  document: MacroDocument;
  /** The ranges that are not template text (front matter, code, HTML comments, a BOM), in order. */
  templateRanges: Range[];
  /** The source of the last top-level Markdown node, and its type: whether a construct may run on past the end. */
  lastBlock?: { type: string; text: string };
}

export function readMarkdown(source: string): MarkdownReading {
  const lines = createLineIndex(source);
  let tree = markdown.parse(source) as MdastRoot;
  if (tree.children[0]?.type !== 'yaml' && OPENING_FENCE.test(source)) {
    // An opening `---` that is never closed makes the front-matter extension read the rest of the
    // file as one run of paragraphs: quotes and code would be linted (and rewritten) as prose.
    // Read it again with that line blank (same length, so every offset holds).
    const fence = OPENING_FENCE.exec(source)![0];
    tree = markdown.parse(source.replace(fence, fence.replace(/-/g, ' '))) as MdastRoot;
  }
  // micromark drops a leading BOM and counts positions without it; put it back.
  if (source.charCodeAt(0) === 0xfeff) shiftPastBom(tree);

  const frontMatterNode = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const frontMatter = readFrontMatter(source, frontMatterNode);

  const templateMask = new Uint8Array(source.length);
  const commentNodes: { start: number; end: number }[] = [];
  const templateRanges: Range[] = [];
  // A BOM is not text.
  if (source.charCodeAt(0) === 0xfeff) templateRanges.push({ start: 0, end: 1 });
  markNonTemplate(tree, templateRanges, commentNodes, source);
  for (const range of templateRanges) templateMask.fill(1, range.start, range.end);
  const scan = scanPlaceholders(applyMask(source, templateMask), 0);

  const blocks: ProseBlock[] = [];
  collectBlocks(tree, source, lines, scan.placeholders, new Set(scan.placeholders.map((p) => p.range.start)), blocks);

  const document: MacroDocument = {
    source,
    lines,
    frontMatter: frontMatter.data,
    frontMatterRange: frontMatter.range,
    bodyStart: frontMatter.range ? frontMatter.range.end : source.charCodeAt(0) === 0xfeff ? 1 : 0,
    blocks,
    placeholders: scan.placeholders,
    malformedPlaceholders: scan.malformed,
    directives: parseDirectives(source, commentNodes, lines),
    frontMatterProblems: frontMatter.problems,
  };
  const last = tree.children.at(-1);
  const lastRange = last && offsets(last);
  return { document, templateRanges, ...(last && lastRange ? { lastBlock: { type: last.type, text: source.slice(lastRange.start, lastRange.end) } } : {}) };
}

function shiftPastBom(node: UnistNode): void {
  for (const point of [node.position?.start, node.position?.end]) {
    if (!point) continue;
    if (point.offset !== undefined) point.offset += 1;
    if (point.line === 1) point.column += 1;
  }
  if ('children' in node) for (const child of (node as { children: UnistNode[] }).children) shiftPastBom(child);
}

function offsets(node: UnistNode): Range | undefined {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** Marks front matter, code and HTML comments: placeholders there are not template text. */
function markNonTemplate(
  node: MdastNodes,
  masked: Range[],
  comments: { start: number; end: number }[],
  source: string,
): void {
  const range = offsets(node);
  if (range && (node.type === 'yaml' || node.type === 'code' || node.type === 'inlineCode')) {
    masked.push(range);
    return;
  }
  if (range && node.type === 'html') {
    comments.push(range);
    const html = source.slice(range.start, range.end);
    for (const match of html.matchAll(/<!--[\s\S]*?(?:-->|$)/g)) {
      masked.push({ start: range.start + match.index, end: range.start + match.index + match[0].length });
    }
    return;
  }
  if ('children' in node) for (const child of node.children) markNonTemplate(child as MdastNodes, masked, comments, source);
}

/** `source[from, to)` with masked characters (mask index `i - base`) blanked, line breaks kept. */
export function applyMask(source: string, mask: Uint8Array, from = 0, to = source.length, base = 0): string {
  let out = '';
  let runStart = from;
  for (let i = from; i < to; i++) {
    if (mask[i - base] && !isLineBreak(source.charCodeAt(i))) {
      out += source.slice(runStart, i) + ' ';
      runStart = i + 1;
    }
  }
  return out + source.slice(runStart, to);
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function collectBlocks(
  node: MdastNodes,
  source: string,
  lines: LineIndex,
  placeholders: Placeholder[],
  placeholderStarts: ReadonlySet<number>,
  blocks: ProseBlock[],
): void {
  if (NOT_PROSE.has(node.type)) return;
  if (PROSE_CONTAINERS.has(node.type)) {
    const range = offsets(node);
    if (range && range.end > range.start) blocks.push(buildBlock(node, range, source, lines, placeholders, placeholderStarts));
    return;
  }
  if ('children' in node) for (const child of node.children) collectBlocks(child as MdastNodes, source, lines, placeholders, placeholderStarts, blocks);
}

function buildBlock(
  node: MdastNodes,
  range: Range,
  source: string,
  lines: LineIndex,
  placeholders: Placeholder[],
  placeholderStarts: ReadonlySet<number>,
): ProseBlock {
  // The mask covers this block only: one the size of the whole file per block made long files quadratic.
  const mask = new Uint8Array(range.end - range.start).fill(1);
  unmaskProse(node, mask, source, range.start);
  const masked = overPlaceholders(applyMask(source, mask, range.start, range.end, range.start), range, placeholders, mask);

  const tree = english.parse(masked);
  shiftPositions(tree, range.start, lines);
  return { range, masked, kind: node.type, sentences: readSentences(tree, placeholderStarts), nlcst: tree };
}

/** Each output placeholder in the block reads as one neutral word; the rest of its width is blank. */
function overPlaceholders(masked: string, range: Range, placeholders: Placeholder[], mask: Uint8Array): string {
  let out = '';
  let at = 0;
  for (let i = firstPlaceholderEndingAfter(placeholders, range.start); i < placeholders.length && placeholders[i]!.range.start < range.end; i++) {
    const placeholder = placeholders[i]!;
    const from = Math.max(placeholder.range.start, range.start) - range.start;
    const to = Math.min(placeholder.range.end, range.end) - range.start;
    // Only a placeholder that stands in the prose is a word; one inside a URL or an HTML tag is not.
    const inProse = from === placeholder.range.start - range.start && mask[from] === 0;
    const word = placeholder.kind === 'output' && inProse ? PLACEHOLDER_WORD : '';
    out += masked.slice(at, from) + word + blankKeepingBreaks(masked.slice(from + word.length, to));
    at = to;
  }
  if (at === 0) return masked;
  out += masked.slice(at);
  if (out.length !== masked.length) throw new Error(`mask width drifted (${out.length - masked.length})`);
  return out;
}

function blankKeepingBreaks(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** Clears the mask over the prose inside a block; markup, code and link targets stay masked. */
function unmaskProse(node: MdastNodes, mask: Uint8Array, source: string, base: number): void {
  const range = offsets(node);
  if (!range) return;
  switch (node.type) {
    case 'text': {
      mask.fill(0, range.start - base, range.end - base);
      // Backslash escapes are markup: `\*` reads as `*`.
      const text = source.slice(range.start, range.end);
      for (const match of text.matchAll(/\\(?=[!-/:-@[-`{-~])/g)) mask[range.start + match.index - base] = 1;
      return;
    }
    case 'link':
    case 'linkReference': {
      const first = node.children[0];
      const text = first ? source.slice(offsets(first)?.start ?? range.start, offsets(node.children.at(-1)!)?.end ?? range.end) : '';
      // Autolinks (`<https://…>`, bare URLs and e-mail addresses) are all address, no prose.
      if (node.type === 'link' && (text === node.url || source[range.start] === '<' || 'mailto:' + text === node.url || 'http://' + text === node.url)) return;
      for (const child of node.children) unmaskProse(child, mask, source, base);
      return;
    }
    case 'inlineCode':
    case 'html':
    case 'image':
    case 'imageReference':
    case 'footnoteReference':
    case 'break':
      return;
    default:
      if ('children' in node) for (const child of node.children) unmaskProse(child as MdastNodes, mask, source, base);
  }
}

function shiftPositions(node: UnistNode, base: number, lines: LineIndex): void {
  const position = node.position;
  if (position) {
    position.start = absolute(position.start, base, lines);
    position.end = absolute(position.end, base, lines);
  }
  if ('children' in node) for (const child of (node as { children: UnistNode[] }).children) shiftPositions(child, base, lines);
}

function absolute(point: Point, base: number, lines: LineIndex): Point {
  const offset = (point.offset ?? 0) + base;
  const { line, column } = lines.position(offset);
  return { line: line + 1, column: column + 1, offset };
}

function readSentences(tree: NlcstRoot, placeholderStarts: ReadonlySet<number>): Sentence[] {
  const sentences: Sentence[] = [];
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue;
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue;
      sentences.push(readSentence(sentence, placeholderStarts));
    }
  }
  return sentences;
}

function readSentence(sentence: NlcstSentence, placeholderStarts: ReadonlySet<number>): Sentence {
  const words: Word[] = [];
  for (const child of sentence.children) {
    if (child.type !== 'WordNode') continue;
    const range = { start: child.position!.start.offset!, end: child.position!.end.offset! };
    const placeholder = placeholderStarts.has(range.start);
    words.push({ range, text: nlcstToString(child as NlcstWord), placeholder });
  }
  return {
    range: { start: sentence.position!.start.offset!, end: sentence.position!.end.offset! },
    text: nlcstToString(sentence),
    words,
  };
}
