import type { Finding, MacroDocument, Range, Severity, Suggestion } from './types.js';
import type { ResolvedConfig } from './config.js';
import type { PlatformData } from '../platforms/types.js';
import type { WorkspaceIndex } from './duplicates.js';

export type RuleCategory = 'phrase' | 'structure' | 'measure' | 'template' | 'library';

/** Where a rule's guideline comes from. */
export interface GuidelineSource {
  /** Seed article references such as `000 #5`, or `MACRO-FORMAT` for template rules. */
  seeds: string[];
  /** The guideline in one sentence, in our own words. */
  summary: string;
}

/**
 * One phrase a phrase rule looks for. Matching is by words: case-insensitive,
 * straight and curly apostrophes alike, contractions equal their long form.
 */
export interface PhraseEntry {
  match: string | string[];
  /** Rewrites, best first. `''` means "remove the phrase". Empty list: no quick fix. */
  suggest: string[];
  /** Overrides the rule's message for this phrase. `{actual}` is the matched text. */
  message?: string;
  /** The next word must be one of these (it is not part of the finding). */
  followedBy?: string[];
  /** The next word must not be one of these. */
  notFollowedBy?: string[];
  /** The previous word must be one of these. */
  precededBy?: string[];
  /** The previous word must not be one of these. */
  notPrecededBy?: string[];
  /** At least one of these words must come earlier in the same sentence. */
  sentenceHas?: string[];
  /** None of these words may come earlier in the same sentence. */
  sentenceLacks?: string[];
  /** Skip the match when its first word is capitalised mid-sentence (a product or proper name). */
  skipProperNoun?: boolean;
  /** Fire only from the Nth occurrence of this phrase in the macro on (1-based). */
  fromOccurrence?: number;
}

export interface RuleReport {
  range: Range;
  message: string;
  actual?: string;
  suggestions?: Suggestion[];
  /** Overrides the configured severity for this one report (rare: engine checks). */
  severity?: Severity;
}

export interface RuleContext {
  document: MacroDocument;
  config: ResolvedConfig;
  platform: PlatformData;
  /** The rule's options from configuration, merged over its defaults; shared by every document linted with that configuration, so read-only. */
  options: Readonly<Record<string, unknown>>;
  /** The file being linted, when it has one. */
  filePath?: string;
  /** The other macros of the workspace, for cross-file rules. */
  workspace?: WorkspaceIndex;
  report(report: RuleReport): void;
}

export interface RuleDefinition {
  id: string;
  title: string;
  category: RuleCategory;
  severity: Severity;
  guideline: GuidelineSource;
  /** Default message; `{actual}` is replaced by the matched text. */
  message?: string;
  phrases?: PhraseEntry[];
  /** Tags that switch a phrase rule off for a macro (e.g. `sales` for no-upsell). */
  exemptTags?: string[];
  /** Default options, overridable in configuration. */
  defaults?: Record<string, unknown>;
  /** For checks a phrase list cannot express. */
  check?(context: RuleContext): void;
  /**
   * True when what `check` reports on a prose block depends only on that
   * block's own text (with the configuration and the front matter), never on
   * other blocks, and every report and rewrite lies inside the block's
   * paragraph. The incremental linter then runs the check again only on the
   * blocks an edit changed. Leave it unset when in doubt: the rule then runs on
   * the whole document every time, which is always right.
   */
  blockLocal?: boolean;
  /** Whether the rule's findings carry rewrites. */
  fixable: boolean;
}

export function defineRule(rule: RuleDefinition): RuleDefinition {
  return rule;
}

export type { Finding };
