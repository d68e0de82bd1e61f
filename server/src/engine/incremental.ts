import type { ResolvedConfig } from './config.js';
import { defaultConfig } from './config.js';
import { activeRules, finishFindings, lintInCurrentGeneration, phraseFindings, platformFor, ruleFindings, type LintOptions, type LintResult } from './lint.js';
import { applyMask, readMarkdown, unreadable, type MarkdownReading } from './parse.js';
import { scanPlaceholders } from './placeholders.js';
import { beginLint } from './recent-cache.js';
import { createLineIndex } from './text.js';
import {
  findingWithin, mayHaveDefinitions, mayRunOn, pieceStarts, shiftBlock, shiftDirective, shiftFinding, shiftPlaceholder, shiftRange,
} from './segments.js';
import type { Directive, Finding, MacroDocument, Placeholder, ProseBlock, Range } from './types.js';

/**
 * Lints one document over and over as it is edited, for the language server.
 *
 * Why: a full lint re-reads the whole file, so on a 100 KB file every
 * keystroke cost about half a second. This linter cuts the file into pieces
 * at blank lines where Markdown reads the same piece by piece as whole
 * (segments.ts says where, and why that is safe), keeps each piece's reading
 * and the findings of the rules that only look inside a prose block
 * (`RuleDefinition.blockLocal`), and on the next call reads again, and runs
 * those rules again, only on the pieces whose text changed; the others are
 * reused with their offsets moved. Everything that looks at the document as a
 * whole still runs on the whole of it: the placeholder scan, the structure,
 * template and measure rules, the phrase list (whose `fromOccurrence` counts
 * across the reply) and the disable comments.
 *
 * The result equals `lint(source, options)` exactly (test/reliability/
 * incremental.test.ts checks that over random edits); whenever that cannot be
 * shown cheaply (a file too large to read, link definitions, a front matter or
 * code fence that never closes, a rule that failed or reported outside its
 * piece) it falls back to `lint`.
 *
 * One instance per open document; drop it when the document closes.
 */
export class IncrementalLinter {
  /** The pieces of the last lint, by text (a text can occur more than once). */
  private pieces = new Map<string, Piece[]>();
  /** What the block-local findings were computed under; they are dropped when it changes. */
  private localKey: string | undefined;

  lint(source: string, options: LintOptions): LintResult {
    beginLint();
    let result: LintResult | undefined;
    try {
      result = this.lintIncrementally(source, options);
    } catch {
      result = undefined;
    }
    if (result) return result;
    this.pieces = new Map();
    this.localKey = undefined;
    return lintInCurrentGeneration(source, options);
  }

  /** The lint, or undefined when it cannot be done piece by piece. */
  private lintIncrementally(source: string, options: LintOptions): LintResult | undefined {
    if (unreadable(source) || mayHaveDefinitions(source)) return undefined;
    const pieces = this.cut(source);
    if (!pieces) return undefined;
    const document = join(source, pieces);
    if (!document) return undefined;

    const config = options.config ?? defaultConfig();
    const active = activeRules(document, options, config);
    const platform = platformFor(document, config);
    const key = localKeyOf(document, options, config);
    if (key !== this.localKey) {
      for (const piece of pieces) piece.local = undefined;
      this.localKey = key;
    }

    const findings: Finding[] = phraseFindings(document, config, active);
    const dirty = pieces.filter((piece) => !piece.local);
    const fresh = new Map<Piece, Map<string, Finding[]>>(dirty.map((piece) => [piece, new Map()]));
    let view: MacroDocument | undefined;
    for (const { rule, severity } of active.values()) {
      if (!rule.blockLocal) {
        const own = ruleFindings(document, options, config, rule, severity, platform);
        if (own.failed) return undefined;
        findings.push(...own);
        continue;
      }
      if (dirty.length > 0) {
        // The rule sees only the changed pieces' prose; the file's text and front matter are all there.
        view ??= {
          ...document,
          blocks: dirty.flatMap((piece) => piece.at!.blocks),
          placeholders: document.placeholders.filter((p) => inPieces(dirty, p.range.start)),
          malformedPlaceholders: document.malformedPlaceholders.filter((p) => inPieces(dirty, p.range.start)),
        };
        const own = ruleFindings(view, options, config, rule, severity, platform);
        if (own.failed) return undefined;
        let index = 0;
        for (const finding of own) {
          // Findings come in any order; each belongs to the piece it starts in, and must stay inside it.
          while (index > 0 && finding.range.start < dirty[index]!.start) index--;
          while (index < dirty.length - 1 && finding.range.start >= dirty[index]!.end) index++;
          const piece = dirty[index]!;
          if (!findingWithin(finding, piece.start, piece.end)) return undefined;
          const perRule = fresh.get(piece)!;
          const list = perRule.get(rule.id);
          if (list) list.push(finding);
          else perRule.set(rule.id, [finding]);
        }
      }
      for (const piece of pieces) {
        const own = piece.local ? piece.local.findings.get(rule.id) : fresh.get(piece)!.get(rule.id);
        if (!own) continue;
        const offset = piece.local ? piece.start - piece.local.start : 0;
        for (const finding of own) findings.push(shiftFinding(finding, offset));
      }
    }
    for (const [piece, perRule] of fresh) piece.local = { start: piece.start, findings: perRule };
    return { document, findings: finishFindings(document, findings, active, options, config) };
  }

