import {
  DiagnosticSeverity, DiagnosticTag,
  type Diagnostic, type Range as LspRange, type TextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigError } from '../engine/config.js';
import type { Finding, Range, Severity } from '../engine/types.js';
import { ruleIds } from '../rules/index.js';
import { SOURCE, ruleDocUrl } from './constants.js';

/** What travels in `diagnostic.data`: enough for code actions without server state. */
export interface DiagnosticData {
  ruleId: string;
  actual?: string;
  rewrites: { title: string; edit: TextEdit }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspRange(document: Pick<TextDocument, 'positionAt'>, range: Range): LspRange {
  return { start: document.positionAt(range.start), end: document.positionAt(range.end) };
}

export function hasRuleDoc(ruleId: string): boolean {
  return ruleIds.has(ruleId);
}

export function toDiagnostic(document: Pick<TextDocument, 'positionAt'>, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    ruleId: finding.ruleId,
    ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    rewrites: finding.suggestions.map((suggestion) => ({
      title: suggestion.title,
      edit: { range: toLspRange(document, suggestion.edit.range), newText: suggestion.edit.text },
    })),
  };
  const diagnostic: Diagnostic = {
    range: toLspRange(document, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    source: SOURCE,
    message: finding.message,
    data,
  };
  if (hasRuleDoc(finding.ruleId)) diagnostic.codeDescription = { href: ruleDocUrl(finding.ruleId) };
  if (finding.ruleId === 'unused-directive') diagnostic.tags = [DiagnosticTag.Unnecessary];
  return diagnostic;
}

/** A diagnostic Tactful made (as opposed to another extension's on the same line). */
export function isTactfulDiagnostic(diagnostic: Diagnostic): diagnostic is Diagnostic & { code: string } {
  return diagnostic.source === SOURCE && typeof diagnostic.code === 'string';
}

export function dataOf(diagnostic: Diagnostic): DiagnosticData {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return {
    ruleId: typeof data?.ruleId === 'string' ? data.ruleId : String(diagnostic.code ?? ''),
    ...(typeof data?.actual === 'string' ? { actual: data.actual } : {}),
    rewrites: Array.isArray(data?.rewrites) ? data.rewrites.filter((r) => r && typeof r.title === 'string' && r.edit?.range) : [],
  };
}

/** A configuration problem as a diagnostic on the configuration file. */
export function configErrorDiagnostic(document: Pick<TextDocument, 'positionAt'>, error: ConfigError): Diagnostic {
  const range = error.range ?? { start: 0, end: 0 };
  return {
    range: toLspRange(document, range),
    severity: DiagnosticSeverity.Error,
    code: 'config',
    source: SOURCE,
    message: `${error.key ? `${error.key}: ` : ''}${error.message}`,
  };
}
