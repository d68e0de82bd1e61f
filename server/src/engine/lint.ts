import type { RuleContext, RuleDefinition, RuleReport } from './rule.js';
import type { ResolvedConfig, RuleConfig } from './config.js';
import { defaultConfig, severityOf } from './config.js';
import { parseMacro, unreadDocument } from './parse.js';
import { beginLint } from './recent-cache.js';
import { compileMatcher } from './phrase-rules.js';
import { applyDirectives } from './suppress.js';
import { replacementEdit } from './edits.js';
import { blockAt } from './library-checks.js';
import type { Edit, Finding, MacroDocument, Severity } from './types.js';
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
  beginLint();
  return lintInCurrentGeneration(source, options);
}

/**
 * `lint` for a caller that has already begun this lint's cache generation (the
 * incremental linter falling back to a full lint): beginning another would
 * drop what the previous lint of the document left in the caches.
 */
export function lintInCurrentGeneration(source: string, options: LintOptions): LintResult {
  let document: MacroDocument;
  try {
    document = parseMacro(source);
  } catch (error) {
    // A parser failure is reported on the file, never thrown at the editor or the command line.
    document = unreadDocument(source, `Tactful could not read this macro (${(error as Error)?.message ?? String(error)}); only its front matter was checked. Please report this.`, true);
  }
  return { document, findings: lintDocument(document, options) };
}

/** `ruleId` of the engine's own notices (a macro too large to read, a parser failure). */
export const ENGINE_NOTICE_ID = 'tactful';

export function lintDocument(document: MacroDocument, options: LintOptions): Finding[] {
  const config = options.config ?? defaultConfig();
  const active = activeRules(document, options, config);
  const platform = platformFor(document, config);
  const findings = [...engineNotices(document), ...phraseFindings(document, config, active)];
  for (const { rule, severity } of active.values()) findings.push(...ruleFindings(document, options, config, rule, severity, platform));
  return finishFindings(document, findings, active, options, config);
}

export type ActiveRules = Map<string, { rule: RuleDefinition; severity: Severity }>;

/** The rules that run on this document, with their configured severity, in `options.rules` order. */
export function activeRules(document: MacroDocument, options: LintOptions, config: ResolvedConfig): ActiveRules {
  const active: ActiveRules = new Map();
  for (const rule of options.rules) {
    // Without a body only the front matter is there to check.
    if (document.unread && rule.category !== 'template') continue;
    const severity = severityOf(config.rules[rule.id]?.setting, rule.severity);
    if (!severity) continue;
    if (rule.exemptTags?.some((tag) => document.frontMatter.tags.includes(tag))) continue;
    active.set(rule.id, { rule, severity });
  }
  return active;
}

/** The engine's own notice on a document whose body was not read. */
export function engineNotices(document: MacroDocument): Finding[] {
  if (!document.unread) return [];
  const start = document.source.charCodeAt(0) === 0xfeff ? 1 : 0;
  return [{
    ruleId: ENGINE_NOTICE_ID,
    severity: document.unread.internalError ? 'error' : 'info',
    message: document.unread.message,
    range: { start, end: start },
    suggestions: [],
  }];
}

/** Findings of the active rules' `phrases`, all rules in one pass over the prose. */
export function phraseFindings(document: MacroDocument, config: ResolvedConfig, active: ActiveRules): Finding[] {
  const findings: Finding[] = [];
  const phraseRules = [...active.values()].filter(({ rule }) => rule.phrases).map(({ rule }) => rule);
  if (phraseRules.length === 0) return findings;
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
  return findings;
}

/** Each rule's defaults merged with a configuration's entry for it, once per entry (configurations are not changed once resolved). */
const mergedOptions = new WeakMap<RuleDefinition, WeakMap<object, Readonly<Record<string, unknown>>>>();
/** The key of a configuration that has no entry for the rule. */
const NO_ENTRY = {};

/**
 * A rule's options under a configuration: one frozen object for every
 * document linted with it, so rules and the library-check cache that key
 * results by options object find it again.
 */
function optionsOf(rule: RuleDefinition, entry: Partial<RuleConfig> | undefined): Readonly<Record<string, unknown>> {
  let perEntry = mergedOptions.get(rule);
  if (!perEntry) {
    perEntry = new WeakMap();
    mergedOptions.set(rule, perEntry);
  }
  let options = perEntry.get(entry ?? NO_ENTRY);
  if (!options) {
    options = Object.freeze({ ...rule.defaults, ...entry?.options });
    perEntry.set(entry ?? NO_ENTRY, options);
  }
  return options;
}

