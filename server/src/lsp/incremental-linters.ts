/**
 * The engine's incremental linters for the documents being typed in.
 *
 * An `IncrementalLinter` re-reads only the pieces of a document an edit
 * changed, which turns a keystroke in a 100 KB file from a full lint into
 * roughly one paragraph's worth; its result equals a full lint. It keeps the
 * previous reading of its document, parse trees included, so only the few
 * most recently edited documents get one: a folder of opened-but-untouched
 * macros must not hold a reading each (see analysis-cache.ts).
 */
import { IncrementalLinter } from '../engine/incremental.js';

export const DEFAULT_INCREMENTAL_DOCUMENTS = 4;

export class IncrementalLinters {
  /** Least recently used first. */
  private readonly byUri = new Map<string, IncrementalLinter>();

  constructor(private readonly limit = DEFAULT_INCREMENTAL_DOCUMENTS) {}

  /** The linter of `uri`, created if needed, now the most recently used. */
  for(uri: string): IncrementalLinter {
    let linter = this.byUri.get(uri);
    if (linter) this.byUri.delete(uri);
    else linter = new IncrementalLinter();
    this.byUri.set(uri, linter);
    while (this.byUri.size > this.limit) this.byUri.delete(this.byUri.keys().next().value!);
    return linter;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }

  clear(): void {
    this.byUri.clear();
  }

  get size(): number {
    return this.byUri.size;
  }
}
