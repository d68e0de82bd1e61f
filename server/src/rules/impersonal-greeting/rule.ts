import { defineRule, type RuleContext } from '../../engine/rule.js';
import { tokenize, type Token } from '../../engine/phrase-matcher.js';
import { customerNamePlaceholder } from '../../engine/reply-structure.js';
import type { Range } from '../../engine/types.js';

const GREETING_WORDS = new Set(['dear', 'hello', 'hi', 'hey', 'greetings', 'hiya']);
const TIMES_OF_DAY = new Set(['morning', 'afternoon', 'evening']);
/** "Dear valued customer", "Hello our loyal users". */
const ADJECTIVES = new Set(['valued', 'dear', 'esteemed', 'loyal', 'respected', 'our', 'beloved', 'lovely', 'fellow']);
/** Who an impersonal greeting addresses: anyone at all. */
const NOUNS = new Set([
  'customer', 'customers', 'client', 'clients', 'user', 'users', 'member', 'members', 'subscriber', 'subscribers', 'shopper', 'shoppers',
  'guest', 'guests', 'patron', 'patrons', 'cardholder', 'cardholders', 'buyer', 'buyers', 'sir', 'sirs', 'madam', 'madame',
]);
/** Two-word addressees. */
const HOLDERS = new Set(['account', 'policy', 'card']);
/** What may follow the addressee on its line: the salutation's own punctuation, or nothing. */
const CLOSERS = new Set([',', ':', ';', '!', '.', '-', '–', '—']);

export default defineRule({
  id: 'impersonal-greeting',
  title: 'Greet the customer by name',
  category: 'phrase',
  severity: 'warning',
  fixable: true,
  blockLocal: true,
  guideline: {
    seeds: ['002 #1', '002 #4', '004'],
    summary: 'Make the customer feel seen: open with their first name, not a form-letter salutation.',
  },
  // Greetings are found by `check` so the rewrite can use the macro's own placeholder dialect;
  // an empty list still lets a team add its own salutations in configuration.
  phrases: [],
  check(context) {
    // With the fallback placeholder-fallback asks for, so the rewrite is not itself a finding.
    const placeholder = customerNamePlaceholder(context.platform, context.config);
    for (const block of context.document.blocks) {
      let lineStart = 0;
      while (lineStart <= block.masked.length) {
        const newline = block.masked.indexOf('\n', lineStart);
        const lineEnd = newline === -1 ? block.masked.length : newline;
        const line = block.masked.slice(lineStart, lineEnd).replace(/\r$/, '');
        const found = findGreeting(tokenize(line));
        if (found) report(context, block.range.start + lineStart, line, found, placeholder);
        if (newline === -1) break;
        lineStart = newline + 1;
      }
    }
  },
});

/** The salutation at the start of a line, as token offsets within the line. */
function findGreeting(tokens: Token[]): { start: number; end: number } | undefined {
  let i = 0;
  // An emoji or a stray mark before the greeting ("👋 Hello user,") is still the line's start.
  while (i < tokens.length && !tokens[i]!.word) i++;
  const first = tokens[i];
  if (!first) return undefined;
  const words = tokens.slice(i).map((t) => t.norm);

  if (words.slice(0, 5).join(' ') === 'to whom it may concern') return closes(tokens, i + 4) ? { start: first.start, end: tokens[i + 4]!.end } : undefined;

  let k = i;
  if (GREETING_WORDS.has(tokens[k]!.norm)) k++;
  else if (tokens[k]!.norm === 'good' && TIMES_OF_DAY.has(tokens[k + 1]?.norm ?? '')) k += 2;
  else return undefined;
  if (tokens[k]?.norm === ',') k++;
  while (tokens[k] && ADJECTIVES.has(tokens[k]!.norm) && tokens[k + 1]?.word) k++;
  // "Dear Northwind customer": one capitalised word naming the company.
  if (tokens[k]?.word && tokens[k]!.capitalised && !NOUNS.has(tokens[k]!.norm) && NOUNS.has(tokens[k + 1]?.norm ?? '')) k++;

  const noun = tokens[k];
  if (!noun?.word) return undefined;
  let last = k;
  if (HOLDERS.has(noun.norm) && /^holders?$/.test(tokens[k + 1]?.norm ?? '')) last = k + 1;
  else if (!NOUNS.has(noun.norm)) return undefined;
  // "Dear Sir/Madam", "Dear Sir or Madam", "Dear Sir(s)".
  if (/^sirs?$/.test(noun.norm)) {
    const rest = tokens.slice(last + 1, last + 4).map((t) => t.norm).join(' ');
    if (/^(\/|or) madam\b/.test(rest)) last += 2;
    else if (rest === '( s )') last += 3;
  } else if (noun.norm === 'madam') {
    if (/^(\/|or) sirs?\b/.test(tokens.slice(last + 1, last + 3).map((t) => t.norm).join(' '))) last += 2;
  }
  if (!closes(tokens, last)) return undefined;
  return { start: first.start, end: tokens[last]!.end };
}

/** Nothing but the salutation's punctuation may follow on the line. */
function closes(tokens: Token[], last: number): boolean {
  const next = tokens[last + 1];
  return !next || CLOSERS.has(next.norm);
}

function report(context: RuleContext, lineOffset: number, line: string, found: { start: number; end: number }, placeholder: string): void {
  const source = context.document.source;
  const range: Range = { start: lineOffset + found.start, end: lineOffset + found.end };
  const actual = source.slice(range.start, range.end);
  // An ALL-CAPS addressee after a normal greeting ("Hello CUSTOMER") is a fill-in slot, not a salutation.
  const lastWord = /[\p{L}]+$/u.exec(actual)?.[0] ?? '';
  if (lastWord.length > 1 && lastWord === lastWord.toUpperCase() && actual !== actual.toUpperCase()) return;

  const after = line.slice(found.end);
  const punctuation = /^\s*[,:;]/.exec(after);
  const atLineEnd = after.trim() === '';
  const edit = {
    range: { start: range.start, end: range.end + (punctuation ? punctuation[0].length : 0) },
    text: `Hi ${placeholder}${punctuation || atLineEnd ? ',' : ''}`,
  };
  context.report({
    range,
    actual,
    message: `"${actual}" could be written to anyone; greet the customer by first name: "Hi ${placeholder},".`,
    suggestions: [{ title: `Replace with "Hi ${placeholder},"`, edit }],
  });
}
