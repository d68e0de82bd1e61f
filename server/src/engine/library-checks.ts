import { unified, type Plugin } from 'unified';
import { VFile } from 'vfile';
import type { Root as NlcstRoot, Sentence as NlcstSentence } from 'nlcst';
import type { MacroDocument, ProseBlock, Range, Sentence, Suggestion } from './types.js';
import { replacementEdit } from './edits.js';
import { firstPlaceholderEndingAfter } from './placeholders.js';

/**
 * Runs retext plugins (retext-equality, retext-readability, …) over a macro's
 * prose, once per document and plugin configuration, and hands each rule the
 * plugin's messages with file-offset ranges.
 *
 * Why a cache: several rules read the same plugin (readability, passive), the
 * language server lints the same document object for code actions and
 * diagnostics, and a frozen processor is reused across documents. The retext
 * trees already exist (parse.ts builds one per prose block, positions in file
 * offsets), so this only joins them under one root: no second parse.
 */

/** One message of a retext plugin, in the engine's terms. */
export interface LibraryMessage {
  /** The plugin's own id for what it found (a pattern id, a phrase). */
  libraryRuleId: string;
  /** The plugin's message text. */
  reason: string;
  range: Range;
  /** The text the plugin flagged, as the plugin reads it (placeholders read as `X`). */
  actual: string;
  /** The plugin's rewrites, best first; may be empty. */
  expected: string[];
  /** The plugin's note (retext-equality explains some of its patterns). */
  note?: string;
  /** Extra fields a plugin sets, e.g. `profanitySeverity`. */
  data: Record<string, unknown>;
}

/** Plugins take their own option types; the engine passes them plain JSON data. */
type RetextPlugin = Plugin<any[], NlcstRoot>;

const trees = new WeakMap<MacroDocument, NlcstRoot>();
const results = new WeakMap<MacroDocument, Map<string, LibraryMessage[]>>();
const processors = new Map<string, ReturnType<typeof freeze>>();
/** Distinct plugin configurations kept at once; configurations come from (few) config files. */
const MAX_PROCESSORS = 64;

/** All prose blocks of the document as one retext tree (the blocks' own nodes, not copies). */
export function proseTree(document: MacroDocument): NlcstRoot {
  let tree = trees.get(document);
  if (!tree) {
    tree = { type: 'RootNode', children: document.blocks.flatMap((block) => block.nlcst.children) };
    trees.set(document, tree);
  }
  return tree;
}

function freeze(plugin: RetextPlugin, options: unknown) {
  return unified().use(plugin, options).freeze();
}

/**
 * What a plugin's phrase list needs to find anything. A plugin that searches
 * a phrase list (retext-equality, retext-profanities) compiles that list on
 * every run, which costs more than parsing the macro; a block that lacks some
 * word of every phrase cannot match, so the plugin is shown only the blocks
 * that hold all the words of at least one phrase, and is not run when there
 * are none. Each phrase is filed under its longest word, the rarest one.
 */
export type WordGate = ReadonlyMap<string, readonly (readonly string[])[]>;

/** The gate for a phrase list; none (run always) for a phrase of wildcards only. */
export function wordGate(phrases: Iterable<string>): WordGate | undefined {
  const gate = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.split(' ').filter((word) => word !== '*').map(normalForm);
    if (words.length === 0) return undefined;
    const anchor = words.reduce((longest, word) => (word.length > longest.length ? word : longest));
    gate.set(anchor, [...(gate.get(anchor) ?? []), words]);
  }
  return gate;
}

