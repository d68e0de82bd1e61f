import type { Root as NlcstRoot } from 'nlcst';
import type { Node as UnistNode, Point } from 'unist';
import type { Directive, Finding, Placeholder, ProseBlock, Range } from './types.js';

/**
 * Where a Markdown document can be cut into pieces that read the same alone
 * as in the whole, for the incremental linter (incremental.ts).
 *
 * A piece starts at a line that follows a blank line and opens with an ASCII
 * letter or `#` at column 0. Such a line cannot continue anything before it:
 * a paragraph, table, block quote or HTML block of kinds 6–7 ends at the
 * blank line; a list item or footnote needs the line indented; a setext
 * underline or a lazy continuation needs no blank line between. What can run
 * on across a blank line is a fenced code block, an HTML block of kinds 1–5
 * (`<!--`, `<script`, …) and the front matter: the incremental linter reads
 * each piece and joins it to the next when its last block may still be open
 * (`mayRunOn`). Link reference definitions and footnotes join paragraphs far
 * apart; documents that may have them are not cut at all (`mayHaveDefinitions`).
 */
export function pieceStarts(source: string): number[] {
  const starts = [0];
  for (let newline = source.indexOf('\n'); newline !== -1; newline = source.indexOf('\n', newline + 1)) {
    const at = newline + 1;
    if (!opensPiece(source.charCodeAt(at))) continue;
    // The line before must be blank, and a line of its own (after another line break).
    let i = newline - 1;
    while (i >= 0 && isBlankChar(source.charCodeAt(i))) i--;
    if (i >= 0 && source.charCodeAt(i) === 10 && i > 0) starts.push(at);
  }
  return starts;
}

function opensPiece(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 35;
}

/** Space, tab and the `\r` of a `\r\n` (CommonMark's blank line holds only spaces and tabs). */
function isBlankChar(code: number): boolean {
  return code === 32 || code === 9 || code === 13;
}

/** Any `]:` may be a link reference or footnote definition, which other pieces use. */
export function mayHaveDefinitions(source: string): boolean {
  return source.includes(']:');
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Whether the last top-level block of a piece, read alone, may continue past
 * the piece's end in the whole document: a fenced code block without its
 * closing fence, an HTML block of kinds 1–5 without its end marker.
 */
export function mayRunOn(block: { type: string; text: string } | undefined): boolean {
  if (!block) return false;
  const lines = block.text.split('\n').map((line) => line.replace(/\r$/, ''));
  const last = lines.at(-1)!;
  if (block.type === 'code') {
    const fence = FENCE.exec(lines[0]!);
    // Indented code ends at a line that is not indented.
    if (!fence) return false;
    const run = fence[1]!;
    const closing = new RegExp(`^ {0,3}${run[0] === '`' ? '`' : '~'}{${run.length},}[ \\t]*$`);
    return lines.length < 2 || !closing.test(last);
  }
  if (block.type === 'html') {
    const first = lines[0]!;
    if (/^ {0,3}<!--/.test(first)) return !last.includes('-->') || (lines.length === 1 && !first.slice(first.indexOf('<!--') + 4).includes('-->'));
    if (/^ {0,3}<\?/.test(first)) return !last.includes('?>') || (lines.length === 1 && !first.slice(first.indexOf('<?') + 2).includes('?>'));
    if (/^ {0,3}<!\[CDATA\[/.test(first)) return !last.includes(']]>') || (lines.length === 1 && !first.slice(first.indexOf('<![CDATA[') + 9).includes(']]>'));
    if (/^ {0,3}<![A-Za-z]/.test(first)) return !last.includes('>') || (lines.length === 1 && !first.slice(first.indexOf('<!') + 2).includes('>'));
    if (/^ {0,3}<(?:script|pre|style|textarea)(?:[\s>]|$)/i.test(first)) return !/<\/(?:script|pre|style|textarea)>/i.test(last);
    return false;
  }
  return false;
}

// ------------------------------------------------------------ shifting
//
// A piece read alone has offsets and lines from its own start; in the whole
// document everything moves by the piece's offset and line. Columns stay: a
// piece starts at a line start. New objects, never changed ones: the pieces
// of one lint are shared with the next.

export function shiftRange(range: Range, offset: number): Range {
  return { start: range.start + offset, end: range.end + offset };
}

export function shiftBlock(block: ProseBlock, offset: number, line: number): ProseBlock {
  const shifted = {
    range: shiftRange(block.range, offset),
    masked: block.masked,
    kind: block.kind,
    sentences: block.sentences.map((sentence) => ({
      range: shiftRange(sentence.range, offset),
      text: sentence.text,
      words: sentence.words.map((word) => ({ range: shiftRange(word.range, offset), text: word.text, placeholder: word.placeholder })),
    })),
  } as ProseBlock;
  // The natural-language tree is copied only when asked for: after an edit every piece below it moves, but
  // only the retext rules read trees, and the block-local ones run on the changed pieces alone. Shifting
  // every tree on every keystroke was most of an incremental lint of a long file (and its garbage).
  // `block` is a piece's own reading, never an earlier shifted copy, so no chain of old trees is kept.
  let tree: NlcstRoot | undefined;
  Object.defineProperty(shifted, 'nlcst', {
    enumerable: true,
    configurable: true,
    get: () => (tree ??= shiftTree(block.nlcst, offset, line) as NlcstRoot),
  });
  return shifted;
}

function shiftTree(node: UnistNode, offset: number, line: number): UnistNode {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(node)) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (key === 'position' && value) {
      const { start, end } = value as { start: Point; end: Point };
      copy[key] = { start: shiftPoint(start, offset, line), end: shiftPoint(end, offset, line) };
    } else if (key === 'children' && Array.isArray(value)) {
      copy[key] = value.map((child: UnistNode) => shiftTree(child, offset, line));
    } else {
      copy[key] = value;
    }
  }
  return copy as unknown as UnistNode;
}

function shiftPoint(point: Point, offset: number, line: number): Point {
  return { line: point.line + line, column: point.column, offset: (point.offset ?? 0) + offset };
}

export function shiftPlaceholder(placeholder: Placeholder, offset: number): Placeholder {
  return { ...placeholder, range: shiftRange(placeholder.range, offset) };
}

export function shiftDirective(directive: Directive, offset: number, line: number): Directive {
  return {
    ...directive,
    ruleRanges: directive.ruleRanges.map((range) => shiftRange(range, offset)),
    range: shiftRange(directive.range, offset),
    line: directive.line + line,
  };
}

export function shiftFinding(finding: Finding, offset: number): Finding {
  if (offset === 0) return finding;
  return {
    ...finding,
    range: shiftRange(finding.range, offset),
    suggestions: finding.suggestions.map((suggestion) => ({ ...suggestion, edit: { ...suggestion.edit, range: shiftRange(suggestion.edit.range, offset) } })),
  };
}

/** Whether a finding and all its edits lie inside `[start, end]`. */
export function findingWithin(finding: Finding, start: number, end: number): boolean {
  const inside = (range: Range) => range.start >= start && range.end <= end;
  return inside(finding.range) && finding.suggestions.every((suggestion) => inside(suggestion.edit.range));
}
