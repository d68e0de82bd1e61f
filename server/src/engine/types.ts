import type { Root as NlcstRoot } from 'nlcst';

/**
 * The engine's vocabulary. Everything here is plain data so that findings can
 * cross process boundaries (CLI JSON, LSP `diagnostic.data`) unchanged.
 */

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleSetting = Severity | 'off';

/** Half-open range of UTF-16 offsets into the original source text. */
export interface Range {
  start: number;
  end: number;
}

/** One edit: replace `range` of the source with `text`. */
export interface Edit {
  range: Range;
  text: string;
}

export interface Suggestion {
  /** Human label, e.g. `Replace with "as soon as we can"`. */
  title: string;
  edit: Edit;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The text the finding is about, as written. */
  actual?: string;
  /** Rewrites, best first. The first one is what `--fix` applies. */
  suggestions: Suggestion[];
}

export type Channel = 'email' | 'chat' | 'social' | 'phone';
export type PlatformId = 'zendesk' | 'helpscout' | 'intercom' | 'freshdesk' | 'front' | 'generic';

export interface FrontMatter {
  title?: string;
  tags: string[];
  channel?: Channel;
  platform?: PlatformId;
  [key: string]: unknown;
}

export interface Placeholder {
  range: Range;
  /** `{{ … }}` output, `{% … %}` output (Help Scout style) or a Liquid control tag. */
  kind: 'output' | 'tag';
  /** The variable name without braces, filters or fallback, e.g. `ticket.requester.first_name`. */
  name: string;
  /** The whole text inside the delimiters, trimmed. */
  expression: string;
  /** True when the placeholder itself carries a fallback (`| fallback:`, `| default:`, `,fallback=`). */
  hasFallback: boolean;
}

/** A stretch of customer-facing prose (a paragraph, heading, list item or table cell). */
export interface ProseBlock {
  range: Range;
  /**
   * The source of the block with everything that is not prose (markup, code,
   * URLs, HTML, placeholders) replaced by spaces, and each output placeholder
   * replaced by a neutral word. Same length as the source slice, so an offset
   * in `masked` plus `range.start` is an offset in the file.
   */
  masked: string;
  /** mdast type of the block: paragraph, heading, tableCell. */
  kind: string;
  sentences: Sentence[];
  /** The natural-language tree of `masked`, positions in file offsets (for retext plugins). */
  nlcst: NlcstRoot;
}

export interface Word {
  range: Range;
  text: string;
  /** True when the word stands for a placeholder. */
  placeholder: boolean;
}

export interface Sentence {
  range: Range;
  text: string;
  words: Word[];
}

export interface Directive {
  kind: 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** Range of the whole comment. */
  range: Range;
  /** Range of each named rule id inside the comment, in `rules` order. */
  ruleRanges: Range[];
  /** 0-based line on which the comment ends. */
  line: number;
}

export interface MacroDocument {
  source: string;
  lines: LineIndex;
  frontMatter: FrontMatter;
  /** Range of the front matter block including its fences, if any. */
  frontMatterRange?: Range;
  /** Offset where the body starts (after front matter). */
  bodyStart: number;
  blocks: ProseBlock[];
  placeholders: Placeholder[];
  /** Placeholder-like text that is malformed (unbalanced braces and the like). */
  malformedPlaceholders: { range: Range; message: string }[];
  directives: Directive[];
  /** What is wrong with the front matter (broken YAML, schema violations). */
  frontMatterProblems: FrontMatterProblem[];
  /**
   * Set when the body was not read as Markdown (too large or too deeply
   * nested to read quickly, or the parser failed): the document has its front
   * matter but no prose, placeholders or directives, and only template rules run.
   */
  unread?: { message: string; internalError: boolean };
}

export interface FrontMatterProblem {
  range: Range;
  message: string;
  severity: Severity;
}

export interface LineIndex {
  /** 0-based line and UTF-16 column of an offset. */
  position(offset: number): { line: number; column: number };
  /** Offset of a 0-based line and column. */
  offset(line: number, column: number): number;
  lineCount: number;
  lineStart(line: number): number;
  /** End of the line's content, before its line break. */
  lineEnd(line: number): number;
}
