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
import type { MacroDocument, Word } from '../../engine/types.js';

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
    return count >= minWords && count <= maxWords && mayBeHard(sentence.words, age - SLACK, agreement);
  });
}

const SLACK = 1;
const FAMILIAR = new Set(spache);
const EASY = new Set(daleChall);

/** What the formulas need to know of a word: looked up once per spelling, since replies reuse a small vocabulary. */
interface WordFacts {
  syllables: number;
  /** Starts with a lower-case letter (or no letter): a polysyllabic word that is not a proper noun. */
  lowerStart: boolean;
  caseless: CaselessFacts;
}

/** What the word lists say of a word in any case; `sentence` marks the last sentence that counted it, since each list counts distinct words. */
interface CaselessFacts {
  familiar: boolean;
  easy: boolean;
  sentence: number;
}

const wordFacts = new Map<string, WordFacts>();
const caselessFacts = new Map<string, CaselessFacts>();
const WORD_FACTS_SIZE = 20_000;
let sentencesRated = 0;

function factsOf(word: string): WordFacts {
  let facts = wordFacts.get(word);
  if (!facts) {
    const caseless = word.toLowerCase();
    let listed = caselessFacts.get(caseless);
    if (!listed) {
      listed = { familiar: FAMILIAR.has(caseless), easy: EASY.has(caseless), sentence: 0 };
      caselessFacts.set(caseless, listed);
    }
    facts = { syllables: syllable(word), lowerStart: word.charCodeAt(0) === caseless.charCodeAt(0), caseless: listed };
    wordFacts.set(word, facts);
  }
  return facts;
}

function mayBeHard(words: readonly Word[], limit: number, agreement: number): boolean {
  // Emptied between sentences only: a sentence's distinct words are counted by the marks on their facts.
  if (wordFacts.size >= WORD_FACTS_SIZE) {
    wordFacts.clear();
    caselessFacts.clear();
  }
  const sentence = ++sentencesRated;
  const counts = {
    sentence: 1, word: words.length, character: 0, letter: 0, syllable: 0,
    polysillabicWord: 0, complexPolysillabicWord: 0, difficultWord: 0, unfamiliarWord: 0,
  };
  let familiar = 0;
  let easy = 0;
  for (const { text } of words) {
    const facts = factsOf(text);
    counts.syllable += facts.syllables;
    counts.letter += text.length;
    if (facts.syllables >= 3) {
      counts.polysillabicWord++;
      if (facts.lowerStart) counts.complexPolysillabicWord++;
    }
    const listed = facts.caseless;
    if (listed.sentence !== sentence) {
      listed.sentence = sentence;
      if (listed.familiar) familiar++;
      if (listed.easy) easy++;
    }
  }
  counts.character = counts.letter;
  counts.difficultWord = words.length - easy;
  counts.unfamiliarWord = words.length - familiar;

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

function gradeAge(grade: number): number {
  return Math.round(grade + 5);
}
