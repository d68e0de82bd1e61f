import { lint } from '../engine/lint.js';
import { fixText } from '../engine/fix.js';
import { fingerprint, type WorkspaceIndex } from '../engine/duplicates.js';
import type { ConfigError, ConfigFile } from '../engine/config.js';
import { rules, ruleIds } from '../rules/index.js';
import { ConfigLoader } from '../node/config-loader.js';
import { writeFileAtomic } from '../node/safe-write.js';
import { toEslintResult, type EslintResult, type LintedFile } from './results.js';

/** What every file is linted with: plain data, so it can be sent to a worker. */
export interface LintSettings {
  /** `--rule` overrides. */
  overrides: ConfigFile;
  /** `--config`. */
  explicitFile?: string;
  /** Compute fixes (`--fix` or `--fix-dry-run`). */
  fix: boolean;
  /** Write the fixed text back (`--fix`). */
  write: boolean;
  /** Keep errors only (`--quiet`). */
  quiet: boolean;
}

export interface SourceFile {
  file: string;
  source: string;
}

export interface FileOutcome {
  result: EslintResult;
  /** Problems of the configuration that applies to the file (the caller reports each once). */
  configErrors: ConfigError[];
  /** Set when `--fix` could not write the file; the file's result is then not to be trusted. */
  writeError?: string;
}

/** Lints one file: the CLI's per-file work, the same in the main thread and in a worker. */
export class FileLinter {
  private readonly loader: ConfigLoader;

  constructor(private readonly settings: LintSettings, private readonly workspace: WorkspaceIndex) {
    this.loader = new ConfigLoader({
      knownRules: ruleIds,
      overrides: settings.overrides,
      ...(settings.explicitFile ? { explicitFile: settings.explicitFile } : {}),
    });
  }

  lint({ file, source }: SourceFile): FileOutcome {
    const { config, errors } = this.loader.forFile(file);
    const lintText = (text: string) => lint(text, { rules, config, filePath: file, workspace: this.workspace }).findings;
    const linted: LintedFile = { filePath: file, source, findings: lintText(source) };
    let writeError: string | undefined;
    if (this.settings.fix && linted.findings.some((f) => f.suggestions.length > 0)) {
      const fixed = fixText(source, lintText);
      if (fixed.output !== source) {
        if (this.settings.write) {
          try {
            // Not over text the writer saved after it was read (an editor, another run).
            writeFileAtomic(file, fixed.output, { expected: source });
          } catch (error) {
            const code = (error as NodeJS.ErrnoException).code;
            writeError = `cannot write "${file}": ${code === 'ECHANGED' ? (error as Error).message : code ?? (error as Error).message}`;
          }
        }
        linted.source = fixed.output;
        linted.findings = lintText(fixed.output);
        linted.output = fixed.output;
      }
    }
    if (this.settings.quiet) linted.findings = linted.findings.filter((f) => f.severity === 'error');
    return { result: toEslintResult(linted), configErrors: errors, ...(writeError ? { writeError } : {}) };
  }
}

/** The workspace index duplicate-macro compares each file with: every file linted. */
export function workspaceOf(files: SourceFile[]): WorkspaceIndex {
  return { macros: files.map(({ file, source }) => fingerprint(file, source)) };
}
