// What the editors should show, from Tactful's own command line: the same
// engine the language server runs. The suites compare what a user sees in the
// editor with this, so they keep passing as rules are added or reworded, and
// fail when the editor path (packaging, LSP conversion, positions) loses or
// bends a finding.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export class Oracle {
  /** @param {string} repoRoot  where server/bin/tactful.js lives
   *  @param {string} scratchRoot  a folder for texts that exist only in an editor */
  constructor(repoRoot, scratchRoot) {
    this.repoRoot = repoRoot;
    this.scratchRoot = scratchRoot;
    this.bin = join(repoRoot, 'server', 'bin', 'tactful.js');
  }

  run(args) {
    try {
      return execFileSync(process.execPath, [this.bin, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      // Exit code 1 means "found errors"; the JSON is still on stdout.
      if (error.status === 1 && error.stdout) return error.stdout;
      throw new Error(`tactful ${args.join(' ')} failed (exit ${error.status}): ${error.stderr || error.message}`);
    }
  }

  /** ESLint-shaped results for files on disk; configuration found as the editor finds it. */
  results(files, { config, fix = false } = {}) {
    const args = ['--format', 'json', ...(fix ? ['--fix-dry-run'] : []), ...(config ? ['--config', config] : []), ...files];
    return JSON.parse(this.run(args));
  }

  /** Findings for several files on disk at once (one run): Map of file → findings. */
  findingsByFile(files, options) {
    const byPath = new Map(this.results(files, options).map((r) => [resolve(r.filePath), r.messages]));
    return new Map(files.map((file) => {
      const messages = byPath.get(resolve(file));
      if (!messages) throw new Error(`tactful reported nothing for ${file}`);
      return [file, normalize(messages)];
    }));
  }

  /** Findings for one file on disk. */
  findings(file, options) {
    const [result] = this.results([file], options);
    return normalize(result.messages);
  }

  /**
   * Findings for a text that is only in the editor (not saved): written to a
   * scratch copy with the same name, linted with the configuration `config`.
   */
  findingsForText(text, name, { config } = {}) {
    const dir = mkdtempSync(join(this.scratchRoot, 'oracle-'));
    try {
      const file = join(dir, basename(name));
      writeFileSync(file, text);
      return this.findings(file, { config });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The text `tactful --fix` would write for a text that is only in the editor. */
  fixedTextFor(text, name, { config } = {}) {
    const dir = mkdtempSync(join(this.scratchRoot, 'oracle-'));
    try {
      const file = join(dir, basename(name));
      writeFileSync(file, text);
      return this.fixedText(file, { config });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  /** The text `tactful --fix` would write for a file. */
  fixedText(file, options) {
    const [result] = this.results([file], { ...options, fix: true });
    return result.output ?? readFileSync(file, 'utf8');
  }
}

const LEVELS = { 2: 'error', 1: 'warning', 0: 'info' };

function normalize(messages) {
  return messages.map((m) => ({
    rule: m.ruleId,
    level: m.level ?? LEVELS[m.severity] ?? 'info',
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    suggestions: (m.suggestions ?? []).map((s) => ({ title: s.desc, range: s.fix.range, text: s.fix.text })),
  }));
}

/** "rule 10:17" keys, sorted: how the suites compare sets of findings. */
export function findingKeys(findings) {
  return findings.map((f) => `${f.rule} ${f.line}:${f.column}`).sort();
}

/** VS Code's Problems panel lists errors, warnings and infos; hints only show as dots in the editor. */
export function visibleInProblems(findings) {
  return findings.filter((f) => f.level !== 'hint');
}

/** Applies one [start, end) → text replacement to a string. */
export function applyFix(text, { range: [start, end], text: replacement }) {
  return text.slice(0, start) + replacement + text.slice(end);
}

/** Reads docs/rules/<id>.md: the rule's title and its guideline summary. */
export function ruleDoc(repoRoot, rule) {
  const file = join(repoRoot, 'docs', 'rules', `${rule}.md`);
  let text;
  try { text = readFileSync(file, 'utf8'); } catch { return undefined; }
  const title = /^#\s+[^:]+:\s*(.+)$/m.exec(text)?.[1]?.trim();
  const guideline = /^- Guideline:\s*(.+?)(?:\s*\(seed.*)?$/m.exec(text)?.[1]?.trim();
  return { file, title, guideline };
}
