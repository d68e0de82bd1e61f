import {
  CompletionItemKind, InsertTextFormat, MarkupKind,
  type CompletionItem, type Range as LspRange,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CHANNELS, PLATFORMS, TAGS, frontMatterSchema } from '../engine/frontmatter.js';
import type { MacroDocument } from '../engine/types.js';
import { formatPlaceholder, platforms, type PlatformData } from '../platforms/index.js';
import { PHRASE_SNIPPETS, expandSnippet } from './templates.js';

export const COMPLETION_TRIGGERS = ['{', '%', ' ', ':', ',', '['];

export interface CompletionInput {
  document: TextDocument;
  macro: MacroDocument;
  platform: PlatformData;
  offset: number;
  snippetSupport: boolean;
  /** The character that triggered completion, if any. */
  triggerCharacter?: string;
}

export function completionsAt(input: CompletionInput): CompletionItem[] {
  const { document, offset } = input;
  const text = document.getText();
  const position = document.positionAt(offset);
  const lineStart = document.offsetAt({ line: position.line, character: 0 });
  const before = text.slice(lineStart, offset);
  const after = text.slice(offset, text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset));

  const frontMatter = frontMatterLines(text);
  if (frontMatter && position.line > frontMatter.open && (frontMatter.close === undefined || position.line < frontMatter.close)) {
    return frontMatterCompletions(frontMatter, position.line, before);
  }
  if (frontMatter && position.line === frontMatter.open) return [];

  const placeholder = placeholderCompletions(input, before, after);
  if (placeholder) return placeholder;
  if (input.triggerCharacter && input.triggerCharacter !== ' ') return [];
  if (input.triggerCharacter === ' ') return [];
  return phraseSnippets(input, before);
}

interface FrontMatterLines {
  open: number;
  close?: number;
  lines: string[];
}

/** The fences of the front matter, read from the raw text (it may be half-written). */
function frontMatterLines(text: string): FrontMatterLines | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!/^---[ \t]*$/.test(lines[0] ?? '')) return undefined;
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)[ \t]*$/.test(line));
  return { open: 0, close: close === -1 ? undefined : close, lines };
}

const FRONT_MATTER_KEYS = Object.keys(frontMatterSchema.properties);

function frontMatterCompletions(fm: FrontMatterLines, line: number, before: string): CompletionItem[] {
  const lastLine = fm.close ?? fm.lines.length;
  const present = new Set(fm.lines.slice(1, lastLine).map((l) => /^([A-Za-z_][\w-]*)\s*:/.exec(l)?.[1]).filter(Boolean));
  const range = (start: number): LspRange => ({ start: { line, character: start }, end: { line, character: before.length } });

  const key = /^([A-Za-z_-]*)$/.exec(before);
  if (key) {
    return FRONT_MATTER_KEYS.filter((k) => !present.has(k)).map((k, index) => {
      const schema = (frontMatterSchema.properties as Record<string, { description?: string }>)[k];
      return {
        label: k,
        kind: CompletionItemKind.Property,
        detail: k === 'title' ? 'required' : 'front matter',
        documentation: schema?.description,
        sortText: String(index).padStart(2, '0'),
        textEdit: { range: range(0), newText: `${k}: ` },
        ...(k === 'channel' || k === 'platform' || k === 'tags' ? { command: { title: 'Suggest', command: 'editor.action.triggerSuggest' } } : {}),
      };
    });
  }

  const scalar = /^(channel|platform)[ \t]*:[ \t]*([\w-]*)$/.exec(before);
  if (scalar) {
    const values: readonly string[] = scalar[1] === 'channel' ? CHANNELS : PLATFORMS;
    const start = before.length - scalar[2]!.length;
    return values.map((value) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      detail: scalar[1] === 'platform' ? platforms[value as keyof typeof platforms]?.label : channelDetail(value),
      textEdit: { range: range(start), newText: value },
    }));
  }

  const usedTags = new Set<string>();
  const flow = /^tags[ \t]*:[ \t]*\[([^\]]*)$/.exec(before);
  let partial: string | undefined;
  if (flow) {
    for (const tag of flow[1]!.split(',').slice(0, -1)) usedTags.add(tag.trim());
    partial = /([\w-]*)$/.exec(flow[1]!)![1];
  } else {
    const item = /^[ \t]+-[ \t]*([\w-]*)$|^-[ \t]+([\w-]*)$/.exec(before);
    if (item && blockParent(fm.lines, line) === 'tags') {
      partial = item[1] ?? item[2] ?? '';
      for (let l = line - 1; l > 0 && /^\s*-/.test(fm.lines[l]!); l--) usedTags.add(fm.lines[l]!.replace(/^\s*-\s*/, '').trim());
    }
  }
  if (partial !== undefined) {
    const start = before.length - partial.length;
    return TAGS.filter((tag) => !usedTags.has(tag)).map((tag) => ({
      label: tag,
      kind: CompletionItemKind.EnumMember,
      detail: 'tag',
      textEdit: { range: range(start), newText: tag },
    }));
  }
  return [];
}

