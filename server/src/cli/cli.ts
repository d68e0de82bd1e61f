import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ConfigFile } from '../engine/config.js';
import type { RuleSetting } from '../engine/types.js';
import { rules, ruleIds } from '../rules/index.js';
import { ConfigLoader, formatConfigError } from '../node/config-loader.js';
import { findFiles } from './files.js';
import { toEslintResult, type EslintResult, type LintedFile } from './results.js';
import { formatJson } from './formatters/json.js';
import { formatStylish } from './formatters/stylish.js';
import { formatSarif } from './formatters/sarif.js';
import { VERSION } from './version.js';
import { lintFiles, PARALLEL_MIN_FILES } from './workers.js';

export const HELP = `tactful [options] [file|dir|glob ...]

Checks customer-support macros against customer-service writing guidelines.
Directories are searched for *.macro.md and the configured include globs.

Options:
  -f, --format <name>    stylish (default), json (ESLint's shape) or sarif
      --fix              write the preferred rewrite of every fixable finding
      --fix-dry-run      print the fixed text instead of writing it
      --rule <id=level>  set a rule to off, error, warning, info or hint (repeatable)
  -c, --config <path>    use this configuration file instead of searching
      --max-warnings <n> exit 1 when there are more than n warnings
      --threads <n>      lint in n threads (default: one per core from
                         ${PARALLEL_MIN_FILES} files on; 1: no worker threads)
      --quiet            report errors only
      --color, --no-color  force or disable colour
  -v, --version          print the version
  -h, --help             print this help

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage or I/O error.`;

export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: Record<string, string | undefined>;
}

class UsageError extends Error {}

const SETTINGS = new Set(['off', 'error', 'warning', 'info', 'hint']);

/** Runs the command line; resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  try {
    return await run(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tactful: ${error.message}\n`);
      return 2;
    }
    io.stderr(`tactful: ${(error as Error).message}\n`);
    return 2;
  }
}

async function run(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f', default: 'stylish' },
        fix: { type: 'boolean', default: false },
        'fix-dry-run': { type: 'boolean', default: false },
        rule: { type: 'string', multiple: true, default: [] },
        config: { type: 'string', short: 'c' },
        'max-warnings': { type: 'string' },
        threads: { type: 'string' },
        quiet: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        version: { type: 'boolean', short: 'v', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.replace(/\. To specify.*$/s, '')} (see --help)`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const format = values.format!;
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown format "${format}"; use stylish, json or sarif`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings needs a whole number, not "${values['max-warnings']}"`);
  }
  let threads: number | undefined;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1) throw new UsageError(`--threads needs a whole number of at least 1, not "${values.threads}"`);
  }
  const overrides: ConfigFile = { rules: {} };
  for (const rule of values.rule ?? []) {
    const [id, setting] = rule.split('=');
    if (!id || !setting || !SETTINGS.has(setting)) throw new UsageError(`--rule expects id=off|error|warning|info|hint, not "${rule}"`);
    if (!ruleIds.has(id)) throw new UsageError(`--rule names unknown rule "${id}"`);
    overrides.rules![id] = setting as RuleSetting;
  }
  if (values.config !== undefined) {
    try {
      readFileSync(values.config);
    } catch (error) {
      throw new UsageError(`cannot read --config "${values.config}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
  if (positionals.length === 0) throw new UsageError('no files given; try `tactful examples` or see --help');

  const loader = new ConfigLoader({ knownRules: ruleIds, overrides, ...(values.config ? { explicitFile: values.config } : {}) });
  const search = findFiles(positionals, io.cwd, (dir) => loader.forFile(`${dir}/x.macro.md`).config.include, loader.forFile(`${io.cwd}/x.macro.md`).config.ignore);
  if (search.missing.length > 0) throw new UsageError(`no such file, directory or matching files: ${search.missing.map((m) => `"${m}"`).join(', ')}`);
  for (const dir of search.fellBackToMarkdown) io.stderr(`tactful: no *.macro.md files in "${dir}"; checking its *.md files\n`);

  const sources = new Map<string, string>();
  const results: EslintResult[] = [];
  for (const file of search.files) {
    const read = readText(file);
    if (typeof read === 'string') sources.set(file, read);
    else results.push(fatalResult(file, read.error));
  }

  const reportedConfigs = new Set<string>();
  const fix = values.fix || values['fix-dry-run'];
  const outcomes = await lintFiles(
    [...sources].map(([file, source]) => ({ file, source })),
    { overrides, ...(values.config ? { explicitFile: values.config } : {}), fix, write: values.fix, quiet: values.quiet },
    threads,
  );

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

  const color = values['no-color'] ? false : values.color ?? (io.isTty && !io.env.NO_COLOR);
  if (format === 'json') io.stdout(`${formatJson(results)}\n`);
  else if (format === 'sarif') io.stdout(`${formatSarif(results, rules, { cwd: io.cwd, version: VERSION })}\n`);
  else {
    io.stdout(formatStylish(results, { color, cwd: io.cwd }));
    if (values['fix-dry-run']) {
      for (const result of results) if (result.output !== undefined) io.stdout(`\n--- ${result.filePath} (fixed)\n${result.output}`);
    }
  }

  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr(`tactful: ${warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
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
