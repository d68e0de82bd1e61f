import { readFileSync } from 'node:fs';
import type { ConfigFile } from '../engine/config.js';
import type { RuleSetting } from '../engine/types.js';
import { rules, ruleIds } from '../rules/index.js';
import { ConfigLoader, formatConfigError } from '../node/config-loader.js';
import type { CliIo } from './cli.js';
import { findFiles } from './files.js';
import { toEslintResult, type EslintResult, type LintedFile } from './results.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { formatSarif } from './formatters/sarif.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';
import type { SourceFile } from './file-linter.js';
import { startLinting } from './workers.js';

/** A lint run as the command line asks for it (options already checked where no engine is needed). */
export interface LintCommand {
  format: 'stylish' | 'json' | 'sarif';
  /** `--fix`: write the fixes. */
  fix: boolean;
  /** `--fix-dry-run`: print the fixed text instead. */
  fixDryRun: boolean;
  /** `--rule id=level`, unchecked. */
  rules: string[];
  /** `--config`. */
  config?: string;
  maxWarnings?: number;
  threads?: number;
  quiet: boolean;
  /** `--color` / `--no-color`; undefined: colour on a terminal unless NO_COLOR is set. */
  color: boolean | undefined;
  /** Files, directories and globs to lint. */
  files: string[];
}

const SETTINGS = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Lints what the command line names and prints the report; resolves to the exit code. */
export async function lintCommand(command: LintCommand, io: CliIo): Promise<number> {
  const overrides: ConfigFile = { rules: {} };
  for (const rule of command.rules) {
    const [id, setting] = rule.split('=');
    if (!id || !setting || !SETTINGS.has(setting)) throw new UsageError(`--rule expects id=off|error|warning|info|hint, not "${rule}"`);
    if (!ruleIds.has(id)) throw new UsageError(`--rule names unknown rule "${id}"`);
    overrides.rules![id] = setting as RuleSetting;
  }
  if (command.config !== undefined) {
    try {
      readFileSync(command.config);
    } catch (error) {
      throw new UsageError(`cannot read --config "${command.config}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (command.files.length === 0) throw new UsageError('no files given; try `tactful examples` or see --help');

  const loader = new ConfigLoader({ knownRules: ruleIds, overrides, ...(command.config ? { explicitFile: command.config } : {}) });
  const search = findFiles(command.files, io.cwd, (dir) => loader.forFile(`${dir}/x.macro.md`).config.include, loader.forFile(`${io.cwd}/x.macro.md`).config.ignore);
  if (search.missing.length > 0) throw new UsageError(`no such file, directory or matching files: ${search.missing.map((m) => `"${m}"`).join(', ')}`);
  for (const dir of search.fellBackToMarkdown) io.stderr(`tactful: no *.macro.md files in "${dir}"; checking its *.md files\n`);

  // Workers (for a large library) start loading the engine while this thread reads the files.
  const fix = command.fix || command.fixDryRun;
  const settings = { overrides, ...(command.config ? { explicitFile: command.config } : {}), fix, write: command.fix, quiet: command.quiet };
  const linting = startLinting(search.files.length, settings, command.threads);

  const sources: SourceFile[] = [];
  const results: EslintResult[] = [];
  for (const file of search.files) {
    const read = readText(file);
    if (typeof read === 'string') sources.push({ file, source: read });
    else results.push(fatalResult(file, read.error));
  }

  const reportedConfigs = new Set<string>();
  const outcomes = await linting.lint(sources);

  for (const outcome of outcomes) {
    for (const error of outcome.configErrors) {
      const key = formatConfigError(error);
      if (reportedConfigs.has(key)) continue;
      reportedConfigs.add(key);
      io.stderr(`tactful: ${key}\n`);
      results.push(configResult(error.file, error.key, error.message, error.range));
    }
    if (outcome.writeError) throw new UsageError(outcome.writeError);
    results.push(outcome.result);
  }

  const color = command.color ?? (io.isTty && !io.env.NO_COLOR);
  if (command.format === 'json') io.stdout(`${formatJson(results)}\n`);
  else if (command.format === 'sarif') io.stdout(`${formatSarif(results, rules, { cwd: io.cwd, version: VERSION })}\n`);
  else {
    io.stdout(formatStylish(results, { color, cwd: io.cwd }));
    if (command.fixDryRun) {
      for (const result of results) if (result.output !== undefined) io.stdout(`\n--- ${result.filePath} (fixed)\n${result.output}`);
    }
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (command.maxWarnings !== undefined && warnings > command.maxWarnings) {
    io.stderr(`tactful: ${warnings} warnings, more than --max-warnings ${command.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** The file's text, or why it cannot be linted (binary data, not UTF-8, unreadable). */
function readText(file: string): string | { error: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { error: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (bytes.subarray(0, 8192).includes(0)) return { error: 'not a text file (it contains binary data); skipped' };
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { error: 'not valid UTF-8 text; save it as UTF-8 to check it' };
  }
}

function fatalResult(filePath: string, message: string): EslintResult {
  return {
    filePath,
    messages: [{ ruleId: null, severity: 2, level: 'error', message, line: 1, column: 1, endLine: 1, endColumn: 1, fatal: true }],
    suppressedMessages: [],
    errorCount: 1,
    fatalErrorCount: 1,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    usedDeprecatedRules: [],
  };
}

function configResult(file: string, key: string, message: string, range?: { start: number; end: number }): EslintResult {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // Position falls back to 1:1.
  }
  const linted: LintedFile = {
    filePath: file,
    source: text,
    findings: [{ ruleId: 'config', severity: 'error', message: `${key ? `${key}: ` : ''}${message}`, range: range ?? { start: 0, end: 0 }, suggestions: [] }],
  };
  return toEslintResult(linted);
}
