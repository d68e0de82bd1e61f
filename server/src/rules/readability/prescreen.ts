import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula, daleChallGradeLevel } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';
import type { Root as NlcstRoot } from 'nlcst';
import { sentenceTree } from '../../engine/library-checks.js';
import type { MacroDocument } from '../../engine/types.js';

/**
 * retext-readability rates every sentence with seven formulas. Two of them
 * (Dale–Chall, Spache) look every word up in word lists kept as arrays, which
 * makes the plugin cost several times what parsing the macro costs. This
 * prescreen computes the plugin's own counts, with the same word lists (as
 * sets) and the same formula packages, and hands the plugin only the
 * sentences that can reach the agreement asked for; the plugin then decides
 * and reports as usual, so its judgement stays the one that counts.
 *
 * Each formula gets one year of slack on the age scale, so a rounding
 * difference in converting grades to ages can only let a sentence through,
 * never hold a hard one back. `maxWords` drops sentences that another rule
 * (sentence-length) reports.
 */
export function sentencesWorthRating(document: MacroDocument, age: number, agreement: number, minWords: number, maxWords: number): NlcstRoot {
  return sentenceTree(document, (sentence) => {
    const count = sentence.words.length;
    return count >= minWords && count <= maxWords && mayBeHard(sentence.words.map((word) => word.text), age - SLACK, agreement);
  });
}

const SLACK = 1;
const FAMILIAR = new Set(spache);
const EASY = new Set(daleChall);

function mayBeHard(words: string[], limit: number, agreement: number): boolean {
  const familiar = new Set<string>();
  const easy = new Set<string>();
  const counts = {
    sentence: 1, word: words.length, character: 0, letter: 0, syllable: 0,
    polysillabicWord: 0, complexPolysillabicWord: 0, difficultWord: 0, unfamiliarWord: 0,
  };
  for (const word of words) {
    const caseless = word.toLowerCase();
    const syllables = syllablesOf(word);
    counts.syllable += syllables;
    counts.letter += word.length;
    if (syllables >= 3) {
      counts.polysillabicWord++;
      if (word.charCodeAt(0) === caseless.charCodeAt(0)) counts.complexPolysillabicWord++;
    }
    if (FAMILIAR.has(caseless)) familiar.add(caseless);
    if (EASY.has(caseless)) easy.add(caseless);
  }
  counts.character = counts.letter;
  counts.difficultWord = words.length - easy.size;
  counts.unfamiliarWord = words.length - familiar.size;

  const ages = [
    gradeAge(automatedReadability(counts)),
    gradeAge(colemanLiau(counts)),
    gradeAge(daleChallGradeLevel(daleChallFormula(counts))[1]!),
    20 - Math.floor(flesch(counts) / 10),
    gradeAge(gunningFog(counts)),
    Math.ceil(Math.sqrt(smogFormula(counts)) + 2.5),
    gradeAge(spacheFormula(counts)),
  ];
  return ages.filter((value) => value > limit).length >= agreement;
}

/** Syllable counting is the costly part left, and replies reuse a small vocabulary. */
const syllableCache = new Map<string, number>();
const SYLLABLE_CACHE_SIZE = 20_000;

function syllablesOf(word: string): number {
  let count = syllableCache.get(word);
  if (count === undefined) {
    count = syllable(word);
    if (syllableCache.size >= SYLLABLE_CACHE_SIZE) syllableCache.clear();
    syllableCache.set(word, count);
  }
  return count;
}

function gradeAge(grade: number): number {
  return Math.round(grade + 5);
}
