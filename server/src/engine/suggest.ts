import { distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `word`, if it is near enough to be a likely typo:
 * at most a third of the word's length away, and never more than 4 edits.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  return nearest(word, candidates, 1)[0];
}

/** Up to `count` candidates near `word`, nearest first. */
export function nearest(word: string, candidates: Iterable<string>, count: number): string[] {
  const limit = Math.min(4, Math.max(1, Math.floor(word.length / 3)));
  const scored: { candidate: string; score: number }[] = [];
  const lower = word.toLowerCase();
  for (const candidate of candidates) {
    const score = distance(lower, candidate.toLowerCase());
    if (score <= limit && candidate !== word) scored.push({ candidate, score });
  }
  return scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate)).slice(0, count).map((s) => s.candidate);
}
