import {
  TextDocumentEdit, CreateFile,
  type Range as LspRange, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** What the client can take in a `WorkspaceEdit`. */
export interface EditSupport {
  documentChanges: boolean;
  createFiles: boolean;
}

export function workspaceEdit(uri: string, version: number | null, edits: TextEdit[], support: EditSupport): WorkspaceEdit {
  return support.documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] }
    : { changes: { [uri]: edits } };
}

/** Creates `uri` with `text`, or undefined where the client cannot create files. */
export function createFileEdit(uri: string, text: string, support: EditSupport): WorkspaceEdit | undefined {
  if (!support.documentChanges || !support.createFiles) return undefined;
  return {
    documentChanges: [
      CreateFile.create(uri, { ignoreIfExists: true }),
      TextDocumentEdit.create({ uri, version: null }, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }]),
    ],
  };
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * The smallest single edit that turns `before` into `after` (common prefix and
 * suffix kept), never splitting a surrogate pair or a CRLF. Undefined when equal.
 */
export function minimalEdit(document: Pick<TextDocument, 'positionAt'>, before: string, after: string): TextEdit | undefined {
  if (before === after) return undefined;
  let start = 0;
  const limit = Math.min(before.length, after.length);
  while (start < limit && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  while (start > 0 && (isHighSurrogate(before.charCodeAt(start - 1)) || before[start - 1] === '\r')) start--;
  while (endBefore < before.length && (isHighSurrogate(before.charCodeAt(endBefore - 1)) || (before[endBefore] === '\n' && before[endBefore - 1] === '\r'))) {
    endBefore++;
    endAfter++;
  }
  const range: LspRange = { start: document.positionAt(start), end: document.positionAt(endBefore) };
  return { range, newText: after.slice(start, endAfter) };
}

/** The line break a document already uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}
