import type { Channel, MacroDocument, Placeholder, ProseBlock, Range } from './types.js';
import type { ResolvedConfig } from './config.js';
import type { PlatformData } from '../platforms/types.js';
import { formatPlaceholder, formatWithFallback } from '../platforms/types.js';
import { cachedTokens, type Token } from './phrase-matcher.js';
import { blockAt } from './library-checks.js';

/**
 * The shape of a reply, for the structure rules of GUIDELINES section B:
 * where the greeting, the body and the sign-off are, its sentences as
 * normalised word strings that regular expressions can read, and where a
 * missing element goes. Pure functions over a parsed MacroDocument; every
 * result is cached per document because ten rules ask the same questions.
 */

// ---------------------------------------------------------------- basics

/** The file's own line break, so inserted lines match the rest of the file. */
export function lineEnding(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

/**
 * Only files with front matter are known to be macros sent to a customer. A
 * plain Markdown reply (an issue-tracker template, a forum answer) gets no
 * findings that assume the shape of an e-mail to a shopper.
 */
export function hasFrontMatter(document: MacroDocument): boolean {
  return document.frontMatterRange !== undefined;
}

/** The macro's channel; e-mail when the front matter does not say. */
export function channelOf(document: MacroDocument): Channel {
  return document.frontMatter.channel ?? 'email';
}

/** Whether a rule is switched on in the configuration (for coordination between rules). */
export function ruleEnabled(config: ResolvedConfig, id: string): boolean {
  return config.rules[id]?.setting !== 'off';
}

/** A list option of strings, lower-cased; the default when the option is missing or malformed. */
export function stringList(value: unknown, fallback: readonly string[]): string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value.map((v) => v.toLowerCase()) : [...fallback];
}

/** The macro's first tag that is in `tags`, in the macro's own order. */
export function matchingTag(document: MacroDocument, tags: readonly string[]): string | undefined {
  return document.frontMatter.tags.find((tag) => tags.includes(tag));
}

/** Placeholders of the people who send the macro, not of the customer. */
const AGENT_SIDE = /^(current_user|user|agent|teammate|admin|ticket\.agent|ticket\.assignee|assignee|staff|sender|author)\./i;

export function isAgentPlaceholder(placeholder: Placeholder, platform: PlatformData): boolean {
  return placeholder.kind === 'output' && (placeholder.name === platform.agentName || AGENT_SIDE.test(placeholder.name));
}

/** A placeholder (or a Liquid `if` around one) for the customer's name. */
export function isCustomerNamePlaceholder(placeholder: Placeholder, platform: PlatformData): boolean {
  if (placeholder.kind === 'tag') return /name/i.test(placeholder.expression) && !AGENT_SIDE.test(placeholder.expression.replace(/^\s*(if|unless)\s+/, ''));
  if (AGENT_SIDE.test(placeholder.name)) return false;
  return placeholder.name === platform.customerFirstName || /name$/i.test(placeholder.name);
}

/**
 * The customer's first name in the platform's dialect, with the fallback the
 * `placeholder-fallback` rule asks for when the platform has one and that rule
 * is on, so an inserted greeting never starts a finding of its own.
 */
export function customerNamePlaceholder(platform: PlatformData, config: ResolvedConfig): string {
  if (ruleEnabled(config, 'placeholder-fallback')) {
    const option = config.rules['placeholder-fallback']?.options?.fallback;
    const withFallback = formatWithFallback(platform, platform.customerFirstName, typeof option === 'string' ? option : 'there');
    if (withFallback) return withFallback;
  }
  return formatPlaceholder(platform, platform.customerFirstName);
}

export function agentNamePlaceholder(platform: PlatformData): string {
  return formatPlaceholder(platform, platform.agentName);
}

// ------------------------------------------------------------- sentences

/**
 * A sentence as one string of normalised tokens separated by single spaces
 * ("I’m sorry, but" → "i am sorry , but"), so that phrase patterns can be
 * regular expressions with word boundaries. Placeholders read as `_ph_`.
 */
