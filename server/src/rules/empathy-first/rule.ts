import { defineRule } from '../../engine/rule.js';
import {
  ACKNOWLEDGEMENT, INSTRUCTION, capitalise, decapitalise, has, layoutOf, matchingTag, stringList, messageRange,
  type SentenceView,
} from '../../engine/reply-structure.js';
import type { MacroDocument } from '../../engine/types.js';

const EMPATHY_TAGS = ['complaint', 'incident', 'refund', 'delay'];

export default defineRule({
  id: 'empathy-first',
  title: 'Acknowledge before you instruct',
  category: 'structure',
  severity: 'info',
  fixable: true,
  guideline: { seeds: ['004'], summary: 'Fix the person first, then the problem: the acknowledgement or apology comes before the first instruction.' },
  defaults: { tags: EMPATHY_TAGS },
  check(context) {
    const { document, platform, options } = context;
    if (!matchingTag(document, stringList(options.tags, EMPATHY_TAGS))) return;
    const layout = layoutOf(document, platform);
    const content = layout.content;
    const ackIndex = content.findIndex((s) => has(s, ACKNOWLEDGEMENT));
    const instructionIndex = content.findIndex((s) => has(s, INSTRUCTION));
    if (ackIndex < 0 || instructionIndex < 0 || ackIndex <= instructionIndex) return;
    const ack = content[ackIndex]!;
    const instruction = content[instructionIndex]!;
    const edit = moveBefore(document, ack, instruction, layout.contentFrom);
    context.report({
      range: messageRange(ack, layout),
      message: 'The acknowledgement comes after the first instruction. Fix the person first: put it before you tell the customer what to do.',
      suggestions: edit ? [{ title: 'Move the acknowledgement before the first instruction', edit }] : [],
    });
  },
});

/**
 * One replacement from the start of the instruction to the end of the
 * acknowledgement: the acknowledgement, then what stood between. A whole
 * paragraph (or list) keeps its paragraph break; inside a paragraph the
 * sentences just swap.
 */
function moveBefore(document: MacroDocument, ack: SentenceView, instruction: SentenceView, contentFrom: number) {
  const { source, lines } = document;
  let start = instruction.range.start;
  if (start < contentFrom) start = instruction.tokens.find((t) => t.start >= contentFrom)?.start ?? contentFrom;
  const line = lines.position(start).line;
  const prefix = source.slice(lines.lineStart(line), start);
  const atLineStart = /^\s*(?:(?:[-*+]|\d+[.)])\s+)?$/.test(prefix);
  const previousBlank = line === 0 || source.slice(lines.lineStart(line - 1), lines.lineEnd(line - 1)).trim() === '';
  const paragraphStart = atLineStart && previousBlank;
  if (paragraphStart) start = lines.lineStart(line) + (prefix.length - prefix.trimStart().length);

  let middle = source.slice(start, ack.range.start).replace(/\s+$/, '');
  const gap = source.slice(start + middle.length, ack.range.start);
  let moved = source.slice(ack.range.start, ack.range.end);
  // Mid-sentence after an inline greeting ("Hi {{name}}, please …"): the cases travel with the words.
  if (/^\p{Ll}/u.test(middle)) {
    moved = decapitalise(moved, document);
    middle = capitalise(middle);
  }
  const separator = paragraphStart && gap.includes('\n') ? gap : ' ';
  // Sentences are read from the prose with markup blanked, so one may start or end inside
  // emphasis, a link or a comment; moving it would break that markup ("_sorry_" → "sorry_ … _").
  const edges = source.charAt(start - 1) + source.charAt(ack.range.end);
  if (INLINE_MARKUP.test(moved) || INLINE_MARKUP.test(middle) || /[_*~`]/.test(edges)) return undefined;
  return { range: { start, end: ack.range.end }, text: `${moved}${separator}${middle}` };
}

/** Inline Markdown and HTML that a move must not cut through. */
const INLINE_MARKUP = /[_*~`<>[\]]/;
