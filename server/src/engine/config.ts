import { parseDocument, isMap, isScalar, isSeq, type Document, type Node as YamlNode } from 'yaml';
import type { ErrorObject } from 'ajv';
import { lazyValidator } from './schema.js';
import type { PlatformId, Range, RuleSetting, Severity } from './types.js';
import { PLATFORMS } from './frontmatter.js';
import { closest } from './suggest.js';

/** A team phrase added to a phrase rule in configuration: literal text, never a pattern. */
export interface ConfiguredPhrase {
  match: string | string[];
  replace?: string[];
  message?: string;
}

/** What a `.tactful.yaml` / `.tactful.json` may hold. */
export interface ConfigFile {
  extends?: string | string[];
  platform?: PlatformId;
  rules?: Record<string, RuleSetting | ({ severity?: RuleSetting } & Record<string, unknown>)>;
  phrases?: Record<string, ConfiguredPhrase[]>;
  placeholders?: string[];
  words?: string[];
  include?: string[];
  ignore?: string[];
}

export interface RuleConfig {
  setting: RuleSetting;
  options: Record<string, unknown>;
}

/** Configuration after `extends`, files and overrides are merged. */
export interface ResolvedConfig {
  platform: PlatformId;
  /** True when a configuration file or setting chose the platform (rather than the default). */
  platformDeclared?: boolean;
  /** Only rules the configuration mentions; the rest use their defaults. */
  rules: Record<string, Partial<RuleConfig>>;
  phrases: Record<string, ConfiguredPhrase[]>;
  /** Custom placeholder names (without delimiters). */
  placeholders: string[];
  words: string[];
  include: string[];
  ignore: string[];
  /** Files that contributed, nearest last. */
  files: string[];
}

export interface ConfigError {
  file: string;
  /** Dotted key path, e.g. `rules.no-upsell`; empty for the whole file. */
  key: string;
  message: string;
  range?: Range;
}

export const DEFAULT_INCLUDE = ['**/*.macro.md', '**/macros/**/*.md'];

export function defaultConfig(): ResolvedConfig {
  return { platform: 'generic', rules: {}, phrases: {}, placeholders: [], words: [], include: [...DEFAULT_INCLUDE], ignore: [], files: [] };
}

const SETTINGS = ['off', 'error', 'warning', 'info', 'hint'];

export const configSchema = {
  type: 'object',
  properties: {
    extends: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    platform: { enum: [...PLATFORMS] },
    rules: {
      type: 'object',
      additionalProperties: {
        anyOf: [
          { enum: SETTINGS },
          { type: 'object', properties: { severity: { enum: SETTINGS } } },
        ],
      },
    },
    phrases: {
      type: 'object',
      additionalProperties: {
        type: 'array',
        maxItems: 100000,
        items: {
          type: 'object',
          properties: {
            match: { anyOf: [{ type: 'string', minLength: 1, maxLength: 200 }, { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 1 }] },
            replace: { type: 'array', items: { type: 'string', maxLength: 200 } },
            message: { type: 'string' },
          },
          required: ['match'],
          additionalProperties: false,
        },
      },
    },
    placeholders: { type: 'array', items: { type: 'string', minLength: 1 } },
    words: { type: 'array', items: { type: 'string', minLength: 1 } },
    include: { type: 'array', items: { type: 'string', minLength: 1 } },
    ignore: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
  additionalProperties: false,
} as const;

const validate = lazyValidator(configSchema);
const TOP_LEVEL_KEYS = Object.keys(configSchema.properties);

export interface ParsedConfigFile {
  config: ConfigFile;
  errors: ConfigError[];
}

/**
 * Parses and validates one configuration file's text (YAML or JSON; JSON is
 * read as YAML, which it is a subset of). Invalid entries are dropped and
 * reported; the valid rest still applies.
 */
export function parseConfigText(text: string, file: string, knownRules: ReadonlySet<string>): ParsedConfigFile {
  const errors: ConfigError[] = [];
  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const first = document.errors[0]!;
    return {
      config: {},
      errors: [{ file, key: '', message: `not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${first.message.split('\n')[0]}`, range: { start: first.pos[0], end: first.pos[1] } }],
    };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    return { config: {}, errors: [{ file, key: '', message: (error as Error).message }] };
  }
  if (value === null || value === undefined) return { config: {}, errors };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { config: {}, errors: [{ file, key: '', message: 'a configuration file holds `key: value` settings at its top level' }] };
  }
  const config = value as Record<string, unknown>;
  if (!validate(config)) {
    for (const error of validate.errors ?? []) {
      const reported = describeError(error, config, document, file);
      if (!reported) continue;
      if (!errors.some((e) => e.key === reported.key)) errors.push(reported);
      dropPath(config, reported.key);
    }
  }
  const rules = config.rules as Record<string, unknown> | undefined;
  for (const id of Object.keys(rules ?? {})) {
    if (knownRules.has(id)) continue;
    const guess = closest(id, knownRules);
    errors.push({ file, key: `rules.${id}`, message: `unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}`, range: rangeOf(document, ['rules', id], true) });
    delete rules![id];
  }
  const phrases = config.phrases as Record<string, unknown> | undefined;
  for (const id of Object.keys(phrases ?? {})) {
    if (knownRules.has(id)) continue;
    errors.push({ file, key: `phrases.${id}`, message: `unknown rule "${id}": phrases can be added to phrase rules only`, range: rangeOf(document, ['phrases', id], true) });
    delete phrases![id];
  }
  return { config: config as ConfigFile, errors };
}

