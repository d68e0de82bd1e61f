import { relative } from 'node:path';
import { styleText } from 'node:util';
import type { EslintResult } from '../results.js';

type Style = Parameters<typeof styleText>[0];

/** ESLint's `stylish` layout: a block per file, then a summary line. */
export function formatStylish(results: EslintResult[], options: { color: boolean; cwd: string }): string {
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text) : text);
  let out = '';
  let errors = 0;
  let warnings = 0;
  let notes = 0;
  let fixableErrors = 0;
  let fixableWarnings = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    notes += result.messages.filter((m) => m.severity === 0).length;
    fixableErrors += result.fixableErrorCount;
    fixableWarnings += result.fixableWarningCount;
    out += `\n${paint('underline', relative(options.cwd, result.filePath) || result.filePath)}\n`;
    const rows = result.messages.map((m) => [
      `${m.line}:${m.column}`,
      m.level === 'error' ? paint('red', 'error') : m.level === 'warning' ? paint('yellow', 'warning') : paint('blue', m.level),
      m.message.replace(/\n/g, ' '),
      paint('dim', m.ruleId ?? ''),
    ]);
    const widths = [0, 1].map((i) => Math.max(...rows.map((r) => visibleLength(r[i]!))));
    for (const row of rows) {
      out += `  ${pad(row[0]!, widths[0]!)}  ${pad(row[1]!, widths[1]!)}  ${row[2]}  ${row[3]}\n`;
    }
  }
  const total = errors + warnings + notes;
  if (total === 0) return '';
  const summary = `✖ ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${notes ? `, ${notes} info` : ''})`;
  out += `\n${paint(errors ? 'red' : warnings ? 'yellow' : 'blue', summary)}\n`;
  if (fixableErrors + fixableWarnings > 0) {
    out += paint(errors ? 'red' : 'yellow', `  ${fixableErrors} error${fixableErrors === 1 ? '' : 's'} and ${fixableWarnings} warning${fixableWarnings === 1 ? '' : 's'} potentially fixable with the \`--fix\` option.`) + '\n';
  }
  return out;
}

function visibleLength(text: string): number {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').length;
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - visibleLength(text)));
}
