import type { RuleContext, RuleDefinition, RuleReport } from './rule.js';
import type { ResolvedConfig } from './config.js';
import { defaultConfig, severityOf } from './config.js';
import { parseMacro } from './parse.js';
import { compileMatcher } from './phrase-rules.js';
import { applyDirectives } from './suppress.js';
import { replacementEdit } from './edits.js';
import type { Finding, MacroDocument, Severity } from './types.js';
import type { WorkspaceIndex } from './duplicates.js';
import { platforms, type PlatformData } from '../platforms/index.js';

export interface LintOptions {
  config?: ResolvedConfig;
  rules: readonly RuleDefinition[];
  /** The file's path, for messages and cross-file rules. */
  filePath?: string;
  /** Fingerprints of the workspace's macros, for duplicate-macro. */
  workspace?: WorkspaceIndex;
}

export interface LintResult {
  document: MacroDocument;
  findings: Finding[];
}

/** Text and config in, findings out. Pure: no file system, no editor. */
export function lint(source: string, options: LintOptions): LintResult {
  const document = parseMacro(source);
  return { document, findings: lintDocument(document, options) };
}

export function lintDocument(document: MacroDocument, options: LintOptions): Finding[] {
  const config = options.config ?? defaultConfig();
  const platform = platformFor(document, config);
  const findings: Finding[] = [];
  const active = new Map<string, { rule: RuleDefinition; severity: Severity }>();

  for (const rule of options.rules) {
    const severity = severityOf(config.rules[rule.id]?.setting, rule.severity);
    if (!severity) continue;
    if (rule.exemptTags?.some((tag) => document.frontMatter.tags.includes(tag))) continue;
    active.set(rule.id, { rule, severity });
  }

  const phraseRules = [...active.values()].filter(({ rule }) => rule.phrases).map(({ rule }) => rule);
  if (phraseRules.length > 0) {
    const matcher = compileMatcher(phraseRules, config);
    for (const match of matcher.run(document, config)) {
      const { rule, severity } = active.get(match.ruleId)!;
      const actual = document.source.slice(match.start, match.end);
      const message = (match.entry.message ?? rule.message ?? `"{actual}" goes against "${rule.title}".`).replaceAll('{actual}', actual);
      findings.push({
        ruleId: rule.id,
        severity,
        message,
        range: { start: match.start, end: match.end },
        actual,
        suggestions: match.entry.suggest.map((suggestion) => {
          const edit = replacementEdit(document.source, { start: match.start, end: match.end }, suggestion);
          return { title: suggestion === '' ? `Remove "${actual}"` : `Replace with "${edit.text || suggestion}"`, edit };
        }),
      });
    }
  }

  for (const { rule, severity } of active.values()) {
    if (!rule.check) continue;
    const reports: RuleReport[] = [];
    const context: RuleContext = {
      document,
      config,
      platform,
      options: { ...rule.defaults, ...config.rules[rule.id]?.options },
      ...(options.filePath ? { filePath: options.filePath } : {}),
      ...(options.workspace ? { workspace: options.workspace } : {}),
      report: (report) => reports.push(report),
    };
    try {
      rule.check(context);
    } catch (error) {
      // One broken rule must not silence the others.
      findings.push({
        ruleId: rule.id,
        severity: 'error',
        message: `Tactful's rule "${rule.id}" failed on this file and was skipped: ${(error as Error)?.message ?? String(error)}`,
        range: { start: document.bodyStart, end: document.bodyStart },
        suggestions: [],
      });
      continue;
    }
    for (const report of reports) {
      findings.push({
        ruleId: rule.id,
        severity: report.severity ?? severity,
        message: report.message,
        range: report.range,
        actual: report.actual ?? document.source.slice(report.range.start, report.range.end),
        suggestions: report.suggestions ?? [],
      });
    }
  }

  const known = new Set(options.rules.map((rule) => rule.id));
  const result = applyDirectives(document, findings, known, (id) => severityOf(config.rules[id]?.setting, id === 'unused-directive' ? 'hint' : 'warning'));
  return result.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}

/** The macro's own `platform`, else the configured one, with the team's custom fields added. */
export function platformFor(document: MacroDocument, config: ResolvedConfig): PlatformData {
  const base = platforms[document.frontMatter.platform ?? config.platform] ?? platforms.generic;
  if (config.placeholders.length === 0) return base;
  return {
    ...base,
    placeholders: [
      ...base.placeholders,
      ...config.placeholders.map((name) => ({ name, description: 'A custom field from your configuration', sample: name })),
    ],
  };
}