/**
 * The findings of one rule's `check`. A rule that throws or reports an
 * invalid range gives one error finding instead (`failed` is then true).
 */
export function ruleFindings(
  document: MacroDocument,
  options: LintOptions,
  config: ResolvedConfig,
  rule: RuleDefinition,
  severity: Severity,
  platform: PlatformData,
): Finding[] & { failed?: boolean } {
  if (!rule.check) return [];
  const reports: RuleReport[] = [];
  const context: RuleContext = {
    document,
    config,
    platform,
    options: optionsOf(rule, config.rules[rule.id]),
    ...(options.filePath ? { filePath: options.filePath } : {}),
    ...(options.workspace ? { workspace: options.workspace } : {}),
    report: (report) => reports.push(report),
  };
  try {
    rule.check(context);
    // A range outside the text (or not a range) would throw later, in the editor or the fixer.
    const invalid = reports.find((report) => !validReport(report, document.source.length));
    if (invalid) throw new Error(`it reported an invalid range ${JSON.stringify(invalid.range)}`);
  } catch (error) {
    // One broken rule must not silence the others.
    const failure: Finding[] & { failed?: boolean } = [{
      ruleId: rule.id,
      severity: 'error',
      message: `Tactful's rule "${rule.id}" failed on this file and was skipped: ${(error as Error)?.message ?? String(error)}`,
      range: { start: document.bodyStart, end: document.bodyStart },
      suggestions: [],
    }];
    failure.failed = true;
    return failure;
  }
  return reports.map((report) => ({
    ruleId: rule.id,
    severity: report.severity ?? severity,
    message: report.message,
    range: report.range,
    actual: report.actual ?? document.source.slice(report.range.start, report.range.end),
    suggestions: report.suggestions ?? [],
  }));
}

/** Drops rewrites that would break markup, applies the disable comments and sorts by position. */
export function finishFindings(document: MacroDocument, findings: Finding[], active: ActiveRules, options: LintOptions, config: ResolvedConfig): Finding[] {
  // New objects, not changed ones: the incremental linter keeps findings from one lint to the next.
  findings = findings.map((finding) => {
    const category = active.get(finding.ruleId)?.rule.category;
    if (finding.suggestions.length === 0 || (category !== 'phrase' && category !== 'library')) return finding;
    return { ...finding, suggestions: finding.suggestions.filter((suggestion) => keepsMarkup(document, suggestion.edit)) };
  });

  const known = new Set(options.rules.map((rule) => rule.id));
  const result = applyDirectives(document, findings, known, (id) => severityOf(config.rules[id]?.setting, id === 'unused-directive' ? 'hint' : 'warning'));
  return result.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || a.ruleId.localeCompare(b.ruleId));
}

function validRange(range: unknown, length: number): boolean {
  const { start, end } = (range ?? {}) as { start?: unknown; end?: unknown };
  return Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (start as number) <= (end as number) && (end as number) <= length;
}

function validReport(report: RuleReport, length: number): boolean {
  return validRange(report?.range, length) && typeof report.message === 'string'
    && (report.suggestions ?? []).every((s) => validRange(s?.edit?.range, length) && typeof s.edit.text === 'string');
}

/**
 * Whether a word-level rewrite writes back, in order, every piece of text in
 * its range that is not prose (markup, code, placeholders, comments). A phrase
 * read across markup ("right **away**", "we apologise if <!-- … --> we") is
 * still reported, but a rewrite that drops the markup would break it, so such
 * a rewrite is not offered.
 */
function keepsMarkup(document: MacroDocument, edit: Edit): boolean {
  const { start, end } = edit.range;
  if (start === end) return true;
  const block = blockAt(document, start);
  if (!block || end > block.range.end) return false;
  const { source } = document;
  const masked = (offset: number) => block.masked.charCodeAt(offset - block.range.start);
  let from = 0;
  for (let i = start; i < end;) {
    if (masked(i) === source.charCodeAt(i)) {
      i++;
      continue;
    }
    let j = i;
    while (j < end && masked(j) !== source.charCodeAt(j)) j++;
    const at = edit.text.indexOf(source.slice(i, j), from);
    if (at === -1) return false;
    from = at + (j - i);
    i = j;
  }
  return true;
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
