/** The engine's public API: the CLI, the language server and tests use only this. */
export { lint, lintDocument, platformFor, ENGINE_NOTICE_ID, type LintOptions, type LintResult } from './engine/lint.js';
export { IncrementalLinter } from './engine/incremental.js';
export { RecentCache, beginLint } from './engine/recent-cache.js';
export { parseMacro, PLACEHOLDER_WORD, MAX_READ_LENGTH, MAX_NESTING, MAX_DELIMITER_RUN } from './engine/parse.js';
export { applyEdits, fixText, type FixResult } from './engine/fix.js';
export {
  defaultConfig, mergeConfig, parseConfigText, configSchema, DEFAULT_INCLUDE,
  type ConfigError, type ConfigFile, type ResolvedConfig,
} from './engine/config.js';
export { frontMatterSchema, TAGS, CHANNELS, PLATFORMS } from './engine/frontmatter.js';
export { createLineIndex } from './engine/text.js';
export { rules, ruleIds } from './rules/index.js';
export { ruleDocs } from './rules/docs.generated.js';
export { DICTIONARIES, speller, type DictionaryName, type Speller } from './rules/retext-spell/dictionary.js';
export { platforms, platformIds, formatPlaceholder, formatWithFallback, type PlatformData } from './platforms/index.js';
export type { RuleDefinition, PhraseEntry } from './engine/rule.js';
export type * from './engine/types.js';
export { ConfigLoader, CONFIG_FILE_NAMES, formatConfigError, type LoadedConfig, type ConfigLoaderOptions } from './node/config-loader.js';
export { DIRECTIVE_RULES } from './engine/suppress.js';
export { fingerprint, similarity, nearDuplicateIn, sameTitleIn, type MacroFingerprint, type WorkspaceIndex } from './engine/duplicates.js';
export { DOCS_BASE_URL, ruleDocUrl } from './engine/doc-links.js';