/** A word as nlcst-search compares it, and then some: lower case, no dashes, no apostrophes. */
function normalForm(word: string): string {
  return word.toLowerCase().replace(/[-'\u2019]/g, '');
}

/** What normalForm would change: a capital, a dash, an apostrophe (most words have none). */
const NEEDS_NORMALISING = /[^a-z0-9]/;

/** The block's words in normal form, once per block (every gated plugin asks). */
function wordsOf(block: ProseBlock): Set<string> {
  let words = blockWords.get(block);
  if (!words) {
    words = new Set();
    for (const sentence of block.sentences) for (const word of sentence.words) words.add(NEEDS_NORMALISING.test(word.text) ? normalForm(word.text) : word.text);
    blockWords.set(block, words);
  }
  return words;
}

function passesGate(block: ProseBlock, gate: WordGate): boolean {
  const words = wordsOf(block);
  for (const word of words) {
    const phrases = gate.get(word);
    if (phrases) for (const phrase of phrases) if (phrase.every((part) => words.has(part))) return true;
  }
  return false;
}

/**
 * The messages `plugin` (configured with `options`) gives on the document's
 * prose. `name` identifies the plugin in the caches; `options` must be plain
 * JSON data. With a `gate`, only blocks that could match are shown to the
 * plugin, and nothing runs when there are none; a function gate picks the
 * part of the prose the plugin sees itself (it must depend only on the
 * document and `options`, since results are cached by them).
 */
export function runLibrary(
  document: MacroDocument,
  name: string,
  plugin: RetextPlugin,
  options?: unknown,
  gate?: WordGate | ((document: MacroDocument) => NlcstRoot),
): LibraryMessage[] {
  const key = `${name} ${optionsKey(options)}`;
  let perDocument = results.get(document);
  if (!perDocument) {
    perDocument = new Map();
    results.set(document, perDocument);
  }
  const cached = perDocument.get(key);
  if (cached) return cached;

  const tree = typeof gate === 'function' ? gate(document) : gate ? gatedTree(document, gate) : proseTree(document);
  const messages: LibraryMessage[] = [];
  perDocument.set(key, messages);
  if (tree.children.length === 0) return messages;

  let processor = processors.get(key);
  if (!processor) {
    if (processors.size >= MAX_PROCESSORS) processors.delete(processors.keys().next().value!);
    processor = freeze(plugin, options);
    processors.set(key, processor);
  }
  const file = new VFile();
  // The plugins only read the tree; they never change it, so the blocks' trees are shared.
  processor.runSync(tree, file);

  for (const message of file.messages) {
    const start = message.place && 'start' in message.place ? message.place.start : message.place;
    const end = message.place && 'end' in message.place ? message.place.end : message.place;
    if (start?.offset === undefined || end?.offset === undefined || message.fatal === null) continue;
    const { actual, expected, note, ...rest } = message as typeof message & Record<string, unknown>;
    messages.push({
      libraryRuleId: message.ruleId ?? name,
      reason: message.reason,
      range: { start: start.offset, end: end.offset },
      actual: actual ?? '',
      expected: expected ?? [],
      ...(note ? { note } : {}),
      data: rest,
    });
  }
  return messages;
}

const optionKeys = new WeakMap<object, string>();

/** Options as a cache key; rules that pass long lists keep one options object per configuration, so it is built once. */
function optionsKey(options: unknown): string {
  if (typeof options !== 'object' || options === null) return JSON.stringify(options ?? null);
  let key = optionKeys.get(options);
  if (key === undefined) {
    key = JSON.stringify(options);
    optionKeys.set(options, key);
  }
  return key;
}

const blockWords = new WeakMap<ProseBlock, Set<string>>();

function gatedTree(document: MacroDocument, gate: WordGate): NlcstRoot {
  const children = document.blocks.filter((block) => passesGate(block, gate)).flatMap((block) => block.nlcst.children);
  return { type: 'RootNode', children };
}

/**
 * Calls `visit` with each sentence node of the document's prose and the
 * sentence the engine read from it (undefined only if the two ever disagree).
 */
export function forEachSentenceNode(document: MacroDocument, visit: (node: NlcstSentence, sentence: Sentence | undefined) => void): void {
  for (const block of document.blocks) {
    // `block.sentences` were read from this tree, in this order, one word per WordNode.
    let index = 0;
    for (const paragraph of block.nlcst.children) {
      if (paragraph.type !== 'ParagraphNode') continue;
      for (const node of paragraph.children) {
        if (node.type === 'SentenceNode') visit(node, block.sentences[index++]);
      }
    }
  }
}

/**
 * The sentences for which `keep` holds, as one tree: for plugins that judge
 * each sentence on its own, a cheap test of the words can spare them the
 * sentences they would pass anyway.
 */
export function sentenceTree(document: MacroDocument, keep: (sentence: Sentence) => boolean): NlcstRoot {
  const kept: NlcstSentence[] = [];
  forEachSentenceNode(document, (node, sentence) => {
    if (!sentence || keep(sentence)) kept.push(node);
  });
  return { type: 'RootNode', children: kept.length ? [{ type: 'ParagraphNode', children: kept }] : [] };
}

/** The prose block that holds `offset`, if any. */
export function blockAt(document: MacroDocument, offset: number): ProseBlock | undefined {
  const blocks = document.blocks;
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const block = blocks[mid]!;
    if (offset < block.range.start) high = mid - 1;
    else if (offset >= block.range.end) low = mid + 1;
    else return block;
  }
  return undefined;
}

/** True when a placeholder starts or ends inside `range`, or `range` lies inside one. */
export function touchesPlaceholder(document: MacroDocument, range: Range): boolean {
  const placeholders = document.placeholders;
  const first = firstPlaceholderEndingAfter(placeholders, range.start);
  return first < placeholders.length && placeholders[first]!.range.start < range.end;
}

/**
 * True when the prose the plugin saw over `range` is the text the writer typed:
 * no code, link target, placeholder or markup was blanked inside it. A message
 * about blanked text ("a ` npm` error" read as "a error") is about our masking,
 * not about the writer's words.
 */
export function isVerbatim(document: MacroDocument, range: Range): boolean {
  const block = blockAt(document, range.start);
  if (!block || range.end > block.range.end) return false;
  const masked = block.masked.slice(range.start - block.range.start, range.end - block.range.start);
  return masked === document.source.slice(range.start, range.end);
}

/** One quick fix per rewrite a plugin proposes, keeping the case (and apostrophes) of what it replaces. */
export function rewrites(document: MacroDocument, range: Range, expected: readonly string[], limit = 3): Suggestion[] {
  const actual = document.source.slice(range.start, range.end);
  const seen = new Set<string>();
  const suggestions: Suggestion[] = [];
  for (const candidate of expected) {
    if (suggestions.length >= limit) break;
    const edit = replacementEdit(document.source, range, candidate);
    if (edit.text === actual || seen.has(edit.text)) continue;
    seen.add(edit.text);
    suggestions.push({ title: candidate === '' ? `Remove "${actual}"` : `Replace with "${edit.text}"`, edit });
  }
  return suggestions;
}
