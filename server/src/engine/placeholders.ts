import type { Placeholder, Range } from './types.js';

/** Liquid's control tags: they steer the template and are not words of the sentence. */
const LIQUID_KEYWORDS = new Set([
  'if', 'elsif', 'else', 'endif', 'unless', 'endunless', 'case', 'when', 'endcase',
  'for', 'endfor', 'break', 'continue', 'assign', 'capture', 'endcapture', 'comment',
  'endcomment', 'raw', 'endraw', 'cycle', 'increment', 'decrement', 'include', 'render',
  'liquid', 'echo', 'tablerow', 'endtablerow',
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
  let i = 0;
  while (i < text.length) {
    const open = nextOpener(text, i);
    const strayClose = nextCloser(text, i, open === -1 ? text.length : open);
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
    const close = text.indexOf(closer, open + 2);
    const blank = text.slice(open, close === -1 ? limit : close).search(/\n[ \t]*\r?\n/);
    const otherOpen = nextOpener(text, open + 2);
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

function nextOpener(text: string, from: number): number {
  const a = text.indexOf('{{', from);
  const b = text.indexOf('{%', from);
  if (a === -1) return b;
  if (b === -1) return a;
  return Math.min(a, b);
}

function nextCloser(text: string, from: number, before: number): number {
  for (const closer of ['}}', '%}']) {
    const at = text.indexOf(closer, from);
    if (at !== -1 && at < before) return at;
  }
  return -1;
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
