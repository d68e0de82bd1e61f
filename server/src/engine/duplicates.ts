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
  /** Shingle → its number and the indexes of the macros that have it, ascending. */
  postings: Map<string, Posting>;
  /** Each macro's shingle numbers, ascending: two macros' shared shingles are counted by one merge, without hashing strings. */
  numbered: Int32Array[];
  /** Postings by shingle number. */
  byNumber: Posting[];
  /** Each macro's shingle count and word count, side by side: the filters read them for hundreds of candidates a macro. */
  sizes: Int32Array;
  wordCounts: Int32Array;
  /** Where each fingerprint first appears: the macro being linted is usually in its own workspace, already numbered. */
  indexOf: Map<MacroFingerprint, number>;
  /**
   * Per macro, the number of the last search that weighed it as a candidate,
   * and the number of searches so far: a search meets hundreds of candidates,
   * many of them several times, and a mark is cheaper than a set per search.
   */
  weighedIn: Float64Array;
  searches: number;
}

interface Posting {
  id: number;
  macros: number[];
}

const lookups = new WeakMap<WorkspaceIndex, WorkspaceLookup>();

/**
 * Title and shingle indexes of a workspace, built once and reused for every
 * macro linted against it. Comparing each macro with every other one made a
 * library lint quadratic (2,000 macros: 4 million comparisons).
 */
function lookupFor(workspace: WorkspaceIndex): WorkspaceLookup {
  const cached = lookups.get(workspace);
  if (cached && sameMacros(cached.macros, workspace.macros)) return cached;
  const titles = new Map<string, number[]>();
  const postings = new Map<string, Posting>();
  const numbered: Int32Array[] = [];
  const byNumber: Posting[] = [];
  const sizes = new Int32Array(workspace.macros.length);
  const wordCounts = new Int32Array(workspace.macros.length);
  const indexOf = new Map<MacroFingerprint, number>();
  workspace.macros.forEach((macro, index) => {
    sizes[index] = macro.shingles.size;
    wordCounts[index] = macro.wordCount;
    if (!indexOf.has(macro)) indexOf.set(macro, index);
    if (macro.title) {
      const key = macro.title.toLowerCase();
      const list = titles.get(key);
      if (list) list.push(index);
      else titles.set(key, [index]);
    }
    const ids = new Int32Array(macro.shingles.size);
    let at = 0;
    for (const shingle of macro.shingles) {
      let posting = postings.get(shingle);
      if (!posting) {
        posting = { id: byNumber.length, macros: [] };
        postings.set(shingle, posting);
        byNumber.push(posting);
      }
      // A workspace may list one fingerprint twice; each listing is its own macro.
      posting.macros.push(index);
      ids[at++] = posting.id;
    }
    numbered.push(ids.sort());
  });
  const weighedIn = new Float64Array(workspace.macros.length);
  const lookup = { macros: [...workspace.macros], titles, postings, numbered, byNumber, sizes, wordCounts, indexOf, weighedIn, searches: 0 };
  lookups.set(workspace, lookup);
  return lookup;
}

/** Whether a workspace still lists the macros a lookup was built from (a loop: it runs once per macro linted). */
function sameMacros(known: MacroFingerprint[], now: MacroFingerprint[]): boolean {
  if (known.length !== now.length) return false;
  for (let i = 0; i < known.length; i++) if (known[i] !== now[i]) return false;
  return true;
}

/**
 * How many numbers two ascending arrays share, or -1 once it is clear they
 * share fewer than `atLeast`: most candidates fall short after a few dozen
 * steps of the merge.
 */
function sharedCount(a: Int32Array, b: Int32Array, atLeast: number): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! !== b[j]!) {
      if (a[i]! < b[j]!) i++;
      else j++;
      if (shared + Math.min(a.length - i, b.length - j) < atLeast) return -1;
    } else {
      shared++;
      i++;
      j++;
    }
  }
  return shared;
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
 * with every macro.
 *
 * Counting shared shingles through every posting list touched most of a
 * library for each macro (stock sentences such as "thank you for" are in
 * hundreds of macros: 80,000 counts a macro in the benchmark's library), so
 * candidates come from a prefix filter: a macro at least `threshold`
 * similar shares at least `threshold × |self|` of `self`'s shingles, so it
 * shares one of any `|self| − ⌊threshold × |self|⌋ + 1` of them; those are
 * taken from the rarest shingles. For the same reason its size is within
 * `threshold` of `self`'s either way. Each remaining candidate's shared
 * shingles are counted exactly, and the Jaccard similarity computed as
 * `similarity` computes it.
 */
export function nearDuplicateIn(workspace: WorkspaceIndex, self: MacroFingerprint, threshold: number, minWords: number): MacroFingerprint | undefined {
  const macros = workspace.macros;
  // At a threshold of 0 or less every macro is "similar", shared shingles or not.
  if (!(threshold > 0)) return macros.find((macro) => macro.file !== self.file && macro.wordCount >= minWords && similarity(self.shingles, macro.shingles) >= threshold);
  const size = self.shingles.size;
  if (size === 0) return undefined;
  const lookup = lookupFor(workspace);
  const { postings, numbered, byNumber, sizes, wordCounts, indexOf, weighedIn } = lookup;
  const known: Posting[] = [];
  const at = indexOf.get(self);
  if (at !== undefined) for (const id of numbered[at]!) known.push(byNumber[id]!);
  else {
    for (const shingle of self.shingles) {
      const posting = postings.get(shingle);
      if (posting) known.push(posting);
    }
  }
  // Shingles no macro has are the rarest of all, and neither bring a candidate nor count as shared.
  const absent = size - known.length;
  // The bounds below are loosened by one, a margin for rounding in `threshold × size`.
  const needed = Math.min(size, size - Math.floor(threshold * size) + 2) - absent;
  if (needed <= 0) return undefined;
  known.sort((a, b) => a.macros.length - b.macros.length);
  const ids = at !== undefined ? numbered[at]! : Int32Array.from(known, (posting) => posting.id).sort();
  const smallest = Math.floor(threshold * size) - 1;
  let best: number | undefined;
  const search = ++lookup.searches;
  for (let l = 0; l < needed && l < known.length; l++) {
    for (const index of known[l]!.macros) {
      // Lists are ascending: nothing further on can come before the best so far.
      if (best !== undefined && index >= best) break;
      if (weighedIn[index] === search) continue;
      weighedIn[index] = search;
      const other = sizes[index]!;
      if (wordCounts[index]! < minWords || other < smallest || size < Math.floor(threshold * other) - 1) continue;
      // Similar enough needs shared / (size + other − shared) ≥ threshold, so shared ≥ threshold × (size + other) / (1 + threshold).
      const shared = sharedCount(ids, numbered[index]!, Math.floor((threshold * (size + other)) / (1 + threshold)) - 1);
      if (shared >= 0 && shared / (size + other - shared) >= threshold && macros[index]!.file !== self.file) best = index;
    }
  }
  return best === undefined ? undefined : macros[best];
}
