import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

export interface FileSearch {
  files: string[];
  /** Command-line arguments that matched nothing: a usage error. */
  missing: string[];
  /** Directories that held no macro by name, whose Markdown files were taken instead. */
  fellBackToMarkdown: string[];
}

/**
 * Expands command-line paths: files are taken as given, directories are
 * walked for `*.macro.md` and the `include` globs (skipping node_modules and
 * .git), anything else is a glob.
 */
export function findFiles(args: string[], cwd: string, includeFor: (directory: string) => string[], ignore: string[] = []): FileSearch {
  const found = new Set<string>();
  const missing: string[] = [];
  const fellBackToMarkdown: string[] = [];
  const ignored = ignore.length ? picomatch(ignore, { dot: true }) : () => false;
  for (const arg of args) {
    const path = resolve(cwd, arg);
    const stats = statOrUndefined(path);
    if (stats?.isFile()) {
      found.add(path);
    } else if (stats?.isDirectory()) {
      const matches = walk(path, picomatch(['**/*.macro.md', ...includeFor(path)], { dot: false }), ignored);
      if (matches.length === 0) {
        const markdown = walk(path, picomatch('**/*.md'), ignored);
        if (markdown.length > 0) fellBackToMarkdown.push(arg);
        markdown.forEach((file) => found.add(file));
      }
      matches.forEach((file) => found.add(file));
    } else if (isDynamicPattern(arg)) {
      const matches = globSync(arg, { cwd, absolute: true, ignore: ['**/node_modules/**', '**/.git/**', ...ignore], onlyFiles: true });
      if (matches.length === 0) missing.push(arg);
      matches.forEach((file) => found.add(resolve(file)));
    } else {
      missing.push(arg);
    }
  }
  return { files: [...found].sort(), missing, fellBackToMarkdown };
}

function walk(root: string, include: (path: string) => boolean, ignored: (path: string) => boolean): string[] {
  const files: string[] = [];
  const pending = [root];
  while (pending.length > 0) {
    const dir = pending.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const full = join(dir, entry.name);
      const rel = relative(root, full).split(sep).join('/');
      if (ignored(rel)) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && include(rel)) {
        files.push(full);
      }
    }
  }
  return files;
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}
