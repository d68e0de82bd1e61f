import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  defaultConfig, mergeConfig, parseConfigText,
  type ConfigError, type ConfigFile, type ResolvedConfig,
} from '../engine/config.js';

export const CONFIG_FILE_NAMES = ['.tactful.yaml', '.tactful.yml', '.tactful.json'];

/** Configuration files larger than this are refused rather than parsed. */
const MAX_CONFIG_BYTES = 8 * 1024 * 1024;

export interface LoadedConfig {
  config: ResolvedConfig;
  /** Problems in any configuration file that was read; linting went on without the broken parts. */
  errors: ConfigError[];
  /** The nearest configuration file, if any. */
  file?: string;
}

export interface ConfigLoaderOptions {
  /** Rule ids configuration may name. */
  knownRules: ReadonlySet<string>;
  /** Use this file instead of searching (`--config`). */
  explicitFile?: string;
  /** Applied last, over every file (`--rule`, editor settings). */
  overrides?: ConfigFile;
  /** Stop searching upwards here (a workspace root); default: the file-system root. */
  stopAt?: string;
}

/**
 * Finds and reads `.tactful.yaml` / `.tactful.json` for files: the nearest
 * one walking up from the file wins, and it may `extends` others. Files are
 * data, read with a YAML parser; nothing in them is ever executed.
 */
export class ConfigLoader {
  private readonly byDirectory = new Map<string, string | null>();
  private readonly byFile = new Map<string, LoadedConfig>();

  constructor(private readonly options: ConfigLoaderOptions) {}

  /** Forget everything read so far (a configuration file changed). */
  clear(): void {
    this.byDirectory.clear();
    this.byFile.clear();
  }

  /** The configuration that applies to `filePath`. */
  forFile(filePath: string): LoadedConfig {
    const file = this.options.explicitFile ? resolve(this.options.explicitFile) : this.nearest(dirname(resolve(filePath)));
    return this.forConfigFile(file);
  }

  /** The configuration `file` resolves to (defaults when undefined). */
  forConfigFile(file: string | undefined): LoadedConfig {
    const key = file ?? '';
    const cached = this.byFile.get(key);
    if (cached) return cached;
    const errors: ConfigError[] = [];
    let config = file ? this.loadChain(file, [], errors) : defaultConfig();
    if (this.options.overrides) config = mergeConfig(config, this.options.overrides);
    const loaded: LoadedConfig = { config, errors, ...(file ? { file } : {}) };
    this.byFile.set(key, loaded);
    return loaded;
  }

  /** The nearest configuration file at or above `directory`. */
  nearest(directory: string): string | undefined {
    const visited: string[] = [];
    let found: string | undefined;
    for (let dir = directory; ; dir = dirname(dir)) {
      const known = this.byDirectory.get(dir);
      if (known !== undefined) {
        found = known ?? undefined;
        break;
      }
      visited.push(dir);
      found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find(isFile);
      if (found || dir === dirname(dir) || (this.options.stopAt && resolve(dir) === resolve(this.options.stopAt))) break;
    }
    for (const dir of visited) this.byDirectory.set(dir, found ?? null);
    return found;
  }

  private loadChain(file: string, chain: string[], errors: ConfigError[]): ResolvedConfig {
    const text = readConfig(file, errors);
    if (text === undefined) return defaultConfig();
    const parsed = parseConfigText(text, file, this.options.knownRules);
    errors.push(...parsed.errors);
    let base = defaultConfig();
    const parents = parsed.config.extends === undefined ? [] : [parsed.config.extends].flat();
    for (const parent of parents) {
      const parentFile = resolve(dirname(file), parent);
      if ([...chain, file].includes(parentFile)) {
        errors.push({ file, key: 'extends', message: `"${parent}" extends back to this file (a cycle); it was not applied` });
        continue;
      }
      if (!isFile(parentFile)) {
        errors.push({ file, key: 'extends', message: `"${parent}" does not exist (looked for ${parentFile})` });
        continue;
      }
      const inherited = this.loadChain(parentFile, [...chain, file], errors);
      base = mergeResolved(base, inherited);
    }
    return mergeConfig(base, parsed.config, file);
  }
}

function mergeResolved(base: ResolvedConfig, layer: ResolvedConfig): ResolvedConfig {
  const merged = mergeConfig(base, {
    platform: layer.platform,
    rules: Object.fromEntries(Object.entries(layer.rules).map(([id, rule]) => [id, { ...rule.options, ...(rule.setting ? { severity: rule.setting } : {}) }])),
    phrases: layer.phrases,
    placeholders: layer.placeholders,
    words: layer.words,
    include: layer.include,
    ignore: layer.ignore,
  });
  return { ...merged, files: [...base.files, ...layer.files] };
}

function readConfig(file: string, errors: ConfigError[]): string | undefined {
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) {
      errors.push({ file, key: '', message: `larger than ${MAX_CONFIG_BYTES / 1024 / 1024} MB; not read` });
      return undefined;
    }
    const text = readFileSync(file, 'utf8');
    if (text.includes('\u0000')) {
      errors.push({ file, key: '', message: 'this is not a text file' });
      return undefined;
    }
    return text.replace(/^\uFEFF/, '');
  } catch (error) {
    errors.push({ file, key: '', message: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A configuration error as one line: `.tactful.yaml: rules.no-upsell: must be one of …`. */
export function formatConfigError(error: ConfigError): string {
  return `${error.file}${error.key ? `: ${error.key}` : ''}: ${error.message}`;
}
