/**
 * fast-check generators of Markdown macros as writers produce them, and as
 * they go wrong: front matter (valid, broken, unterminated), greetings and
 * sign-offs, the shipped rules' own phrases in any case and with either
 * apostrophe, placeholders of every dialect (and malformed ones), emoji and
 * other surrogate pairs, curly quotes, accents, inline code, links, URLs,
 * blockquotes, lists, tables, code blocks, HTML comments and disable
 * comments, with LF, CRLF or mixed line breaks, a BOM or not, a final
 * newline or not.
 */
import fc from 'fast-check';
import { rules, ruleIds, type Range } from 'tactful-server';

/** A generated macro and what the generator knows about it. */
export interface GeneratedMacro {
  text: string;
  /** The line break used throughout, or `mixed`. */
  eol: '\n' | '\r\n' | 'mixed';
  bom: boolean;
  finalNewline: boolean;
  /** Where the front matter block is (fences included), when there is a well-formed one. */
  frontMatter?: Range;
  /**
   * Where the text is that is not prose of ours (code, URLs, addresses,
   * blockquotes, comments, placeholders, front matter): no rewrite of a prose
   * rule may touch these ranges.
   */
  kept: Range[];
}

/** Every phrase the shipped phrase rules look for. */
export const RULE_PHRASES: string[] = [...new Set(rules.flatMap((rule) => (rule.phrases ?? []).flatMap((entry) => [entry.match].flat())))].sort();

/** Words the library checks (equality, profanity, repetition, articles, spelling) and the measures react to. */
const LIBRARY_TRIGGERS = [
  'guys', 'simply', 'just', 'obviously', 'recieve', 'adress', 'definately', 'the the', 'a apple', 'an user',
  'damn', 'crap', 'chairman', 'ASAP', 'FYI', 'URGENT', 'PLEASE NOTE', 'was processed', 'mistakes were made',
];

const WORDS = [
  'your', 'order', 'parcel', 'we', 'I', 'will', 'the', 'refund', 'today', 'Monday', 'account', 'team', 'it', 'is',
  'and', 'help', 'you', 'please', 'check', 'café', 'naïve', 'résumé', 'Zoë', 'Straße', 'invoice', 'shipped', 'sorry',
  'thank', 'thanks', 'for', 'waiting', 'patience', 'reply', 'email', 'link', 'password', 'reset', 'can', 'cannot',
  'don’t', "won't", 'we’re', 'it’s', 'Shopify', 'iPhone', 'SKU', '3', '48213', 'A-10293',
];

const EMOJI = ['😀', '👍🏽', '🇫🇷', '👩‍💻', '🚚', '❤️', '🙏', '𝒜', '😅'];
const QUOTES = ['“', '”', '‘', '’', '"', "'", '—', '–', '…', '«', '»'];
const PUNCTUATION = ['.', ',', '!', '?', ';', ':', '(', ')', '.', ','];

const PLACEHOLDERS = [
  '{{customer.first_name}}', '{{customer.first_name | default: "there"}}', '{{agent.first_name}}', '{{ticket.id}}',
  '{{ticket.requester.first_name}}', '{{current_user.first_name}}', '{%customer.firstName,fallback=there%}', '{%user.firstName%}',
  '{{first_name | fallback: "there"}}', '{{teammate.first_name}}', '{{ticket.agent.name}}', '{{recipient.first_name}}',
  '{{ custmer.first_name }}', '{{order.number}}', '{{the help article}}',
];
const MALFORMED = ['{{customer.first_name', '}}', '{{}}', '{%', '%}', '{{ | }}', '{{{customer.name}}}'];
const TAGS_LIQUID = ['{% if customer.first_name %}', '{% else %}', '{% endif %}'];

const CHANNELS = ['email', 'chat', 'social', 'phone', 'sms'];
const PLATFORMS = ['zendesk', 'helpscout', 'intercom', 'freshdesk', 'front', 'generic', 'hubspot'];
const TAGS = ['complaint', 'refund', 'incident', 'delay', 'refusal', 'review', 'feedback', 'troubleshooting', 'investigation', 'sales', 'other'];
const TITLES = ['Refund approved — damaged item', 'Shipping “update”', 'Delay 🚚', 'Café order', 'Password reset', "Can't log in", 'x'];

