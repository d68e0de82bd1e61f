import { parseArgs } from 'node:util';
import { PARALLEL_MIN_FILES } from './threads.js';
import { UsageError } from './usage-error.js';
import { VERSION } from './version.js';
import type { LintCommand } from './lint-command.js';

// Only what `--help`, `--version` and a usage error need is imported up front:
// the engine (several hundred modules with the Markdown and English parsers)
// is imported by lint-command.js once there is something to lint.

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
  const { lintCommand } = await import('./lint-command.js');
  return lintCommand({
    format: format as LintCommand['format'],
    fix: values.fix!,
    fixDryRun: values['fix-dry-run']!,
    rules: values.rule ?? [],
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(maxWarnings !== undefined ? { maxWarnings } : {}),
    ...(threads !== undefined ? { threads } : {}),
    quiet: values.quiet!,
    color: values['no-color'] ? false : values.color,
    files: positionals,
  }, io);
}
