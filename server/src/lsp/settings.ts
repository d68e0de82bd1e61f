import { parseConfigText, type ConfigError, type ConfigFile } from '../engine/config.js';
import { PLATFORMS } from '../engine/frontmatter.js';
import type { PlatformId } from '../engine/types.js';

/** The `tactful` section of the editor's settings, per resource. */
export interface TactfulSettings {
  enable: boolean;
  run: 'onType' | 'onSave';
  /** Markdown files matching these globs are macros too. */
  include: string[];
  /** Overrides the configuration file's platform (a macro's own front matter still wins). */
  platform: PlatformId | null;
  /** Rule settings, as in `.tactful.yaml` `rules`; they override the file. */
  rules: Record<string, unknown>;
}

export const DEFAULT_SETTINGS: TactfulSettings = {
  enable: true,
  run: 'onType',
  include: ['**/macros/**/*.md'],
  platform: null,
  rules: {},
};

/** Reads whatever the client sent, keeping only well-formed values. */
export function normalizeSettings(raw: unknown): TactfulSettings {
  const value = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const include = Array.isArray(value.include) ? value.include.filter((g): g is string => typeof g === 'string' && g.length > 0) : DEFAULT_SETTINGS.include;
  const platform = typeof value.platform === 'string' && (PLATFORMS as readonly string[]).includes(value.platform) ? (value.platform as PlatformId) : null;
  const rules = value.rules && typeof value.rules === 'object' && !Array.isArray(value.rules) ? (value.rules as Record<string, unknown>) : {};
  return {
    enable: typeof value.enable === 'boolean' ? value.enable : DEFAULT_SETTINGS.enable,
    run: value.run === 'onSave' ? 'onSave' : 'onType',
    include,
    platform,
    rules,
  };
}

/**
 * The settings as a configuration layer, validated like a configuration file
 * (unknown rules and bad severities are dropped and reported).
 */
export function settingsLayer(settings: TactfulSettings, knownRules: ReadonlySet<string>): { layer: ConfigFile; errors: ConfigError[] } {
  const raw: ConfigFile = {};
  if (settings.platform) raw.platform = settings.platform;
  if (Object.keys(settings.rules).length > 0) raw.rules = settings.rules as ConfigFile['rules'];
  if (Object.keys(raw).length === 0) return { layer: {}, errors: [] };
  const parsed = parseConfigText(JSON.stringify(raw), 'settings.json', knownRules);
  return { layer: parsed.config, errors: parsed.errors.map((error) => ({ ...error, file: 'tactful settings' })) };
}
