import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import { glob } from 'tinyglobby';
import { MAX_WORKSPACE_FILES, SKIPPED_FOLDERS } from './constants.js';

export const MACRO_EXTENSION = '.macro.md';

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

const matchers = new Map<string, (path: string) => boolean>();
function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = JSON.stringify(globs);
  let match = matchers.get(key);
  if (!match) {
    match = globs.length ? picomatch([...globs], { dot: true }) : () => false;
    if (matchers.size > 100) matchers.clear();
    matchers.set(key, match);
  }
  return match;
}

export interface Selection {
  languageId: string;
  /** File-system path, when the document is a file. */
  path?: string;
  uri: string;
  /** The workspace folder (or configuration folder) globs are relative to. */
  base?: string;
  include: readonly string[];
  ignore: readonly string[];
}

/**
 * Whether a document is a macro: the `macro` language, a `*.macro.md` name,
 * or a Markdown file matching the include globs (and none of the ignores).
 */
export function isMacroDocument(selection: Selection): boolean {
  const name = selection.path ?? decodeURIComponent(selection.uri.replace(/[?#].*$/, ''));
  const path = toPosix(selection.base && selection.path ? relative(selection.base, selection.path) : name).replace(/^\/+/, '');
  if (selection.ignore.length && matcher(selection.ignore)(path)) return false;
  if (selection.languageId === 'macro' || name.toLowerCase().endsWith(MACRO_EXTENSION)) return true;
  if (!/\.(md|markdown)$/i.test(name) && selection.languageId !== 'markdown') return false;
  return matcher(selection.include)(path);
}

/** Every macro file under `folder`, skipping node_modules and .git. */
export async function findMacroFiles(folder: string, include: readonly string[], ignore: readonly string[], signal?: AbortSignal): Promise<{ files: string[]; truncated: boolean }> {
  const patterns = [...new Set([`**/*${MACRO_EXTENSION}`, ...include])];
  const found = await glob(patterns, {
    cwd: folder,
    absolute: true,
    dot: false,
    onlyFiles: true,
    followSymbolicLinks: false,
    ignore: [...SKIPPED_FOLDERS, ...ignore],
    ...(signal ? { signal } : {}),
  });
  const files = found.filter((file) => /\.(md|markdown)$/i.test(file)).sort();
  return { files: files.slice(0, MAX_WORKSPACE_FILES), truncated: files.length > MAX_WORKSPACE_FILES };
}
