import { createLineIndex } from '../engine/text.js';
import type { Finding, Severity } from '../engine/types.js';

/** One linted file as the CLI knows it. */
export interface LintedFile {
  filePath: string;
  source: string;
  findings: Finding[];
  /** The fixed text, when --fix or --fix-dry-run changed something. */
  output?: string;
}

export interface EslintFix {
  range: [number, number];
  text: string;
}

/** A message exactly as ESLint's JSON formatter writes it, plus Tactful's `level`. */
export interface EslintMessage {
  ruleId: string | null;
  severity: 0 | 1 | 2;
  level: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: EslintFix;
  suggestions?: { desc: string; fix: EslintFix }[];
  /** Set when the file could not be linted at all. */
  fatal?: true;
}

export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  suppressedMessages: never[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: never[];
  output?: string;
}

export const SEVERITY_NUMBER: Record<Severity, 0 | 1 | 2> = { error: 2, warning: 1, info: 0, hint: 0 };

/** Line/column are 1-based, columns in UTF-16 code units, `endColumn` exclusive: as ESLint. */
export function toEslintResult(file: LintedFile): EslintResult {
  const lines = createLineIndex(file.source);
  const messages = file.findings.map((finding): EslintMessage => {
    const start = lines.position(finding.range.start);
    const end = lines.position(finding.range.end);
    const toFix = (edit: { range: { start: number; end: number }; text: string }): EslintFix => ({ range: [edit.range.start, edit.range.end], text: edit.text });
    const message: EslintMessage = {
      ruleId: finding.ruleId,
      severity: SEVERITY_NUMBER[finding.severity],
      level: finding.severity,
      message: finding.message,
      line: start.line + 1,
      column: start.column + 1,
      endLine: end.line + 1,
      endColumn: end.column + 1,
    };
    if (finding.suggestions.length > 0) {
      message.fix = toFix(finding.suggestions[0]!.edit);
      message.suggestions = finding.suggestions.map((s) => ({ desc: s.title, fix: toFix(s.edit) }));
    }
    return message;
  });
  const count = (severity: number, fixable = false) =>
    messages.filter((m) => m.severity === severity && (!fixable || m.fix)).length;
  return {
    filePath: file.filePath,
    messages,
    suppressedMessages: [],
    errorCount: count(2),
    fatalErrorCount: 0,
    warningCount: count(1),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    usedDeprecatedRules: [],
    ...(file.output !== undefined ? { output: file.output } : {}),
  };
}