function describeError(error: ErrorObject, config: Record<string, unknown>, document: Document, file: string): ConfigError | undefined {
  const path = error.instancePath.split('/').filter(Boolean).map(unescapePointer);
  if (error.keyword === 'additionalProperties' && path.length === 0) {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const guess = closest(extra, TOP_LEVEL_KEYS);
    return { file, key: extra, message: `unknown setting "${extra}"${guess ? `; did you mean "${guess}"?` : ''}`, range: rangeOf(document, [extra], true) };
  }
  // Report at the entry a user would fix: `rules.length`, `phrases.no-blame`, `words`.
  const depth = path[0] === 'rules' || path[0] === 'phrases' ? 2 : 1;
  const keyPath = path.slice(0, depth);
  if (keyPath.length === 0) return undefined;
  const key = keyPath.join('.');
  let message = `${error.message ?? 'is not valid'}`;
  if (path[0] === 'rules') message = `must be one of ${SETTINGS.join(', ')}, or an object with a "severity" and the rule's options`;
  else if (error.keyword === 'enum') message = `must be one of ${(error.params as { allowedValues: string[] }).allowedValues.join(', ')}`;
  else if (path[0] === 'phrases') message = `each phrase needs "match" (text or a list of texts) and may have "replace" (a list) and "message" — ${describePointer(path.slice(2))}${error.message ?? ''}`;
  void config;
  return { file, key, message, range: rangeOf(document, keyPath, false) };
}

function describePointer(path: string[]): string {
  return path.length ? `at ${path.join('.')}: ` : '';
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

function dropPath(config: Record<string, unknown>, key: string): void {
  const [first, second] = key.split(/\.(.*)/s, 2) as [string, string | undefined];
  if (second === undefined) {
    delete config[first];
    return;
  }
  const parent = config[first];
  if (parent && typeof parent === 'object') delete (parent as Record<string, unknown>)[second];
}

function rangeOf(document: Document, path: string[], keyOnly: boolean): Range | undefined {
  let node: unknown = document.contents;
  for (let i = 0; i < path.length; i++) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === path[i]);
    if (!pair) return undefined;
    if (i === path.length - 1) {
      const target = (keyOnly ? pair.key : pair.value ?? pair.key) as YamlNode | null;
      const range = target?.range;
      return range ? { start: range[0], end: isSeq(target) || isMap(target) ? range[1] : range[1] } : undefined;
    }
    node = pair.value;
  }
  return undefined;
}

/** Merges `layer` over `base`: rule settings override per rule, lists add up. */
export function mergeConfig(base: ResolvedConfig, layer: ConfigFile, file?: string): ResolvedConfig {
  const rules = { ...base.rules };
  for (const [id, value] of Object.entries(layer.rules ?? {})) {
    const previous = rules[id] ?? {};
    if (typeof value === 'string') {
      rules[id] = { ...previous, setting: value };
    } else {
      const { severity, ...options } = value;
      rules[id] = { setting: severity ?? previous.setting, options: { ...previous.options, ...options } };
    }
  }
  const phrases = { ...base.phrases };
  for (const [id, list] of Object.entries(layer.phrases ?? {})) phrases[id] = [...(phrases[id] ?? []), ...list];
  return {
    platform: layer.platform ?? base.platform,
    platformDeclared: Boolean(base.platformDeclared || layer.platform),
    rules,
    phrases,
    placeholders: unique([...base.placeholders, ...(layer.placeholders ?? []).map(placeholderName)]),
    words: unique([...base.words, ...(layer.words ?? [])]),
    include: layer.include ? unique(layer.include) : base.include,
    ignore: unique([...base.ignore, ...(layer.ignore ?? [])]),
    files: file ? [...base.files, file] : base.files,
  };
}

/** `{{ticket.ticket_field_1}}`, `{%custom%}` and `ticket.ticket_field_1` all name the same field. */
export function placeholderName(written: string): string {
  return written.trim().replace(/^\{[{%]\s*|\s*[}%]\}$/g, '').split(/[|,\s]/, 1)[0]!;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

export function severityOf(setting: RuleSetting | undefined, fallback: Severity): Severity | undefined {
  if (setting === 'off') return undefined;
  return setting ?? fallback;
}
