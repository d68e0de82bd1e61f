import { closeSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface SafeWriteOptions {
  /**
   * The text the file held when it was read. If it holds something else by the
   * time the new text is ready (an editor saved it meanwhile), nothing is
   * written and the error's `code` is `ECHANGED`.
   */
  expected?: string;
}

/**
 * Replaces a file's content atomically: the new text goes to a temporary file
 * beside it, is flushed to disk, and is renamed over the original. If writing
 * fails half-way (disk full, interrupted), the original is untouched and the
 * temporary file is removed. A symbolic link is followed, so the link stays a
 * link and its target gets the new text.
 */
export function writeFileAtomic(path: string, content: string, options: SafeWriteOptions = {}): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A new file: written where it was asked for.
  }
  const temporary = join(dirname(target), `.${basename(target)}.tactful-${process.pid}-${Date.now()}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(target).mode;
  } catch {
    mode = undefined;
  }
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', mode ?? 0o644);
    const buffer = Buffer.from(content, 'utf8');
    let written = 0;
    while (written < buffer.length) written += writeSync(fd, buffer, written, buffer.length - written);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.expected !== undefined && readFileSync(target, 'utf8') !== options.expected) {
      throw Object.assign(new Error('the file changed while it was being fixed; it was left as it is'), { code: 'ECHANGED' });
    }
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // Already gone.
    }
    throw error;
  }
}
