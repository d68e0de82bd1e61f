import { parseDocument } from 'yaml';
import { scanPlaceholders } from './placeholders.js';

/** What duplicate detection needs to know of a macro, cheap to compute without a full parse. */
export interface MacroFingerprint {
  file: string;
  title?: string;
  /** Hashes of the body's word trigrams. */
  shingles: Set<string>;
  wordCount: number;
}

export interface WorkspaceIndex {
  macros: MacroFingerprint[];
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Title and word trigrams of a macro's body; placeholders count as one word. */
export function fingerprint(file: string, source: string): MacroFingerprint {
  const match = FRONT_MATTER.exec(source);
  let title: string | undefined;
  if (match) {
    try {
      const value = parseDocument(match[1]!).toJS({ maxAliasCount: 50 }) as { title?: unknown } | null;
      if (typeof value?.title === 'string' && value.title.trim()) title = value.title.trim();
    } catch {
      // A broken front matter is the frontmatter rule's business; here it just has no title.
    }
  }
  let body = match ? source.slice(match[0].length) : source;
  const { placeholders } = scanPlaceholders(body, 0);
  for (const placeholder of [...placeholders].reverse()) {
    body = body.slice(0, placeholder.range.start) + ' placeholder ' + body.slice(placeholder.range.end);
  }
  body = body.replace(/<!--[\s\S]*?-->/g, ' ');
  const words = body.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
  const shingles = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) shingles.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return { file, ...(title ? { title } : {}), shingles, wordCount: words.length };
}

/** Jaccard similarity of two shingle sets. */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / (a.size + b.size - shared);
}
