import { parseDocument, isMap, isScalar, type Node as YamlNode, type Document } from 'yaml';
import type { ErrorObject } from 'ajv';
import { lazyValidator } from './schema.js';
import type { Yaml } from 'mdast';
import type { FrontMatter, FrontMatterProblem, Range } from './types.js';
import { closest } from './suggest.js';

export const TAGS = ['complaint', 'refund', 'incident', 'delay', 'refusal', 'review', 'feedback', 'troubleshooting', 'investigation', 'sales'];
export const CHANNELS = ['email', 'chat', 'social', 'phone'] as const;
export const PLATFORMS = ['zendesk', 'helpscout', 'intercom', 'freshdesk', 'front', 'generic'] as const;

/** The front-matter schema of MACRO-FORMAT.md, as JSON Schema. */
export const frontMatterSchema = {
  type: 'object',
  properties: {
    title: { type: 'string', minLength: 1, description: 'The name agents pick the macro by; unique in the workspace.' },
    tags: { type: 'array', items: { type: 'string' }, description: 'Switches conditional rules on.', examples: [TAGS] },
    channel: { enum: [...CHANNELS], description: 'Sets the length budget and greeting/sign-off expectations.' },
    platform: { enum: [...PLATFORMS], description: 'Which placeholders exist and how they are written.' },
    id: { type: ['string', 'number'] },
    description: { type: 'string' },
    owner: { type: 'string' },
    updated: { type: 'string' },
  },
  required: ['title'],
  additionalProperties: false,
} as const;

const validate = lazyValidator(frontMatterSchema);
const KNOWN_KEYS = Object.keys(frontMatterSchema.properties);

export interface FrontMatterReading {
  data: FrontMatter;
  range?: Range;
  problems: FrontMatterProblem[];
}

/**
 * Reads the YAML between the fences. Broken YAML is one error on the front
 * matter; values that break the schema are reported and left out of `data`,
 * so rules only ever see valid values.
 */
export function readFrontMatter(source: string, node: Yaml | undefined): FrontMatterReading {
  if (!node?.position) return { data: { tags: [] }, problems: unterminated(source) };
  const start = node.position.start.offset!;
  const end = node.position.end.offset!;
  const contentStart = source.indexOf('\n', start) + 1;
  const firstLineEnd = contentStart - (source[contentStart - 2] === '\r' ? 2 : 1);
  // Everything the reading depends on, with offsets taken from the opening fence.
  const key = `${end - start} ${contentStart - start} ${firstLineEnd - start} ${node.value}`;
  let reading = readings.get(key);
  if (reading) {
    // Most recently used last, so the oldest goes first.
    readings.delete(key);
  } else {
    reading = readYaml(node.value, { start: 0, end: end - start }, contentStart - start, { start: 0, end: firstLineEnd - start });
    if (readings.size >= MAX_READINGS) readings.delete(readings.keys().next().value!);
  }
  if (node.value.length <= MAX_CACHED_LENGTH) readings.set(key, reading);
  return shifted(reading, start);
}

/**
 * Front matter read before, by its text and layout, in offsets from the
 * opening fence. YAML parsing and schema validation cost about a twentieth
 * of a macro's lint, and in an editor the front matter is the same on every
 * keystroke in the body. Bounded: a library lint meets each front matter once.
 */
const readings = new Map<string, FrontMatterReading>();
const MAX_READINGS = 256;
const MAX_CACHED_LENGTH = 16 * 1024;

/** A fresh copy of a cached reading moved to `base`: callers own what they are given. */
function shifted(reading: FrontMatterReading, base: number): FrontMatterReading {
  const move = (range: Range): Range => ({ start: range.start + base, end: range.end + base });
  // Valid values are strings, numbers and the tag list: copying the list copies everything.
  const data: FrontMatter = { ...reading.data, tags: [...reading.data.tags] };
  const problems = reading.problems.map((problem) => ({ ...problem, range: move(problem.range) }));
  return reading.range ? { data, range: move(reading.range), problems } : { data, problems };
}

