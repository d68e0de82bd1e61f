/**
 * Caches that remember what the last two lints computed, and nothing older.
 *
 * Why two lints: re-linting an edited document asks again for nearly every
 * text the previous lint of it saw (the incremental linter moves untouched
 * blocks into new objects, so only a cache keyed by text finds them), while
 * anything older belongs to documents that may be closed by now. A cache
 * bounded by a count instead either thrashes on a long file or holds on to
 * closed documents' texts in the language server.
 *
 * Each lint calls `beginLint()`; a cache notices on its next use and moves
 * its entries back one generation (or drops them all if it sat out a lint).
 */
let generation = 0;

/** A lint of a whole document starts: what caches hold from two lints ago is dropped. */
export function beginLint(): void {
  generation++;
}

export class RecentCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();
  private seen = generation;

  get(key: K): V | undefined {
    this.catchUp();
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key);
      if (value !== undefined) this.current.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.catchUp();
    this.current.set(key, value);
  }

  private catchUp(): void {
    if (this.seen === generation) return;
    this.previous = this.seen === generation - 1 ? this.current : new Map();
    this.current = new Map();
    this.seen = generation;
  }
}
