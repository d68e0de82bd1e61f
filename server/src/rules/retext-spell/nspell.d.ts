/** nspell ships no types; this is the part Tactful uses. */
declare module 'nspell' {
  interface Dictionary {
    aff: Uint8Array | string;
    dic?: Uint8Array | string;
  }
  interface NSpell {
    correct(word: string): boolean;
    suggest(word: string): string[];
  }
  export default function nspell(dictionary: Dictionary | Dictionary[]): NSpell;
}