const KNOWN_RULES = [...ruleIds];

/** A run of text; `kept` when a prose rewrite must leave it as written. */
interface Segment {
  text: string;
  kept?: true;
}

/** A piece of text as segments, so that where each kept part lands is known exactly. */
type Piece = Segment[];

const plain = (text: string): Piece => [{ text }];
const kept = (text: string): Piece => [{ text, kept: true }];
const join = (parts: Piece[], separator: string | ((index: number) => string)): Piece =>
  parts.flatMap((part, i) => (i === 0 ? part : [{ text: typeof separator === 'string' ? separator : separator(i) }, ...part]));
const textOf = (p: Piece): string => p.map((s) => s.text).join('');

function casing(phrase: string, mode: number): string {
  if (mode === 1) return phrase.charAt(0).toUpperCase() + phrase.slice(1);
  if (mode === 2) return phrase.toUpperCase();
  return phrase;
}

const phraseArb: fc.Arbitrary<string> = fc.tuple(fc.constantFrom(...RULE_PHRASES), fc.integer({ min: 0, max: 3 }), fc.boolean())
  .map(([phrase, mode, curly]) => {
    const cased = casing(phrase, mode === 3 ? 0 : mode);
    return curly ? cased.replace(/'/g, '’') : cased;
  });

const directiveArb: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('disable-next-line', 'disable-line', 'disable', 'enable', 'disable-file'),
  fc.array(fc.oneof(fc.constantFrom(...KNOWN_RULES), fc.constantFrom('no-overpromis', 'not-a-rule')), { maxLength: 2 }),
  fc.boolean(),
).map(([kind, ids, reason]) => `<!-- tactful-${kind}${ids.length ? ' ' + ids.join(', ') : ''}${reason ? ' -- the customer asked' : ''} -->`);

const inlineArb: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map(plain) },
  { weight: 5, arbitrary: phraseArb.map(plain) },
  { weight: 2, arbitrary: fc.constantFrom(...LIBRARY_TRIGGERS).map(plain) },
  { weight: 2, arbitrary: fc.constantFrom(...PLACEHOLDERS).map(kept) },
  { weight: 1, arbitrary: fc.constantFrom(...MALFORMED, ...TAGS_LIQUID).map(plain) },
  { weight: 2, arbitrary: fc.constantFrom(...EMOJI).map(plain) },
  { weight: 2, arbitrary: fc.constantFrom(...QUOTES, ...PUNCTUATION).map(plain) },
  { weight: 1, arbitrary: phraseArb.map((p) => kept(`\`${p}\``)) },
  { weight: 1, arbitrary: phraseArb.map((p): Piece => [{ text: `[${p}]` }, { text: '(https://example.com/help?q=right-away)', kept: true }]) },
  // An address is one only after a space, and runs on into what follows it: "orderhttps://…" is text.
  { weight: 1, arbitrary: fc.constantFrom('https://example.com/right-away', 'help@example.com', '<https://example.com/a>').map((u): Piece => [{ text: ' ' }, { text: u, kept: true }, { text: ' ' }]) },
  { weight: 1, arbitrary: phraseArb.map((p) => plain(`**${p}**`)) },
  { weight: 1, arbitrary: phraseArb.map((p) => plain(`_${p}_`)) },
  { weight: 1, arbitrary: fc.constantFrom('<!-- note to agents -->', '<br>', '<!-- right away -->').map(kept) },
  { weight: 1, arbitrary: directiveArb.map(kept) },
);

const sentenceArb: fc.Arbitrary<Piece> = fc.tuple(
  fc.array(fc.tuple(inlineArb, fc.constantFrom(' ', ' ', ' ', '', '  ', '\u00A0')), { minLength: 1, maxLength: 12 }),
  fc.constantFrom('.', '.', '!', '?', '', '…'),
).map(([parts, end]) => [...join(parts.map(([p]) => p), (i) => parts[i]![1]), { text: end }]);

