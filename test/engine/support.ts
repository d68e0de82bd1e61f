/** Shared helpers for the engine tests: lint with a fixed set of rules, temp folders. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { lint, rules, type Finding, type LintResult, type ResolvedConfig, type RuleDefinition } from 'tactful-server';
import { configOf, describeFinding } from '../helpers.js';
import type { ConfigFile } from 'tactful-server';

/**
 * The rules these tests rely on. Other rules come and go while the rule set
 * grows; pinning the set keeps "nothing else fired" assertions meaningful.
 */
export const ENGINE_RULE_IDS = [
  'no-overpromise', 'placeholder-syntax', 'unknown-placeholder', 'placeholder-fallback',
  'frontmatter', 'unknown-rule', 'unused-directive',
];

/**
 * A phrase rule that exists only in these tests. The shipped rules' phrase
 * lists are tuned by their authors; the engine's matching, masking and
 * rewriting are tested against this fixed list so that a data change in a
 * rule cannot make an engine test pass or fail.
 */
export const TEST_RULE_ID = 'engine-test-phrase';
export const testPhraseRule: RuleDefinition = {
  id: TEST_RULE_ID,
  title: 'Engine test phrases',
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['MACRO-FORMAT'], summary: 'Phrases the engine tests look for.' },
  message: '"{actual}" is a test phrase.',
  phrases: [
    { match: 'right away', suggest: ['as soon as we can', 'within one business day'] },
    { match: ['right-away', 'right.away'], suggest: ['soon'] },
    { match: ['definitely', '100%'], suggest: [''] },
    { match: 'this will not happen again', suggest: ["we're taking steps so this doesn't happen again"] },
  ],
};

export const engineRules: RuleDefinition[] = [...rules.filter((rule) => ENGINE_RULE_IDS.includes(rule.id)), testPhraseRule];

export const FRONT = '---\ntitle: Shipping update\n---\n';

export function lintWith(text: string, config: ResolvedConfig | ConfigFile = {}): LintResult {
  const resolved = 'files' in config ? (config as ResolvedConfig) : configOf(config as ConfigFile);
  return lint(text, { rules: engineRules, config: resolved });
}

export function findingsFor(text: string, ruleIds: string[], config: ResolvedConfig | ConfigFile = {}): Finding[] {
  return lintWith(text, config).findings.filter((f) => ruleIds.includes(f.ruleId));
}

/** Lint-output lines (`line:col-line:col severity rule "text"`) for `ruleIds`. */
export function linesFor(text: string, ruleIds: string[], config: ResolvedConfig | ConfigFile = {}): string[] {
  return findingsFor(text, ruleIds, config).map((f) => describeFinding(text, f));
}

/** The text each finding covers. */
export function slices(text: string, findings: Finding[]): string[] {
  return findings.map((f) => text.slice(f.range.start, f.range.end));
}

/** A temporary folder with `files` written into it; call `cleanup` when done. */
export function tempTree(files: Record<string, string>): { root: string; path(rel: string): string; cleanup(): void } {
  const root = mkdtempSync(join(tmpdir(), 'tactful-engine-'));
  for (const [rel, text] of Object.entries(files)) {
    const file = join(root, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  return { root, path: (rel) => join(root, rel), cleanup: () => rmSync(root, { recursive: true, force: true }) };
}