function readYaml(text: string, range: Range, contentStart: number, firstLine: Range): FrontMatterReading {
  const data: FrontMatter = { tags: [] };
  const problems: FrontMatterProblem[] = [];

  const document = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    problems.push({ range, severity: 'error', message: `The front matter is not valid YAML: ${firstSentence(document.errors[0]!.message)}` });
    return { data, range, problems };
  }
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 50 });
  } catch (error) {
    problems.push({ range, severity: 'error', message: `The front matter could not be read: ${(error as Error).message}` });
    return { data, range, problems };
  }
  if (value === null || value === undefined) {
    problems.push({ range: firstLine, severity: 'error', message: 'The front matter is empty; a macro needs at least a `title`.' });
    return { data, range, problems };
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ range, severity: 'error', message: 'The front matter must be a set of `key: value` lines.' });
    return { data, range, problems };
  }

  const record = value as Record<string, unknown>;
  const rejected = new Set<string>();
  if (!validate(record)) {
    for (const error of validate.errors ?? []) {
      const problem = describe(error, document, contentStart, firstLine);
      problems.push(problem.problem);
      if (problem.key) rejected.add(problem.key);
    }
  }
  for (const [key, entry] of Object.entries(record)) {
    if (!rejected.has(key) && KNOWN_KEYS.includes(key)) data[key] = entry;
  }
  if (!Array.isArray(data.tags)) data.tags = [];
  data.tags = data.tags.map((tag) => tag.toLowerCase());
  return { data, range, problems };
}

function unterminated(source: string): FrontMatterProblem[] {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!/^---[ \t]*\r?\n/.test(source.slice(start))) return [];
  // An opening fence with no closing one: remark reads it as a thematic break.
  const end = source.indexOf('\n', start);
  return [{
    range: { start, end: source[end - 1] === '\r' ? end - 1 : end },
    severity: 'error',
    message: 'The front matter is never closed: add a line with `---` after its last key.',
  }];
}

function describe(
  error: ErrorObject,
  document: Document,
  contentStart: number,
  firstLine: Range,
): { problem: FrontMatterProblem; key?: string } {
  const path = error.instancePath.split('/').filter(Boolean);
  const key = path[0];
  if (error.keyword === 'required') {
    const missing = (error.params as { missingProperty: string }).missingProperty;
    return { problem: { range: firstLine, severity: 'error', message: `The front matter has no \`${missing}\`: agents pick a macro by its title.` } };
  }
  if (error.keyword === 'additionalProperties') {
    const extra = (error.params as { additionalProperty: string }).additionalProperty;
    const guess = closest(extra, KNOWN_KEYS);
    return {
      key: extra,
      problem: {
        range: keyRange(document, extra, contentStart) ?? firstLine,
        severity: 'warning',
        message: `Unknown front-matter key \`${extra}\`${guess ? `; did you mean \`${guess}\`?` : '.'} Known keys: ${KNOWN_KEYS.join(', ')}.`,
      },
    };
  }
  const range = (key && valueRange(document, path, contentStart)) || firstLine;
  let message = `\`${path.join('.')}\` ${error.message ?? 'is not valid'}.`;
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: string[] }).allowedValues;
    message = `\`${key}\` must be one of ${allowed.join(', ')}.`;
  } else if (key === 'tags' && path.length === 1) {
    message = '`tags` must be a list, e.g. `tags: [refund, complaint]`.';
  }
  return { key, problem: { range, severity: 'error', message } };
}

function keyRange(document: Document, key: string, base: number): Range | undefined {
  if (!isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    if (isScalar(pair.key) && pair.key.value === key && pair.key.range) {
      return { start: base + pair.key.range[0], end: base + pair.key.range[1] };
    }
  }
  return undefined;
}

function valueRange(document: Document, path: string[], base: number): Range | undefined {
  const node = document.getIn(path, true) as YamlNode | undefined;
  const range = node?.range;
  if (!range) return undefined;
  return { start: base + range[0], end: base + range[1] };
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/\s+at line \d+, column \d+:?$/, '');
}