/** A sentence on one line, as in a heading, a list item or a table cell. */
const oneLine = (p: Piece): Piece => p.map((s) => ({ ...s, text: s.text.replace(/\n/g, ' ') }));

const paragraphArb: fc.Arbitrary<Piece> = fc.array(fc.tuple(sentenceArb, fc.boolean()), { minLength: 1, maxLength: 4 })
  // Sentences run on, or continue on the next line of the same paragraph.
  .map((sentences) => join(sentences.map(([s]) => s), (i) => (sentences[i]![1] ? '\n' : ' ')));

const blockArb: fc.Arbitrary<Piece> = fc.oneof(
  { weight: 8, arbitrary: paragraphArb },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentenceArb).map(([level, s]) => [{ text: `${'#'.repeat(level)} ` }, ...oneLine(s)]) },
  {
    weight: 2,
    arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) '), fc.array(sentenceArb, { minLength: 1, maxLength: 3 }))
      .map(([marker, items]) => join(items.map((s) => [{ text: marker }, ...oneLine(s)]), '\n')),
  },
  { weight: 1, arbitrary: sentenceArb.map((s) => [{ text: '> ' }, { text: textOf(oneLine(s)), kept: true as const }]) },
  { weight: 1, arbitrary: sentenceArb.map((s) => [{ text: '```\n' }, { text: textOf(s), kept: true as const }, { text: '\n```' }]) },
  // Indented code, or a lazy continuation of the paragraph or list item before it: prose either way for this purpose.
  { weight: 1, arbitrary: sentenceArb.map((s) => [{ text: '    ' }, ...oneLine(s)]) },
  {
    weight: 1,
    arbitrary: fc.tuple(sentenceArb, sentenceArb)
      .map(([a, b]) => plain(`| ${textOf(a).replace(/[|\n]/g, ' ')} | b |\n|---|---|\n| ${textOf(b).replace(/[|\n]/g, ' ')} | d |`)),
  },
  { weight: 2, arbitrary: directiveArb.map(kept) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '<div>right away</div>', '[ref]: https://example.com/ref').map(plain) },
);

/** Splits text into plain and kept (placeholder) segments. */
function withPlaceholdersKept(text: string): Piece {
  return text.split(/(\{[{%][^}]*[}%]\})/).filter(Boolean).map((part) => (/^\{[{%]/.test(part) ? { text: part, kept: true as const } : { text: part }));
}

const greetingArb: fc.Arbitrary<Piece> = fc.constantFrom(
  'Hi {{customer.first_name | default: "there"}},', 'Hi {{ticket.requester.first_name}},', 'Hello,', 'Dear customer,',
  'Hi there,', 'Hey {%customer.firstName,fallback=there%}!', 'Good morning {{first_name}},', 'Hi,',
).map(withPlaceholdersKept);

const signOffArb: fc.Arbitrary<Piece> = fc.constantFrom(
  'Best,\n{{agent.first_name}}', 'Thanks,\nThe support team', 'Kind regards,\n{{current_user.first_name}}', 'Cheers!', '—Sam',
  'If anything is still unclear, reply to this email and I’ll be happy to help.\n\nBest,\n{{agent.first_name}}',
).map(withPlaceholdersKept);

interface FrontMatterChoice {
  text: string;
  wellFormed: boolean;
}

const frontMatterArb: fc.Arbitrary<FrontMatterChoice | undefined> = fc.oneof(
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: fc.record({
      title: fc.option(fc.constantFrom(...TITLES), { freq: 6 }),
      tags: fc.option(fc.subarray(TAGS, { maxLength: 3 }), { freq: 2 }),
      channel: fc.option(fc.constantFrom(...CHANNELS), { freq: 2 }),
      platform: fc.option(fc.constantFrom(...PLATFORMS), { freq: 2 }),
      extra: fc.option(fc.constantFrom('owner: Sam', 'titel: typo', 'updated: 2024-01-01', 'id: 7', 'tags: refund'), { freq: 4 }),
    }).map((fm) => {
      const lines = ['---'];
      if (fm.title !== null) lines.push(`title: ${JSON.stringify(fm.title)}`);
      if (fm.tags !== null) lines.push(`tags: [${fm.tags.join(', ')}]`);
      if (fm.channel !== null) lines.push(`channel: ${fm.channel}`);
      if (fm.platform !== null) lines.push(`platform: ${fm.platform}`);
      if (fm.extra !== null && !(fm.extra.startsWith('tags') && fm.tags !== null)) lines.push(fm.extra);
      lines.push('---');
      return { text: lines.join('\n'), wellFormed: true };
    }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '---\ntitle: [unclosed\n---', '---\n---', '---\n- a list\n---', '---\ntitle: x\ntitle: y\n---',
      '---\na: &a [x, x]\nb: [*a, *a, *a]\ntitle: Aliases\n---', '---\ntitle: Never closed', '---\ntitle: 😀\n...',
    ).map((text) => ({ text, wellFormed: false })),
  },
);

