import { parseDocument, isMap, isScalar, isSeq } from 'yaml';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { eolOf, minimalEdit } from './edits.js';

/** A word as a YAML scalar: plain where YAML allows it, quoted otherwise. */
function yamlScalar(word: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N}'’_.-]*$/u.test(word) && !/^(true|false|null|yes|no|on|off|~)$/i.test(word) ? word : JSON.stringify(word);
}

/**
 * The edit that adds `word` to the `words` list of a configuration file's
 * text, keeping the rest of the file as written. Undefined when the word is
 * already listed or the file cannot be edited safely (broken YAML or JSON).
 */
export function addWordToConfigText(text: string, fileName: string, word: string): TextEdit | undefined {
  const document = TextDocument.create('file:///config', fileName.endsWith('.json') ? 'json' : 'yaml', 0, text);
  if (fileName.endsWith('.json')) {
    let value: unknown;
    try {
      value = JSON.parse(text.trim() === '' ? '{}' : text);
    } catch {
      return undefined;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const record = value as Record<string, unknown>;
    const words = Array.isArray(record.words) ? record.words : [];
    if (words.includes(word)) return undefined;
    record.words = [...words, word];
    return minimalEdit(document, text, `${JSON.stringify(record, null, 2)}\n`);
  }

  const yaml = parseDocument(text);
  if (yaml.errors.length > 0) return undefined;
  const eol = eolOf(text);
  const contents = yaml.contents;
  if (contents !== null && !isMap(contents)) return undefined;
  const pair = contents?.items.find((item) => isScalar(item.key) && item.key.value === 'words');
  if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) {
    if (pair) {
      // `words:` with no value.
      const end = (pair.key as { range?: [number, number, number] }).range?.[1];
      if (end === undefined) return undefined;
      const colon = text.indexOf(':', end);
      return minimalEdit(document, text, `${text.slice(0, colon + 1)} [${yamlScalar(word)}]${text.slice(colon + 1).replace(/^[ \t]*(~|null)?/, '')}`);
    }
    const prefix = text === '' || text.endsWith('\n') ? '' : eol;
    const at = document.positionAt(text.length);
    return { range: { start: at, end: at }, newText: `${prefix}words: [${yamlScalar(word)}]${eol}` };
  }
  const list = pair.value;
  if (!isSeq(list) || !list.range) return undefined;
  if (list.items.some((item) => isScalar(item) && item.value === word)) return undefined;
  if (list.flow) {
    const close = text.lastIndexOf(']', list.range[1]);
    if (close === -1) return undefined;
    const inner = text.slice(text.indexOf('[', list.range[0]) + 1, close);
    const insertion = inner.trim() === '' ? yamlScalar(word) : `, ${yamlScalar(word)}`;
    const trimmedClose = inner.trim() === '' ? close : text.slice(0, close).trimEnd().length;
    const at = document.positionAt(trimmedClose);
    return { range: { start: at, end: at }, newText: insertion };
  }
  const last = list.items.at(-1) as { range?: [number, number, number] } | undefined;
  const lastEnd = last?.range?.[1];
  if (lastEnd === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', lastEnd - 1) + 1;
  const indent = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const lineEnd = text.indexOf('\n', lastEnd);
  const insertAt = lineEnd === -1 ? text.length : (text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
  const at = document.positionAt(insertAt);
  return { range: { start: at, end: at }, newText: `${eol}${indent}- ${yamlScalar(word)}` };
}

/** A new `.tactful.yaml` holding just the word list. */
export function newConfigWithWord(word: string): string {
  return `words: [${yamlScalar(word)}]\n`;
}
