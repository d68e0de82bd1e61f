import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  lint, rules, fixText, defaultConfig, mergeConfig,
  type ConfigFile, type Finding, type ResolvedConfig,
} from 'tactful-server';

/** The repository root, from test/out/… or test/…. */
export const repoRoot = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'server'))) dir = dirname(dir);
  return dir;
})();

export const fixturesDir = join(repoRoot, 'test', 'fixtures');

export function configOf(layer: ConfigFile = {}): ResolvedConfig {
  return mergeConfig(defaultConfig(), layer);
}

export function findingsOf(text: string, layer?: ConfigFile): Finding[] {
  return lint(text, { rules, config: configOf(layer) }).findings;
}

/**
 * A finding as one line of lint output, 1-based line and UTF-16 column:
 * `3:12-3:22 warning no-overpromise "right away"`.
 */
export function describeFinding(text: string, finding: Finding): string {
  const at = (offset: number) => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return `${line}:${column}`;
  };
  return `${at(finding.range.start)}-${at(finding.range.end)} ${finding.severity} ${finding.ruleId} ${JSON.stringify(text.slice(finding.range.start, finding.range.end))}`;
}

/** Findings of `ruleIds` (all when omitted) as lint-output lines. */
export function lintLines(text: string, ruleIds?: string[], layer?: ConfigFile): string[] {
  return findingsOf(text, layer)
    .filter((f) => !ruleIds || ruleIds.includes(f.ruleId))
    .map((f) => describeFinding(text, f));
}

/** Applies every preferred rewrite of `ruleIds` until stable. */
export function fixOnly(text: string, ruleIds: string[], layer?: ConfigFile): string {
  const config = configOf(layer);
  return fixText(text, (t) => lint(t, { rules, config }).findings, (f) => ruleIds.includes(f.ruleId)).output;
}

export function readFixture(...parts: string[]): string {
  return readFileSync(join(fixturesDir, ...parts), 'utf8');
}

export function listDir(path: string): string[] {
  return existsSync(path) ? readdirSync(path).sort() : [];
}
