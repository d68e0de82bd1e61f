import retextPassive from 'retext-passive';
import { defineRule } from '../../engine/rule.js';
import { runLibrary, sentenceTree } from '../../engine/library-checks.js';
import { normaliseApostrophes } from '../../engine/text.js';
import type { Root as NlcstRoot } from 'nlcst';
import type { MacroDocument, Range, Sentence, Word } from '../../engine/types.js';

/**
 * Participles that, in a reply, describe something done *to the customer*
 * that someone on our side did: saying them without an actor is evasive.
 * retext-passive finds the irregular ones; its list has no regular verbs
 * ("cancelled", "suspended"), so those are matched here with the same test
 * it uses (a form of "be" right before the participle).
 */
const EVASIVE_IRREGULAR = new Set(['made', 'lost', 'withheld', 'forgotten', 'frozen']);

/**
 * The sentences that hold one of those participles, the only ones whose
 * passives this rule reads. retext-passive judges a word by its own sentence
 * (the word before it, quotes around it), and it normalises and tests every
 * word it is shown against its whole list, so it is shown nothing else.
 */
function withIrregularParticiple(document: MacroDocument): NlcstRoot {
  return sentenceTree(document, (sentence) => sentence.words.some((word) => EVASIVE_IRREGULAR.has(word.text.toLowerCase())));
}
const EVASIVE_REGULAR = new Set([
  'cancelled', 'canceled', 'suspended', 'terminated', 'deactivated', 'denied', 'rejected', 'refused',
  'blocked', 'banned', 'revoked', 'voided', 'overcharged', 'mishandled', 'misplaced', 'overlooked',
  'ignored', 'delayed', 'downgraded',
]);
/** "Made" hides the actor only in "mistakes were made" and its kin. */
const FAULTS = new Set(['mistake', 'mistakes', 'error', 'errors']);
const BE = new Set(['was', 'were', 'is', 'are', 'been']);
const HAVE = new Set(['has', 'have', 'had', "'s", "'ve", "'d"]);
/** A named actor or cause after the participle: "cancelled by the courier", "delayed due to the storm". */
const ACTOR_OR_CAUSE = new Set(['by', 'because', 'due', 'since', 'as', 'at', 'following', 'after', 'per']);
/** Hypotheses and questions don't hide anything: "if your order was cancelled, …". */
const HYPOTHETICAL = new Set(['if', 'whether', 'unless', 'once', 'when', 'whenever', 'until']);
const NEGATION = new Set(['not', 'never', "n't"]);
/** Forms of "be" (or "have" before "been") that take "you" as subject. */
const YOU_BE = new Set(['were', 'are', 'have', 'had', "'ve", "'d"]);
/** How far back (in words, no punctuation between) the customer's "your" may stand. */
const SUBJECT_REACH = 5;

export default defineRule({
  id: 'passive-evasion',
  title: 'Say who did it',
  category: 'measure',
  severity: 'warning',
  fixable: false,
  blockLocal: true,
  guideline: { seeds: ['000 #5', '001 #4'], summary: 'Be honest and take ownership: "we cancelled your order", not "your order was cancelled".' },
  check(context) {
    const { document } = context;
    const irregular = new Set(
      runLibrary(document, 'retext-passive', retextPassive, undefined, withIrregularParticiple)
        .filter((message) => EVASIVE_IRREGULAR.has(message.actual.toLowerCase()))
        .map((message) => message.range.start),
    );
    for (const block of document.blocks) {
      for (const sentence of block.sentences) {
        if (sentence.text.trimEnd().endsWith('?')) continue;
        sentence.words.forEach((word, index) => {
          const participle = word.text.toLowerCase();
          const known = irregular.has(word.range.start) || EVASIVE_REGULAR.has(participle);
          if (!known || !BE.has(key(sentence.words[index - 1]))) return;
          const range = evasion(document.source, sentence, index, participle);
          if (!range) return;
          const actual = document.source.slice(range.start, range.end);
          context.report({
            range,
            message: participle === 'made'
              ? `"${actual}" hides who made the mistake. Own it: "we made a mistake", then say what you're doing about it.`
              : `"${actual}" doesn't say who did it. If it was us, own it ("we ${participle} …") and say why; if not, name who did.`,
          });
        });
      }
    }
  },
});

function key(word: Word | undefined): string {
  return word ? normaliseApostrophes(word.text).toLowerCase() : '';
}

/** The range "has been cancelled" when the passive hides a customer-facing actor; else nothing. */
function evasion(source: string, sentence: Sentence, index: number, participle: string): Range | undefined {
  const words = sentence.words;
  let first = index - 1; // the form of "be"
  if (key(words[first]) === 'been' && HAVE.has(key(words[first - 1]))) first--;
  if (NEGATION.has(key(words[first - 1])) || (first > 0 && /n't$/.test(key(words[first - 1])))) return undefined;
  if (/n't$/.test(key(words[first]))) return undefined;

  const before = words.slice(0, first).map(key);
  if (before.some((w) => HYPOTHETICAL.has(w))) return undefined;
  if (ACTOR_OR_CAUSE.has(key(words[index + 1])) || key(words[index + 1]) === 'to' && key(words[index + 2]) === 'protect') return undefined;
  if (words.slice(index + 1).some((w) => ['by', 'because'].includes(key(w)))) return undefined;
  if (words.slice(index + 1).some((w, i, rest) => key(w) === 'due' && key(rest[i + 1]) === 'to')) return undefined;

  if (participle === 'made') {
    if (!FAULTS.has(key(words[first - 1]))) return undefined;
  } else {
    // The thing acted on is the customer's: "your order was cancelled", "you were overcharged".
    let reached = false;
    for (let i = first - 1; i >= 0 && i >= first - SUBJECT_REACH; i--) {
      const between = source.slice(words[i]!.range.end, words[i + 1]!.range.start);
      if (/[,;:—–()]/.test(between)) break;
      // "you were overcharged", but not "received from you was cancelled".
      const subject = key(words[i]);
      if (subject === 'your' || (i === first - 1 && ((subject === 'you' && YOU_BE.has(key(words[first]))) || subject === "you've" || subject === "you'd"))) {
        reached = true;
        break;
      }
    }
    if (!reached) return undefined;
  }
  return { start: words[first]!.range.start, end: words[index]!.range.end };
}