export interface SentenceView {
  block: ProseBlock;
  range: Range;
  tokens: Token[];
  norm: string;
  /** Start of each token in `norm`. */
  at: number[];
  /** Placeholders by token index. */
  placeholders: Map<number, Placeholder>;
}

export interface TextMatch {
  /** File offsets of the matched tokens. */
  start: number;
  end: number;
  /** Token indexes, last inclusive. */
  first: number;
  last: number;
  match: RegExpExecArray;
}

const sentenceCache = new WeakMap<MacroDocument, SentenceView[]>();

/** Every sentence of the body's prose, in order. */
export function sentencesOf(document: MacroDocument): SentenceView[] {
  const cached = sentenceCache.get(document);
  if (cached) return cached;
  const byStart = new Map(document.placeholders.map((p) => [p.range.start, p]));
  const views: SentenceView[] = [];
  for (const block of document.blocks) {
    if (block.range.start < document.bodyStart) continue;
    for (const sentence of block.sentences) {
      const from = sentence.range.start - block.range.start;
      const text = block.masked.slice(from, sentence.range.end - block.range.start);
      const tokens = cachedTokens(text).map((t) => ({ ...t, start: t.start + sentence.range.start, end: t.end + sentence.range.start }));
      const placeholders = new Map<number, Placeholder>();
      tokens.forEach((token, i) => {
        const placeholder = byStart.get(token.start);
        if (placeholder && placeholder.kind === 'output') {
          placeholders.set(i, placeholder);
          token.norm = '_ph_';
          token.end = placeholder.range.end;
        }
      });
      if (tokens.length === 0) continue;
      for (const [first, last] of splitSentences(tokens)) {
        const part = tokens.slice(first, last + 1);
        const partPlaceholders = new Map<number, Placeholder>();
        for (const [i, placeholder] of placeholders) if (i >= first && i <= last) partPlaceholders.set(i - first, placeholder);
        const at: number[] = [];
        let norm = '';
        for (const token of part) {
          if (norm) norm += ' ';
          at.push(norm.length);
          norm += token.norm;
        }
        const start = first === 0 ? sentence.range.start : part[0]!.start;
        const end = last === tokens.length - 1 ? Math.max(sentence.range.end, part.at(-1)!.end) : part.at(-1)!.end;
        views.push({ block, range: { start, end }, tokens: part, norm, at, placeholders: partPlaceholders });
      }
    }
  }
  sentenceCache.set(document, views);
  return views;
}

/** Titles after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'prof', 'vs', 'no', 'approx', 'dept']);

/**
 * parse-english keeps some sentences together ("Thanks for checking in. Your
 * order …" reads "in." as the abbreviation of inch); split again where a
 * full stop, question or exclamation mark is followed by a capitalised word.
 */