function channelDetail(channel: string): string {
  return { email: 'e-mail reply', chat: 'live chat', social: 'social media reply', phone: 'phone script' }[channel] ?? channel;
}

/** The key a block-list item on `line` belongs to. */
function blockParent(lines: string[], line: number): string | undefined {
  for (let l = line - 1; l > 0; l--) {
    const key = /^([A-Za-z_][\w-]*)\s*:\s*$/.exec(lines[l]!);
    if (key) return key[1];
    if (!/^\s*-|^\s*$/.test(lines[l]!)) return undefined;
  }
  return undefined;
}

/** After `{{` or `{%`: the platform's placeholders and the configured custom fields. */
function placeholderCompletions(input: CompletionInput, before: string, after: string): CompletionItem[] | undefined {
  const open = /(\{\{|\{%)([ \t]*)([\w.]*)$/.exec(before);
  if (!open) return undefined;
  const { platform, document } = input;
  const [whole, opener, space, typed] = open as unknown as [string, string, string, string];
  const percent = platform.syntax === 'percent';
  // Liquid control tags (`{% if … %}`) are their own language on mustache platforms.
  if (opener === '{%' && !percent) return [];
  const closer = percent ? '%}' : '}}';
  const sameOpener = opener === (percent ? '{%' : '{{');
  const cursor = document.positionAt(input.offset);
  const rest = /^([\w.]*)([ \t]*(?:\}\}|%\}))?/.exec(after)!;
  const restWord = rest[1]!.length;
  const closerAfter = rest[2];
  // Writing `{{` on a `{%…%}` platform: the item replaces the opener too, so the result is in the platform's syntax.
  const start = cursor.character - (sameOpener ? typed.length : whole.length);
  const end = cursor.character + restWord + (!sameOpener && closerAfter ? closerAfter.length : 0);
  const range: LspRange = { start: { line: cursor.line, character: start }, end: { line: cursor.line, character: end } };
  return platform.placeholders.map((info, index) => {
    const written = formatPlaceholder(platform, info.name);
    const newText = sameOpener ? `${info.name}${closerAfter?.trim() === closer ? '' : `${space}${closer}`}` : written;
    return {
      label: info.name,
      kind: CompletionItemKind.Variable,
      detail: info.description,
      documentation: { kind: MarkupKind.Markdown, value: `\`${written}\` — ${info.description}\n\n${platform.label} · sample: “${info.sample}”` },
      filterText: sameOpener ? info.name : `${opener}${space}${info.name}`,
      sortText: String(index).padStart(3, '0'),
      textEdit: { range, newText },
    };
  });
}

function phraseSnippets(input: CompletionInput, before: string): CompletionItem[] {
  const word = /([\p{L}'’-]*)$/u.exec(before)![1]!;
  const position = input.document.positionAt(input.offset);
  const range: LspRange = { start: { line: position.line, character: position.character - word.length }, end: position };
  return PHRASE_SNIPPETS.map((snippet) => ({
    label: snippet.label,
    kind: CompletionItemKind.Snippet,
    detail: 'Tactful: recommended phrase',
    documentation: { kind: MarkupKind.Markdown, value: `${snippet.description}\n\n> ${expandSnippet(snippet.body)}` },
    filterText: `${snippet.keywords} ${snippet.label}`,
    sortText: `zz-${snippet.id}`,
    insertTextFormat: input.snippetSupport ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range, newText: input.snippetSupport ? snippet.body : expandSnippet(snippet.body) },
  }));
}