export interface MacroOptions {
  /** Allow mixed line breaks (properties about keeping the line-break style need one style). */
  mixedEol?: boolean;
}

/** Whole macros. */
export function macroArb(options: MacroOptions = {}): fc.Arbitrary<GeneratedMacro> {
  return fc.record({
    frontMatter: frontMatterArb,
    greeting: fc.option(greetingArb, { freq: 3 }),
    blocks: fc.array(blockArb, { minLength: 0, maxLength: 7 }),
    signOff: fc.option(signOffArb, { freq: 3 }),
    eol: options.mixedEol ? fc.constantFrom<GeneratedMacro['eol']>('\n', '\r\n', 'mixed') : fc.constantFrom<GeneratedMacro['eol']>('\n', '\r\n'),
    mixSeed: fc.integer({ min: 0, max: 1 << 30 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    blankLines: fc.constantFrom('\n\n', '\n\n', '\n\n\n', '\n'),
  }).map((m) => {
    const pieces: Piece[] = [];
    if (m.greeting) pieces.push(m.greeting);
    pieces.push(...m.blocks);
    if (m.signOff) pieces.push(m.signOff);
    const segments: Segment[] = [];
    if (m.bom) segments.push({ text: '\uFEFF' });
    const front = m.frontMatter;
    if (front) segments.push({ text: `${front.text}\n`, ...(front.wellFormed ? { kept: true as const } : {}) });
    segments.push(...join(pieces, m.blankLines));
    if (m.finalNewline && !segments.at(-1)?.text.endsWith('\n')) segments.push({ text: '\n' });

    let mix = m.mixSeed;
    const lineBreak = (): string => {
      mix = (mix * 1103515245 + 12345) & 0x7fffffff;
      return ['\n', '\r\n', '\r\n'][mix % 3]!;
    };
    const convert = (text: string) => (m.eol === '\n' ? text : text.replace(/\n/g, () => (m.eol === 'mixed' ? lineBreak() : '\r\n')));
    let text = '';
    let keptRanges: Range[] = [];
    for (const segment of segments) {
      const converted = convert(segment.text);
      if (segment.kept && converted.length > 0) keptRanges.push({ start: text.length, end: text.length + converted.length });
      text += converted;
    }
    if (front && !front.wellFormed) {
      // An unclosed front matter fence swallows the lines after it into one paragraph (a quote
      // included) up to the first blank line; that paragraph is prose, whatever it looked like.
      const blank = /\r?\n[ \t]*\r?\n/.exec(text)?.index ?? text.length;
      keptRanges = keptRanges.filter((range) => range.start > blank);
    }
    const result: GeneratedMacro = { text, eol: m.eol, bom: m.bom, finalNewline: text.endsWith('\n'), kept: keptRanges };
    if (front?.wellFormed) {
      const start = m.bom ? 1 : 0;
      result.frontMatter = { start, end: start + convert(front.text).length };
    }
    return result;
  });
}

/** Arbitrary text, including lone surrogates, control characters and Markdown punctuation. */
export const junkArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom('\r', '\n', '\r\n', '-', '*', '>', '#', '`', '{', '}', '%', '|', '[', ']', '(', ')', '<', '!', ' ', '\t', 'a', '\uD83D', '\uDE00', '\uFEFF', '\u0000', 'right away', '---'), maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => new TextDecoder().decode(bytes)),
);
