/**
 * A set of words kept as the one string they came in: words one a line, each
 * line ended by "\n". The index is an open-addressing hash table of where each
 * word starts, so a dictionary of 120,000 words costs its text and 1 MB of
 * index, where a JavaScript object or Set of the same words costs about ten
 * times that in strings, table entries and per-word values.
 */
export class WordList {
  private readonly text: string;
  /** 1 + the offset of a word's first character; 0 is an empty slot. */
  private readonly slots: Uint32Array;
  private readonly mask: number;

  constructor(text: string) {
    if (text.length > 0 && !text.endsWith('\n')) throw new Error('a word list must end with a line break');
    this.text = text;
    let count = 0;
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count++;
    // At most half full, so a probe for a missing word ends within a few slots.
    let capacity = 16;
    while (capacity < count * 2) capacity *= 2;
    this.slots = new Uint32Array(capacity);
    this.mask = capacity - 1;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; start = end + 1, end = text.indexOf('\n', start)) {
      let slot = hash(text, start, end) & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = start + 1;
    }
  }

  has(word: string): boolean {
    const { text, slots, mask } = this;
    const length = word.length;
    // A "word" spanning lines would match two neighbours read as one.
    if (word.includes('\n')) return false;
    for (let slot = hash(word, 0, length) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const start = slots[slot]! - 1;
      if (text.charCodeAt(start + length) === 10 && text.startsWith(word, start)) return true;
    }
    return false;
  }
}

/** FNV-1a over the UTF-16 code units of `text` from `start` to `end`. */
function hash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
