/**
 * Tactful's requests beyond LSP. Plain method names and JSON shapes, so any
 * editor can send them; the VS Code client uses the same names.
 */
import type { TextDocumentIdentifier, WorkDoneProgressParams } from 'vscode-languageserver';

export const LintWorkspaceMethod = 'tactful/lintWorkspace';
export interface LintWorkspaceParams extends WorkDoneProgressParams {
  /** Folder URIs to lint; default: every workspace folder. */
  folders?: string[];
}
export interface LintWorkspaceResult {
  files: number;
  /** Files with at least one finding. */
  filesWithProblems: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  /** True when the file cap stopped the walk. */
  truncated: boolean;
}

export const PreviewMethod = 'tactful/preview';
export interface PreviewParams {
  textDocument: TextDocumentIdentifier;
}
export interface PreviewResult {
  /** The body as the customer receives it: sample values in, front matter and directives out. */
  text: string;
  title?: string;
  platform: string;
  version: number;
}

export const NewMacroMethod = 'tactful/newMacro';
export interface NewMacroParams {
  title: string;
  channel?: string;
  tags?: string[];
  platform?: string;
  /** A folder or file URI whose configuration decides the platform. */
  uri?: string;
}
export interface NewMacroResult {
  text: string;
  /** A suggested file name, `<slug>.macro.md`. */
  fileName: string;
}

export const MetadataMethod = 'tactful/metadata';
export interface MetadataResult {
  rules: { id: string; title: string; href: string; summary: string }[];
  channels: string[];
  tags: string[];
  platforms: { id: string; label: string }[];
}
