import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixText } from '../engine/fix.js';
import { DIRECTIVE_RULES } from '../engine/suppress.js';
import type { Finding, MacroDocument } from '../engine/types.js';
import { ENGINE_NOTICE_ID } from '../engine/lint.js';
import { FIX_ALL_KIND, ServerCommands } from './constants.js';
import { dataOf, hasRuleDoc, isTactfulDiagnostic } from './diagnostics.js';
import { eolOf, minimalEdit, workspaceEdit, type EditSupport } from './edits.js';

/** The spelling rule whose findings offer "Add to the workspace word list". */
export const SPELLING_RULE = 'retext-spell';

export interface CodeActionInput {
  document: TextDocument;
  /** The parse of `document`'s current text. */
  macro: MacroDocument;
  /** Lints a text with the document's configuration. */
  lintText(text: string): Finding[];
  diagnostics: Diagnostic[];
  only?: string[];
  support: EditSupport;
  /** Builds the edit that adds a word to the workspace word list, where possible. */
  addWordEdit?(word: string): { edit: WorkspaceEdit; file: string } | undefined;
}

export function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { document, only } = input;
  const actions: CodeAction[] = [];

  if (only && wants(only, FIX_ALL_KIND)) {
    const fixAll = fixAllAction(input);
    if (fixAll) actions.push(fixAll);
  }
  if (!wants(only, CodeActionKind.QuickFix)) return actions;

  const fixAllOffered = new Set<string>();
  const docsOffered = new Set<string>();
  const disableOffered = new Set<string>();
  for (const diagnostic of input.diagnostics) {
    if (!isTactfulDiagnostic(diagnostic)) continue;
    const data = dataOf(diagnostic);
    const ruleId = data.ruleId;

    data.rewrites.forEach((rewrite, index) => {
      actions.push({
        title: rewrite.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: index === 0,
        edit: workspaceEdit(document.uri, document.version, [rewrite.edit], input.support),
      });
    });

    if (data.rewrites.length > 0 && !fixAllOffered.has(ruleId)) {
      fixAllOffered.add(ruleId);
      const edit = fixRuleEdit(input, ruleId);
      if (edit) {
        actions.push({
          title: `Fix all ${ruleId} problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(document.uri, document.version, [edit], input.support),
        });
      }
    }

    if (ruleId === SPELLING_RULE && input.addWordEdit) {
      const word = data.actual ?? document.getText(diagnostic.range);
      const added = word ? input.addWordEdit(word) : undefined;
      if (added) {
        actions.push({
          title: `Add '${word}' to the workspace word list`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: added.edit,
        });
      }
    }

    // Directives name rules; the configuration's and the engine's own notices are not rules.
    if (!DIRECTIVE_RULES.includes(ruleId) && ruleId !== 'config' && ruleId !== ENGINE_NOTICE_ID) {
      const lineKey = `${ruleId}:${diagnostic.range.start.line}`;
      if (!disableOffered.has(lineKey)) {
        disableOffered.add(lineKey);
        const lineEdit = disableLineEdit(document, input.macro, ruleId, diagnostic.range.start.line);
        if (lineEdit) {
          actions.push({
            title: `Disable ${ruleId} for this line`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: workspaceEdit(document.uri, document.version, [lineEdit], input.support),
          });
        }
      }
      if (!disableOffered.has(ruleId)) {
        disableOffered.add(ruleId);
        actions.push({
          title: `Disable ${ruleId} for this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: workspaceEdit(document.uri, document.version, [disableFileEdit(document, input.macro, ruleId)], input.support),
        });
      }
    }

    if (hasRuleDoc(ruleId) && !docsOffered.has(ruleId)) {
      docsOffered.add(ruleId);
      actions.push({
        title: `Show documentation for ${ruleId}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `Show documentation for ${ruleId}`, command: ServerCommands.showDocumentation, arguments: [ruleId] },
      });
    }
  }
  return actions;
}

/** Every preferred rewrite of `ruleId`, re-linted until stable, as one edit. */
function fixRuleEdit(input: CodeActionInput, ruleId: string): TextEdit | undefined {
  const before = input.document.getText();
  const { output } = fixText(before, input.lintText, (finding) => finding.ruleId === ruleId);
  return minimalEdit(input.document, before, output);
}

/** The whole-file fix (`source.fixAll.tactful`), or undefined when nothing is fixable. */
export function fixAllAction(input: Pick<CodeActionInput, 'document' | 'lintText' | 'support'>): CodeAction | undefined {
  const edit = fixAllEdit(input.document, input.lintText);
  if (!edit) return undefined;
  return {
    title: 'Fix all auto-fixable Tactful problems',
    kind: FIX_ALL_KIND,
    edit: workspaceEdit(input.document.uri, input.document.version, [edit], input.support),
  };
}

export function fixAllEdit(document: TextDocument, lintText: (text: string) => Finding[]): TextEdit | undefined {
  const before = document.getText();
  return minimalEdit(document, before, fixText(before, lintText).output);
}

function insertAt(document: TextDocument, offset: number, text: string): TextEdit {
  const position = document.positionAt(offset);
  return { range: { start: position, end: position }, newText: text };
}

function lineText(document: TextDocument, macro: MacroDocument, line: number): string {
  return document.getText().slice(macro.lines.lineStart(line), macro.lines.lineEnd(line));
}

/** Adds `ruleId` to an existing directive's list of rules. */
function extendDirective(document: TextDocument, directive: MacroDocument['directives'][number], ruleId: string): TextEdit {
  return insertAt(document, directive.ruleRanges.at(-1)!.end, `, ${ruleId}`);
}

/**
 * `<!-- tactful-disable-next-line rule -->` on its own line above the finding.
 * Inside a paragraph that started on an earlier line, a comment line would
 * split the paragraph in two, so the finding's own line gets a trailing
 * `<!-- tactful-disable-line rule -->` instead.
 */
export function disableLineEdit(document: TextDocument, macro: MacroDocument, ruleId: string, line: number): TextEdit | undefined {
  const lineStart = macro.lines.lineStart(line);
  if (macro.frontMatterRange && lineStart < macro.frontMatterRange.end) return undefined;

  const existing = macro.directives.find((d) =>
    d.rules.length > 0 && !d.rules.includes(ruleId)
    && ((d.kind === 'disable-next-line' && d.line === line - 1) || (d.kind === 'disable-line' && d.line === line)));
  if (existing) return extendDirective(document, existing, ruleId);

  const block = macro.blocks.find((b) => b.range.start <= macro.lines.lineEnd(line) && b.range.end >= lineStart);
  if (block && block.kind === 'paragraph' && macro.lines.position(block.range.start).line < line) {
    const end = macro.lines.lineEnd(line);
    const text = document.getText();
    const pad = end > lineStart && !/\s/.test(text[end - 1]!) ? ' ' : '';
    return insertAt(document, end, `${pad}<!-- tactful-disable-line ${ruleId} -->`);
  }
  const indent = /^[ \t]*/.exec(lineText(document, macro, line))![0];
  return insertAt(document, lineStart, `${indent}<!-- tactful-disable-next-line ${ruleId} -->${eolOf(document.getText())}`);
}

/** `<!-- tactful-disable-file rule -->` right after the front matter (or at the top). */
export function disableFileEdit(document: TextDocument, macro: MacroDocument, ruleId: string): TextEdit {
  const existing = macro.directives.find((d) => d.kind === 'disable-file' && d.rules.length > 0);
  if (existing) return extendDirective(document, existing, ruleId);
  const text = document.getText();
  const eol = eolOf(text);
  const comment = `<!-- tactful-disable-file ${ruleId} -->`;
  if (!macro.frontMatterRange) return insertAt(document, macro.bodyStart, `${comment}${eol}`);
  const fenceLine = macro.lines.position(macro.frontMatterRange.end).line;
  if (fenceLine + 1 >= macro.lines.lineCount) return insertAt(document, text.length, `${eol}${comment}${eol}`);
  return insertAt(document, macro.lines.lineStart(fenceLine + 1), `${comment}${eol}`);
}