function splitSentences(tokens: Token[]): [number, number][] {
  const parts: [number, number][] = [];
  let first = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const token = tokens[i]!;
    if (!/^[.!?…]$/.test(token.norm)) continue;
    const next = tokens[i + 1]!;
    if (/^[.!?…"'”’)]$/.test(next.norm)) continue;
    if (!next.word || !next.capitalised) continue;
    const previous = tokens[i - 1];
    if (token.norm === '.' && previous && (previous.norm.length === 1 || ABBREVIATIONS.has(previous.norm))) continue;
    parts.push([first, i]);
    first = i + 1;
  }
  if (first < tokens.length) parts.push([first, tokens.length - 1]);
  return parts;
}

/** All matches of `pattern` (which must have the `g` flag) in a sentence, mapped to file offsets. */
export function findAll(view: SentenceView, pattern: RegExp): TextMatch[] {
  const matches: TextMatch[] = [];
  pattern.lastIndex = 0;
  for (let m = pattern.exec(view.norm); m; m = pattern.exec(view.norm)) {
    if (m[0] === '') {
      pattern.lastIndex++;
      continue;
    }
    const first = tokenAt(view, m.index);
    const last = tokenAt(view, m.index + m[0].length - 1);
    if (first === undefined || last === undefined) continue;
    matches.push({ start: view.tokens[first]!.start, end: view.tokens[last]!.end, first, last, match: m });
  }
  return matches;
}

export function has(view: SentenceView, pattern: RegExp): boolean {
  return findAll(view, pattern).length > 0;
}

function tokenAt(view: SentenceView, index: number): number | undefined {
  let low = 0;
  let high = view.at.length - 1;
  if (high < 0) return undefined;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (view.at[mid]! <= index) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Builds a global pattern from alternatives written as plain normalised phrases or pattern pieces. */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\w'])(?:${alternatives.join('|')})(?![\\w'])`, 'g');
}

// ----------------------------------------------------------------- lines

export interface BodyLine {
  /** 0-based line number. */
  line: number;
  start: number;
  /** End of the content, before the line break. */
  end: number;
  text: string;
  /**
   * The line with template syntax neutralised, same length: each output
   * placeholder becomes `§` characters, control tags and HTML comments spaces.
   */
  plain: string;
}

/** Non-blank lines of the body that carry something besides comments and control tags. */
export function bodyLines(document: MacroDocument): BodyLine[] {
  const { lines, source } = document;
  const first = lines.position(document.bodyStart).line + (document.frontMatterRange ? 1 : 0);
  const result: BodyLine[] = [];
  const blocks = document.blocks;
  let block = 0;
  // Both are sorted and never overlap; `next` and `nextMalformed` move forward with the lines.
  const placeholders = document.placeholders;
  const malformed = [...document.malformedPlaceholders].sort((a, b) => a.range.start - b.range.start);
  let next = 0;
  let nextMalformed = 0;
  for (let line = first; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const end = lines.lineEnd(line);
    // Only lines with prose on them shape the reply: "    Hi {{name}}," in a code block is
    // not a greeting, and an edit placed by its columns would land inside the code.
    while (block < blocks.length && blocks[block]!.range.end <= start) block++;
    if (block === blocks.length || blocks[block]!.range.start >= end) continue;
    const text = source.slice(start, end);
    while (next < placeholders.length && placeholders[next]!.range.end <= start) next++;
    while (nextMalformed < malformed.length && malformed[nextMalformed]!.range.end <= start) nextMalformed++;
    let plain = text;
    const hasPlaceholder = next < placeholders.length && placeholders[next]!.range.start < end;
    if (hasPlaceholder || (nextMalformed < malformed.length && malformed[nextMalformed]!.range.start < end)) {
      // Filled in place, one character a cell: splicing strings per placeholder made a line
      // with thousands of placeholders quadratic (and every line read every placeholder).
      const chars = text.split('');
      for (let k = next; k < placeholders.length && placeholders[k]!.range.start < end; k++) {
        const placeholder = placeholders[k]!;
        const fill = placeholder.kind === 'output' ? '§' : ' ';
        for (let i = Math.max(placeholder.range.start, start) - start; i < Math.min(placeholder.range.end, end) - start; i++) chars[i] = fill;
      }
      // Broken placeholders are placeholder-syntax's finding; here they are still not words.
      for (let k = nextMalformed; k < malformed.length && malformed[k]!.range.start < end; k++) {
        const { range } = malformed[k]!;
        const from = Math.max(range.start, start) - start;
        // The unclosed placeholder runs on to the next space ("{{customer.first_name,"), its punctuation aside.
        const to = Math.max(Math.min(range.end, end) - start, from + unclosedRun(chars, from));
        for (let i = from; i < to; i++) chars[i] = '§';
      }
      plain = chars.join('');
    }
    if (plain.includes('<!--')) plain = plain.replace(/<!--[\s\S]*?(-->|$)/g, (m) => ' '.repeat(m.length));
    if (plain.trim() === '') continue;
    result.push({ line, start, end, text, plain });
  }
  return result;
}

/**
 * Length of `/^\S*?(?=[,.!?:;]?(?:\s|$))/` matched at `from` in `chars`: the
 * non-blank run up to the next blank, a trailing punctuation mark left out.
 */
function unclosedRun(chars: string[], from: number): number {
  const blank = (i: number) => i >= chars.length || /\s/.test(chars[i]!);
  for (let i = from; ; i++) {
    if (blank(i) || (',.!?:;'.includes(chars[i]!) && blank(i + 1))) return i - from;
  }
}

/** Offset of the first non-blank character of a line. */
export function contentStart(line: BodyLine): number {
  return line.start + (line.plain.length - line.plain.trimStart().length);
}

/** The line's content without surrounding blanks (and without a trailing comment). */
export function lineRange(line: BodyLine): Range {
  return { start: contentStart(line), end: line.start + line.plain.trimEnd().length };
}

// -------------------------------------------------------------- greeting

const GREETING_WORD = /^(?:hi|hello|hey|hiya|howdy|dear|greetings|good\s+(?:morning|afternoon|evening|day))(?![\p{L}\p{N}'’])/iu;

export interface Greeting {
  line: BodyLine;
  /** The greeting word(s): "Hi", "Good morning". */
  word: Range;
  /** What stands between the greeting word and its punctuation ("there", "{{name}}"), trimmed; empty range when nothing. */
  name: Range;
  /** End of the greeting, after its punctuation ("Hi {{name}},"). */
  end: number;
  /** True when the greeting shares its line with the message ("Hi {{name}}, thanks for …"). */
  inline: boolean;
  /**
   * End of the greeting's last line, past a Liquid `{% else %}Hi there,{% endif %}`
   * alternative on the following lines: where text after the greeting goes.
   */
  blockEnd: number;
  /** Whether a placeholder for the customer's name is in the greeting. */
  usesName: boolean;
}

export interface ReplyLayout {
  lines: BodyLine[];
  greeting?: Greeting;
  /** Index in `lines` where the sign-off starts; `lines.length` when there is none. */
  signOffStart: number;
  /** The closing word line ("Best,") if any. */
  closing?: BodyLine;
  /** The line that carries the agent's name placeholder, if any. */
  agentLine?: BodyLine;
  /** A short signature line at the end without the agent placeholder ("The Acme team"). */
  teamLine?: BodyLine;
  /** Sentences of the message itself: after the greeting, before the sign-off. */
  content: SentenceView[];
  /** Offset where the message starts (after the greeting). */
  contentFrom: number;
  /** Offset where the message ends (the sign-off's first line, or the end of the file). */
  contentTo: number;
}

export const DEFAULT_CLOSINGS = [
  'best', 'best wishes', 'best regards', 'all the best', 'kind regards', 'warm regards', 'warmest regards', 'regards',
  'many thanks', 'thanks', 'thank you', 'thanks again', 'thank you again', 'thanks so much', 'with thanks', 'cheers',
  'warmly', 'sincerely', 'yours sincerely', 'yours truly', 'yours', 'take care', 'talk soon', 'speak soon',
  'have a great day', 'have a lovely day', 'have a good day', 'have a great weekend', 'until next time', 'respectfully',
];

/** How many lines from the end a sign-off may start. */
const SIGN_OFF_LINES = 5;

const layoutCache = new WeakMap<MacroDocument, Map<string, ReplyLayout>>();

/**
 * Finds the greeting (first line), the sign-off (last lines) and the content
 * between them. `closings` are the closing words that start a sign-off.
 */
export function layoutOf(document: MacroDocument, platform: PlatformData, closings: readonly string[] = DEFAULT_CLOSINGS): ReplyLayout {
  const key = `${platform.id}|${closings.join('|')}`;
  let perDocument = layoutCache.get(document);
  if (!perDocument) layoutCache.set(document, (perDocument = new Map()));
  const cached = perDocument.get(key);
  if (cached) return cached;

  const lines = bodyLines(document);
  const greeting = lines[0] ? readGreeting(document, lines[0], platform) : undefined;
  const layout: ReplyLayout = { lines, signOffStart: lines.length, content: [], contentFrom: document.bodyStart, contentTo: document.source.length };
  if (greeting) layout.greeting = greeting;

  const firstContentLine = greeting && !greeting.inline ? 1 : 0;
  const { closingLine, closingThenName } = closingPatterns(closings);
  // The sign-off lives in the last lines: closing, name, title, company, a link.
  for (let i = lines.length - 1; i >= Math.max(firstContentLine, lines.length - SIGN_OFF_LINES); i--) {
    const line = lines[i]!;
    const agent = document.placeholders.some((p) => p.range.start >= line.start && p.range.end <= line.end && isAgentPlaceholder(p, platform));
    const isClosing = closingLine.test(line.plain) || (agent && closingThenName.test(line.plain));
    if (agent && shortLine(line) && !layout.agentLine) {
      layout.agentLine = line;
      layout.signOffStart = Math.min(layout.signOffStart, i);
    }
    if (isClosing) {
      layout.closing = line;
      layout.signOffStart = Math.min(layout.signOffStart, i);
      break;
    }
  }
  const last = lines.at(-1);
  if (!layout.closing && !layout.agentLine && last && lines.length - 1 > firstContentLine && looksLikeSignature(last)) {
    layout.teamLine = last;
    layout.signOffStart = lines.length - 1;
  } else if (layout.closing && !layout.agentLine) {
    const index = lines.indexOf(layout.closing);
    const after = lines[index + 1];
    if (after && looksLikeSignature(after)) layout.teamLine = after;
  }

  const contentFrom = greeting ? (greeting.inline ? greeting.end : greeting.blockEnd) : document.bodyStart;
  const contentTo = layout.signOffStart < lines.length ? lines[layout.signOffStart]!.start : document.source.length;
  layout.content = sentencesOf(document).filter((s) => s.range.end > contentFrom && s.range.start < contentTo);
  layout.contentFrom = contentFrom;
  layout.contentTo = contentTo;
  perDocument.set(key, layout);
  return layout;
}

/** The sign-off patterns for each list of closing words, built once: the list comes from the configuration, not the document. */
const closingPatternCache = new Map<string, { closingLine: RegExp; closingThenName: RegExp }>();
const CLOSING_PATTERN_CACHE_SIZE = 16;

function closingPatterns(closings: readonly string[]): { closingLine: RegExp; closingThenName: RegExp } {
  // Joined with a character no closing holds, so two lists never share a key.
  const key = closings.join('\0');
  let patterns = closingPatternCache.get(key);
  if (!patterns) {
    const closingWords = `^\\s*(?:${closings.map(escapeRegExp).join('|')})\\s*[,.!—–-]*\\s*`;
    // Neither has the `g` flag, so `test` keeps no state between documents.
    patterns = { closingLine: new RegExp(`${closingWords}$`, 'i'), closingThenName: new RegExp(`${closingWords}§`, 'i') };
    if (closingPatternCache.size >= CLOSING_PATTERN_CACHE_SIZE) closingPatternCache.delete(closingPatternCache.keys().next().value!);
    closingPatternCache.set(key, patterns);
  }
  return patterns;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
}

function shortLine(line: BodyLine): boolean {
  return line.plain.replace(/§+/g, ' X ').trim().split(/\s+/).length <= 7;
}

/** "The Acme team", "Customer Care", "Sam": short, no sentence punctuation, not a list item or heading. */
function looksLikeSignature(line: BodyLine): boolean {
  const text = line.plain.trim();
  if (/^([-*+>#|]|\d+[.)])/.test(text)) return false;
  if (!/^[\p{L}\s&'’.—–-]+$/u.test(text) || text.endsWith('.')) return false;
  return text.split(/\s+/).length <= 5 && /^[\p{Lu}—–-]/u.test(text);
}

function readGreeting(document: MacroDocument, line: BodyLine, platform: PlatformData): Greeting | undefined {
  const lead = line.plain.length - line.plain.trimStart().length;
  const rest = line.plain.slice(lead);
  const word = GREETING_WORD.exec(rest);
  if (!word) return undefined;
  const wordStart = line.start + lead;
  const wordEnd = wordStart + word[0].length;
  const after = line.plain.slice(lead + word[0].length);
  // The greeting ends at its first punctuation mark, or with the line.
  const stop = /[,!.:;?—–]|\s-\s/.exec(after);
  const nameText = stop ? after.slice(0, stop.index) : after;
  const nameStart = wordEnd + (nameText.length - nameText.trimStart().length);
  const nameEnd = wordEnd + nameText.trimEnd().length;
  const end = stop ? wordEnd + stop.index + stop[0].length : line.end;
  const inline = line.plain.slice(end - line.start).trim() !== '';
  // The name may also follow the punctuation: "Hello, {{first_name}}!"
  const sentenceEnd = /[.!?](\s|$)/.exec(line.plain.slice(end - line.start));
  const searchEnd = sentenceEnd ? end + sentenceEnd.index + 1 : line.end;
  const usesName = document.placeholders.some(
    (p) => p.range.start >= wordStart && p.range.start < searchEnd && isCustomerNamePlaceholder(p, platform),
  );
  // A greeting alternative in a Liquid branch below it ("{% else %}\nHi there,\n{% endif %}") belongs to the greeting.
  let blockEnd = line.end;
  let alternative = false;
  for (let next = line.line + 1; !inline && next < document.lines.lineCount; next++) {
    const text = document.source.slice(document.lines.lineStart(next), document.lines.lineEnd(next)).trim();
    const tags = /^(?:\{%[\s\S]*?%\}\s*)+/.exec(text)?.[0] ?? '';
    if (text !== '' && tags === text) {
      if (alternative && /\bend(?:if|unless)\b/.test(text)) blockEnd = document.lines.lineEnd(next);
      continue;
    }
    if (!GREETING_WORD.test(text.slice(tags.length)) || text.split(/\s+/).length > 8) break;
    alternative = true;
    blockEnd = document.lines.lineEnd(next);
  }
  return {
    line,
    blockEnd,
    word: { start: wordStart, end: wordEnd },
    name: nameEnd > nameStart ? { start: nameStart, end: nameEnd } : { start: wordEnd, end: wordEnd },
    end,
    inline,
    usesName,
  };
}

// ------------------------------------------------------- kinds of sentence

/** A thank-you or an expression of appreciation. */
export const THANKS = words('thank', 'thanks', 'thank you', 'thankful', 'thx', 'appreciate', 'appreciated', 'appreciation', 'grateful', 'gratitude');

/**
 * An acknowledgement of how the customer feels, or a sincere apology. Broad on
 * purpose: `empathy` must only fire when there is clearly nothing of the kind.
 */
export const ACKNOWLEDGEMENT = words(
  // Not "to make sure I understand" or "if I understand correctly": that is checking, not empathising.
  '(?<!(?:sure|if|as|so) )(?:i|we) (?:completely |totally |fully |really |can |do |)understand(?! your (?:request|question))(?! correctly)',
  'understandable',
  '(?:i|we) (?:can )?(?:see|imagine|appreciate) (?:why|how|that|what)',
  'i can (?:only )?imagine',
  'i know (?:how|that|this|it|what)',
  'i hear you',
  'sorry', 'apologi[sz]e', 'apologies', 'apology',
  'frustrat\\w*', 'disappoint\\w*', 'annoy\\w*', 'upset\\w*', 'stressful', 'worrying', 'worried', '(?<!not )worry', 'concerned',
  'inconvenien\\w*', 'confusing', 'unsettling', 'disruptive', 'disruption',
  'in your shoes', '(?:feel|felt) the same', 'must (?:have been|be) (?:hard|difficult|tough|a pain|stressful)', 'not the experience',
  'that is (?:not|n\'t) (?:ok|okay|good enough|what you expected)', 'not what you expected', 'you are right',
);

/** The customer is asked to answer or told how to come back. */
export const INVITATION = words(
  'reply', 'replying', 'respond', 'write back', 'write to us', 'let (?:me|us) know', 'get in touch', 'reach out', 'contact (?:me|us)',
  'feel free', 'do not hesitate', 'happy to help', 'glad to help', 'here to help', 'here for you', 'here if you need', 'any (?:other )?questions',
  'anything else', 'if you need', 'if you have', 'if anything', 'message (?:me|us)', 'dm (?:me|us)', 'drop (?:me|us)', 'call us', 'give us a call',
  'ping (?:me|us)', 'send (?:me|us) (?:a |an )?(?:message|dm|note|line|email)', 'chat with (?:me|us)', 'email (?:me|us)', 'tell (?:me|us)', 'ask (?:me|us)', 'hit reply', 'answer',
);

/** Imperative verbs that start an instruction. */
const INSTRUCTION_VERBS = [
  'click', 'tap', 'go', 'open', 'try', 'select', 'choose', 'enter', 'visit', 'check', 'update', 'restart', 'clear', 'reset', 'log',
  'sign', 'follow', 'send', 'use', 'download', 'install', 'reinstall', 'contact', 'head', 'navigate', 'add', 'remove', 'delete',
  'change', 'set', 'make', 'type', 'press', 'upload', 'refresh', 'switch', 'turn', 'disable', 'enable', 'return', 'pack', 'print',
  'fill', 'complete', 'forward', 'attach', 'book', 'schedule', 'copy', 'paste', 'scroll', 'find', 'look', 'wait', 'keep', 'confirm',
];

/** An instruction to the customer, or the solution itself ("I've refunded …", "your replacement ships …"). */
export const INSTRUCTION = new RegExp(
  [
    `^(?:(?:first|next|then|now|to start|to begin|meanwhile) ,? )?(?:please )?(?:${INSTRUCTION_VERBS.join('|')})(?![\\w'])`,
    `(?<![\\w'])please (?!(?:accept|note|understand|be aware|bear|keep in mind|rest assured|forgive|excuse|know)(?![\\w']))\\w+`,
    `(?<![\\w'])you (?:can|could|will need to|will want to|need to|should|may want to|might want to|have to|must) (?!(?:imagine|see why|understand)(?![\\w']))`,
    `(?<![\\w'])(?:i|we) (?:have|had|just|already|have just|have already) (?:refunded|issued|processed|sent|credited|reset|updated|fixed|resolved|cancell?ed|changed|added|applied|arranged|rolled|restored|replaced|reactivated|reshipped|re-sent|booked|scheduled|extended|upgraded|removed|unlocked|reopened|corrected|adjusted|released|approved|waived)(?![\\w'])`,
    `(?<![\\w'])(?:i|we) (?:will|are going to|am going to) (?:refund|send|issue|process|credit|reset|replace|reship|arrange|fix|cancel|change|update|waive|extend|book|ship|release)(?![\\w'])`,
    `(?<![\\w'])your (?:refund|replacement|credit|order|parcel|package|new \\w+|account|access|password|booking|appointment) (?:has been|have been|will be|ships|shipped|arrives|is on its way|is ready|is back)(?![\\w'])`,
    `(?<![\\w'])(?:here is how|here are the steps|to fix this|to fix it|to resolve this|to solve this|the fix is|the solution is|the workaround is)(?![\\w'])`,
  ].join('|'),
  'g',
);

