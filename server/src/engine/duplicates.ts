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

/** The last fingerprint of each file, with the text it was taken of. */
const recent = new Map<string, { source: string; fingerprint: MacroFingerprint }>();
const RECENT_FILES = 10_000;

/**
 * Title and word trigrams of a macro's body; placeholders count as one word.
 * The same file with the same text gets the same (shared, read-only) object:
 * duplicate-macro fingerprints the macro it lints, which the caller has
 * usually just fingerprinted for the workspace index.
 */
export function fingerprint(file: string, source: string): MacroFingerprint {
  const known = recent.get(file);
  if (known?.source === source) return known.fingerprint;
  const taken = takeFingerprint(file, source);
  recent.delete(file);
  if (recent.size >= RECENT_FILES) recent.delete(recent.keys().next().value!);
  recent.set(file, { source, fingerprint: taken });
  return taken;
}

function takeFingerprint(file: string, source: string): MacroFingerprint {
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
  const text = match ? source.slice(match[0].length) : source;
  const { placeholders } = scanPlaceholders(text, 0);
  // Built front to back in one pass: splicing each placeholder into the whole body was quadratic.
  const parts: string[] = [];
  let at = 0;
  for (const placeholder of placeholders) {
    parts.push(text.slice(at, placeholder.range.start), ' placeholder ');
    at = placeholder.range.end;
  }
  parts.push(text.slice(at));
  const body = parts.join('').replace(/<!--[\s\S]*?-->/g, ' ');
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

interface WorkspaceLookup {
  /** The macros the lookup was built from, to notice a changed workspace. */
  macros: MacroFingerprint[];
  /** Lower-cased title → indexes of the macros with it, in workspace order. */
  titles: Map<string, number[]>;
  /** Shingle → indexes of the macros that have it, ascending. */
  postings: Map<string, number[]>;
}

const lookups = new WeakMap<WorkspaceIndex, WorkspaceLookup>();

/**
 * Title and shingle indexes of a workspace, built once and reused for every
 * macro linted against it. Comparing each macro with every other one made a
 * library lint quadratic (2,000 macros: 4 million comparisons).
 */
function lookupFor(workspace: WorkspaceIndex): WorkspaceLookup {
  const cached = lookups.get(workspace);
  if (cached && cached.macros.length === workspace.macros.length && cached.macros.every((macro, i) => macro === workspace.macros[i])) return cached;
  const titles = new Map<string, number[]>();
  const postings = new Map<string, number[]>();
  workspace.macros.forEach((macro, index) => {
    if (macro.title) {
      const key = macro.title.toLowerCase();
      const list = titles.get(key);
      if (list) list.push(index);
      else titles.set(key, [index]);
    }
    for (const shingle of macro.shingles) {
      const list = postings.get(shingle);
      if (list) list.push(index);
      else postings.set(shingle, [index]);
    }
  });
  const lookup = { macros: [...workspace.macros], titles, postings };
  lookups.set(workspace, lookup);
  return lookup;
}

/** The first macro of the workspace, other than `self.file`, with the same title (any case). */
export function sameTitleIn(workspace: WorkspaceIndex, self: MacroFingerprint): MacroFingerprint | undefined {
  if (!self.title) return undefined;
  const index = lookupFor(workspace).titles.get(self.title.toLowerCase())?.find((i) => workspace.macros[i]!.file !== self.file);
  return index === undefined ? undefined : workspace.macros[index];
}

/**
 * The first macro of the workspace, other than `self.file`, of at least
 * `minWords` words whose shingles are at least `threshold` similar to
 * `self`'s: what a scan with `similarity` finds, without comparing `self`
 * with every macro. The shingles `self` shares with each macro are counted
 * through the index (only macros sharing one are touched), and the Jaccard
 * similarity follows from the counts, computed as `similarity` computes it.
 */
export function nearDuplicateIn(workspace: WorkspaceIndex, self: MacroFingerprint, threshold: number, minWords: number): MacroFingerprint | undefined {
  const macros = workspace.macros;
  // At a threshold of 0 or less every macro is "similar", shared shingles or not.
  if (!(threshold > 0)) return macros.find((macro) => macro.file !== self.file && macro.wordCount >= minWords && similarity(self.shingles, macro.shingles) >= threshold);
  const { postings } = lookupFor(workspace);
  const shared = new Int32Array(macros.length);
  const touched: number[] = [];
  for (const shingle of self.shingles) {
    const list = postings.get(shingle);
    if (list) for (const index of list) if (shared[index]++ === 0) touched.push(index);
  }
  let best: number | undefined;
  for (const index of touched) {
    if (best !== undefined && index >= best) continue;
    const macro = macros[index]!;
    if (macro.file === self.file || macro.wordCount < minWords) continue;
    const count = shared[index]!;
    if (count / (self.shingles.size + macro.shingles.size - count) >= threshold) best = index;
  }
  return best === undefined ? undefined : macros[best];
}