  /** The document's pieces, read (or reused from the last lint), each joined to the next while it may run on. */
  private cut(source: string): Piece[] | undefined {
    const starts = pieceStarts(source);
    if (starts.length < 2) return undefined;
    const previous = this.pieces;
    const next = new Map<string, Piece[]>();
    const pieces: Piece[] = [];
    let line = 0;
    let lineAt = 0;
    for (let k = 0; k < starts.length;) {
      const start = starts[k]!;
      let end = k + 1 < starts.length ? starts[k + 1]! : source.length;
      k++;
      let text = source.slice(start, end);
      let piece = take(previous, text) ?? newPiece(text);
      if (!closes(piece, start === 0)) {
        // Rare (a fence or comment left open): the rest is one piece, so no re-reading in a loop.
        end = source.length;
        k = starts.length;
        text = source.slice(start, end);
        piece = take(previous, text) ?? newPiece(text);
        if (start === 0 && !closes(piece, true) && piece.reading.document.frontMatterRange === undefined && FRONT_MATTER_OPENING.test(text)) {
          // An unclosed front matter: read as a whole by the ordinary path.
          return undefined;
        }
      }
      for (let i = source.indexOf('\n', lineAt); i !== -1 && i < start; i = source.indexOf('\n', i + 1)) line++;
      lineAt = start;
      place(piece, start, end, line);
      pieces.push(piece);
      const list = next.get(text);
      if (list) list.push(piece);
      else next.set(text, [piece]);
    }
    this.pieces = next;
    return pieces;
  }
}

const FRONT_MATTER_OPENING = /^\uFEFF?---[ \t]*(?=\r?\n)/;

interface Placed {
  blocks: ProseBlock[];
  placeholders: Placeholder[];
  malformed: { range: Range; message: string }[];
  directives: Directive[];
  templateRanges: Range[];
}

interface Piece {
  text: string;
  reading: MarkdownReading;
  start: number;
  end: number;
  line: number;
  /** The reading moved to `start` and `line`. */
  at?: Placed & { start: number; line: number };
  /** The block-local rules' findings on this piece, by rule id, in offsets of the lint when `start` was this. */
  local?: { start: number; findings: Map<string, Finding[]> };
}

/** Whether `offset` lies in one of `pieces` (in document order). */
function inPieces(pieces: Piece[], offset: number): boolean {
  let low = 0;
  let high = pieces.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < pieces[mid]!.start) high = mid - 1;
    else if (offset >= pieces[mid]!.end) low = mid + 1;
    else return true;
  }
  return false;
}

function newPiece(text: string): Piece {
  return { text, reading: readMarkdown(text), start: 0, end: 0, line: 0 };
}

function take(previous: Map<string, Piece[]>, text: string): Piece | undefined {
  const list = previous.get(text);
  return list && list.length > 0 ? list.shift() : undefined;
}

/** Whether nothing of the piece runs on into the next: its last block is closed, and its front matter (for the first) too. */
function closes(piece: Piece, first: boolean): boolean {
  if (first && FRONT_MATTER_OPENING.test(piece.text) && piece.reading.document.frontMatterRange === undefined) return false;
  return !mayRunOn(piece.reading.lastBlock);
}

function place(piece: Piece, start: number, end: number, line: number): void {
  piece.start = start;
  piece.end = end;
  piece.line = line;
  if (piece.at && piece.at.start === start && piece.at.line === line) return;
  const { document, templateRanges } = piece.reading;
  piece.at = start === 0 && line === 0
    ? { start, line, blocks: document.blocks, placeholders: document.placeholders, malformed: document.malformedPlaceholders, directives: document.directives, templateRanges }
    : {
      start,
      line,
      blocks: document.blocks.map((block) => shiftBlock(block, start, line)),
      placeholders: document.placeholders.map((placeholder) => shiftPlaceholder(placeholder, start)),
      malformed: document.malformedPlaceholders.map((m) => ({ range: shiftRange(m.range, start), message: m.message })),
      directives: document.directives.map((directive) => shiftDirective(directive, start, line)),
      templateRanges: templateRanges.map((range) => shiftRange(range, start)),
    };
}

/**
 * The document the pieces make. Placeholders are scanned again over the whole
 * text, as a full read does (a stray `}}` can hide a stray `%}` pieces
 * apart); the pieces' own placeholders, which the prose blocks were read
 * with, must be the same, or the lint is left to the full path.
 */
function join(source: string, pieces: Piece[]): MacroDocument | undefined {
  const first = pieces[0]!.reading.document;
  const mask = new Uint8Array(source.length);
  for (const piece of pieces) for (const range of piece.at!.templateRanges) mask.fill(1, range.start, range.end);
  const scan = scanPlaceholders(applyMask(source, mask), 0);
  const placeholders = pieces.flatMap((piece) => piece.at!.placeholders);
  if (scan.placeholders.length !== placeholders.length) return undefined;
  for (let i = 0; i < placeholders.length; i++) {
    if (scan.placeholders[i]!.range.start !== placeholders[i]!.range.start || scan.placeholders[i]!.range.end !== placeholders[i]!.range.end) return undefined;
  }
  return {
    source,
    lines: createLineIndex(source),
    frontMatter: first.frontMatter,
    frontMatterRange: first.frontMatterRange,
    bodyStart: first.bodyStart,
    blocks: pieces.flatMap((piece) => piece.at!.blocks),
    placeholders: scan.placeholders,
    malformedPlaceholders: scan.malformed,
    directives: pieces.flatMap((piece) => piece.at!.directives),
    frontMatterProblems: first.frontMatterProblems,
  };
}

/** Everything besides a piece's own text that a block-local rule may read. */
function localKeyOf(document: MacroDocument, options: LintOptions, config: ResolvedConfig): string {
  return JSON.stringify([options.rules.map((rule) => rule.id), config, document.frontMatter, options.filePath ?? null]);
}
