import type { Placeholder, Range } from './types.js';

/**
 * Control tags of Liquid (and of the Django/Jinja templates some teams keep
 * replies in): they steer the template and are not words of the sentence.
 */
const LIQUID_KEYWORDS = new Set([
  'if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'case', 'when', 'endcase',
  'for', 'endfor', 'break', 'continue', 'assign', 'capture', 'endcapture', 'comment',
  'endcomment', 'raw', 'endraw', 'cycle', 'increment', 'decrement', 'include', 'render',
  'liquid', 'echo', 'tablerow', 'endtablerow',
  // Django / Jinja
  'elif', 'extends', 'load', 'block', 'endblock', 'trans', 'blocktrans', 'endblocktrans',
  'translate', 'blocktranslate', 'endblocktranslate', 'with', 'endwith', 'url', 'set', 'endset',
  'macro', 'endmacro', 'filter', 'endfilter', 'spaceless', 'endspaceless', 'autoescape',
  'endautoescape', 'verbatim', 'endverbatim', 'csrf_token', 'now', 'firstof', 'ifchanged', 'endifchanged',
]);

export interface PlaceholderScan {
  placeholders: Placeholder[];
  malformed: { range: Range; message: string }[];
}

/** Longest a placeholder may run before we call its opening unclosed. */
const MAX_PLACEHOLDER_LENGTH = 300;

/**
 * Finds `{{ … }}` and `{% … %}` in `text` (offsets shifted by `base`).
 * Unclosed openers, stray closers and empty placeholders are reported as malformed.
 */
export function scanPlaceholders(text: string, base: number): PlaceholderScan {
  const placeholders: Placeholder[] = [];
  const malformed: PlaceholderScan['malformed'] = [];
  const find = finder(text);
  const nextOpener = (from: number) => earliest(find('{{', from), find('{%', from));
  const nextCloser = (from: number, before: number) => {
    for (const closer of ['}}', '%}']) {
      const at = find(closer, from);
      if (at !== -1 && at < before) return at;
    }
    return -1;
  };
  let i = 0;
  while (i < text.length) {
    const open = nextOpener(i);
    const strayClose = nextCloser(i, open === -1 ? text.length : open);
    if (strayClose !== -1) {
      malformed.push({
        range: { start: base + strayClose, end: base + strayClose + 2 },
        message: `"${text.slice(strayClose, strayClose + 2)}" closes a placeholder that was never opened.`,
      });
      i = strayClose + 2;
      continue;
    }
    if (open === -1) break;
    const isPercent = text[open + 1] === '%';
    const closer = isPercent ? '%}' : '}}';
    // A placeholder never spans a blank line or runs on for hundreds of characters.
    const limit = Math.min(text.length, open + MAX_PLACEHOLDER_LENGTH);
    const close = find(closer, open + 2);
    // Past `limit` it is unclosed whatever the text holds, so no need to look further.
    const blank = text.slice(open, close === -1 ? limit : Math.min(close, limit)).search(/\n[ \t]*\r?\n/);
    const otherOpen = nextOpener(open + 2);
    if (close === -1 || close + 2 > limit || blank !== -1 || (otherOpen !== -1 && otherOpen < close)) {
      malformed.push({
        range: { start: base + open, end: base + open + 2 },
        message: `"${isPercent ? '{%' : '{{'}" is never closed with "${closer}".`,
      });
      i = open + 2;
      continue;
    }
    const expression = text.slice(open + 2, close).replace(/^[-\s]+|[-\s]+$/g, '');
    const range = { start: base + open, end: base + close + 2 };
    if (expression === '') {
      malformed.push({ range, message: 'This placeholder is empty.' });
    } else {
      placeholders.push(describe(expression, isPercent, range));
    }
    i = close + 2;
  }
  return { placeholders, malformed };
}

function earliest(a: number, b: number): number {
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

/**
 * `text.indexOf(needle, from)` that remembers each needle's last answer. The
 * scan only moves forward, so an answer at or past `from` still holds, and a
 * needle that is absent stays absent; asking `indexOf` afresh for a delimiter
 * the text never uses (`{%` in a Mustache macro) read the rest of the file
 * at every placeholder, which made long files quadratic.
 */
function finder(text: string): (needle: string, from: number) => number {
  const last = new Map<string, { from: number; at: number }>();
  return (needle, from) => {
    const known = last.get(needle);
    if (known && from >= known.from && (known.at === -1 || known.at >= from)) return known.at;
    const at = text.indexOf(needle, from);
    last.set(needle, { from, at });
    return at;
  };
}

function describe(expression: string, isPercent: boolean, range: Range): Placeholder {
  const firstWord = /^[A-Za-z_]+/.exec(expression)?.[0] ?? '';
  if (isPercent && LIQUID_KEYWORDS.has(firstWord)) {
    return { range, kind: 'tag', name: firstWord, expression, hasFallback: false };
  }
  // Help Scout: {%customer.firstName,fallback=there%}; Liquid: {{ name | default: "x" }}.
  const name = expression.split(/[|,\s]/, 1)[0]!;
  const hasFallback = /\|\s*(fallback|default)\s*:/.test(expression) || /,\s*fallback\s*=/.test(expression);
  return { range, kind: 'output', name, expression, hasFallback };
}

/**
 * The index of the first of `placeholders` that ends after `offset`
 * (`placeholders.length` when none does). Placeholders are sorted and never
 * overlap, so their ends are sorted too: a binary search.
 */
export function firstPlaceholderEndingAfter(placeholders: readonly Placeholder[], offset: number): number {
  let low = 0;
  let high = placeholders.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (placeholders[mid]!.range.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