/** A first sentence that is only a thank-you ("Thanks for your message."). */
export function isThanksSentence(view: SentenceView): boolean {
  return has(view, THANKS) && !has(view, INSTRUCTION);
}

// ---------------------------------------------------------------- edits

/** Upper-cases the first letter of a sentence to be. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Lower-cases the first letter unless it starts "I", an acronym or a name. */
export function decapitalise(text: string, document: MacroDocument): string {
  const word = /^[\p{L}'’]+/u.exec(text)?.[0] ?? '';
  if (!word || /^I(?:['’]|$)/.test(word) || word.slice(1) !== word.slice(1).toLowerCase()) return text;
  // A word written with a capital in the middle of a sentence elsewhere is a name.
  const proper = new RegExp(`[\\p{L},;] ${word}(?![\\p{L}])`, 'u');
  if (proper.test(document.source)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Where an opening line goes: after the greeting and any thank-you, before the first instruction. */
export interface OpeningSpot {
  /** Insert after this sentence (a thank-you), as the next sentence of its paragraph. */
  after?: SentenceView;
  /** Else insert before this sentence. */
  before?: SentenceView;
}

export function openingSpot(layout: ReplyLayout, afterThanks: boolean): OpeningSpot {
  const first = layout.content[0];
  if (!first) return {};
  if (afterThanks) {
    let last: SentenceView | undefined;
    for (const sentence of layout.content) {
      if (!isThanksSentence(sentence)) break;
      last = sentence;
    }
    if (last) return { after: last };
  }
  return { before: first };
}

/**
 * An edit that puts `sentence` (a whole sentence with its full stop) at the
 * opening spot: as the next sentence after a thank-you, or in front of the
 * first sentence of the message, or on its own line after a greeting when the
 * message has no sentences at all.
 */
export function openingEdit(document: MacroDocument, layout: ReplyLayout, spot: OpeningSpot, sentence: string): { range: Range; text: string } | undefined {
  const { source } = document;
  if (spot.after) {
    const at = spot.after.range.end;
    const punctuated = /[.!?…)"'”’]$/.test(source.slice(0, at)) ? '' : '.';
    return { range: { start: at, end: at }, text: `${punctuated} ${sentence}` };
  }
  if (spot.before) {
    // The message may start inside the greeting's sentence: "Hi {{name}}, could you …" or "Hi {{name}},\nThanks …".
    let at = sentenceStart(document, spot.before.range.start);
    if (at < layout.contentFrom) at = spot.before.tokens.find((t) => t.start >= layout.contentFrom)?.start ?? layout.contentFrom;
    const greeting = layout.greeting;
    if (greeting?.inline && at < greeting.line.end) {
      const next = source.charAt(at);
      const afterComma = /[,;:—–]\s*$/.test(source.slice(greeting.word.start, at));
      const text = afterComma ? decapitalise(sentence, document) : sentence;
      if (/\p{Ll}/u.test(next) && isProseAt(document, at)) return { range: { start: at, end: at + 1 }, text: `${text} ${next.toUpperCase()}` };
      return { range: { start: at, end: at }, text: `${text} ` };
    }
    return { range: { start: at, end: at }, text: `${sentence} ` };
  }
  if (layout.greeting) {
    const eol = lineEnding(source);
    const at = layout.greeting.blockEnd;
    return { range: { start: at, end: at }, text: `${eol}${eol}${sentence}` };
  }
  return undefined;
}

/**
 * Whether the character at `offset` is prose the writer typed, not code, a
 * URL, a placeholder or markup: only such a letter may change case when an
 * opening is put before it ("https://…" must not become "Https://…").
 */
export function isProseAt(document: MacroDocument, offset: number): boolean {
  const block = blockAt(document, offset);
  return block !== undefined && block.masked.charCodeAt(offset - block.range.start) === document.source.charCodeAt(offset);
}

/**
 * Where a sentence starting at `offset` really starts: its words are read with
 * code, URLs and markup blanked, so "`reset` is the button" reads as starting
 * at "is"; an opening put there would split the writer's sentence.
 */
export function sentenceStart(document: MacroDocument, offset: number): number {
  const block = blockAt(document, offset);
  if (!block) return offset;
  const { source } = document;
  let at = offset;
  for (; at > block.range.start; at--) {
    const written = source.charCodeAt(at - 1);
    if (written === 10 || (written === block.masked.charCodeAt(at - 1 - block.range.start) && !/\s/.test(source[at - 1]!))) break;
  }
  while (at < offset && /\s/.test(source[at]!)) at++;
  return at;
}

/** A sentence's range without the inline greeting it may begin with ("Hi {{name}}, thanks …" → "thanks …"). */
export function messageRange(view: SentenceView, layout: ReplyLayout): Range {
  if (view.range.start >= layout.contentFrom) return view.range;
  const first = view.tokens.find((t) => t.start >= layout.contentFrom);
  return first && first.start < view.range.end ? { start: first.start, end: view.range.end } : view.range;
}

/** A small range to hang a "something is missing at the top" finding on: the greeting, else the first sentence or line. */
export function openingRange(document: MacroDocument, layout: ReplyLayout): Range {
  if (layout.greeting) return { start: layout.greeting.word.start, end: layout.greeting.inline ? layout.greeting.end : lineRange(layout.greeting.line).end };
  const first = sentencesOf(document)[0];
  if (first) return first.range;
  const line = layout.lines[0];
  return line ? lineRange(line) : { start: document.bodyStart, end: document.bodyStart };
}
