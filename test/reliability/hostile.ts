/**
 * Hostile inputs shared by the engine, command-line and language-server
 * reliability tests: macros and configuration files that are empty, binary,
 * badly encoded, huge, absurdly nested, unterminated, or built to explode.
 */

/** A macro that is clean but for one over-promise. */
export const MACRO = [
  '---',
  'title: Refund on its way',
  'channel: email',
  '---',
  'Hi {{customer.first_name | default: "there"}},',
  '',
  'Thank you for writing in. We will refund you within one business day, and we will confirm it right away.',
  '',
  "If anything is still unclear, reply to this email and I'll be happy to help.",
  '',
  'Best,',
  '{{agent.first_name}}',
  '',
].join('\n');

const FRONT = '---\ntitle: Hostile\n---\n';

/** Deterministic bytes 0–255, not text. */
export function junkBytes(length: number, seed = 7): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    bytes[i] = state >> 16;
  }
  return bytes;
}

/** About `bytes` bytes of ordinary macro prose, with findings in it. */
export function hugeMacro(bytes: number): string {
  const paragraph = 'Thank you for your patience. We will send the replacement right away, and I have asked our warehouse team to check the parcel before it leaves.\n\n';
  return FRONT + paragraph.repeat(Math.ceil(bytes / paragraph.length));
}

/** A YAML "billion laughs": nine levels of nine aliases each. */
export function yamlBomb(): string {
  const lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(`*${names[i - 1]}`).join(', ')}]`);
  return lines.join('\n');
}

/** Texts by name; functions so the large ones are built only when used. */
export const HOSTILE_MACROS: Record<string, () => string> = {
  'empty file': () => '',
  'only a BOM': () => '\uFEFF',
  'binary junk': () => junkBytes(4096).toString('latin1'),
  'invalid UTF-8 (decoded with replacement characters)': () => new TextDecoder().decode(junkBytes(4096, 11)),
  'lone surrogates': () => `${FRONT}Hi \uD83D there \uDE00, we will refund you right away.\uD800\n`,
  'NUL and control characters': () => `${FRONT}We\u0000 will\u0007 refund\u001b[31m you right away.\u0000\n`,
  'UTF-8 BOM': () => `\uFEFF${MACRO}`,
  'CR-only line breaks': () => MACRO.replace(/\n/g, '\r'),
  '5 MB macro': () => hugeMacro(5 * 1024 * 1024),
  '10,000-deep nested blockquotes': () => `${FRONT}${'> '.repeat(10_000)}We will refund you right away.\n`,
  '10,000-deep nested blockquotes without spaces': () => `${FRONT}${'>'.repeat(10_000)} We will refund you right away.\n`,
  '10,000-deep nested lists': () => `${FRONT}${'- '.repeat(10_000)}We will refund you right away.\n`,
  '10,000-deep nested ordered lists and quotes': () => `${FRONT}${'1. > '.repeat(5_000)}We will refund you right away.\n`,
  '10,000-deep nested emphasis': () => `${FRONT}${'*'.repeat(10_000)}right away${'*'.repeat(10_000)}\n`,
  'unterminated front matter': () => '---\ntitle: Never closed\nchannel: email\n\nHi there,\n\n> We will refund you right away.\n',
  'YAML bomb front matter': () => `---\n${yamlBomb()}\ntitle: Bomb\n---\nHi there, we will refund you right away.\n`,
  '10,000-deep YAML in the front matter': () => `---\ntitle: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n---\nWe will refund you right away.\n`,
  'a 100,000-character word': () => `${FRONT}We will refund you ${'a'.repeat(100_000)} right away.\n`,
  'a 200 KB paragraph without a full stop': () => `${FRONT}${'we will send it right away and '.repeat(7_000)}\n`,
  '20,000 placeholders and stray braces': () => `${FRONT}${'{{customer.first_name}} {{ }} }} {% '.repeat(5_000)}\n`,
};

/** Hostile macros that get the engine's notice (too large or too deeply nested to read) instead of a freeze. */
export const NOTICED = new Set([
  '5 MB macro', '10,000-deep nested blockquotes', '10,000-deep nested blockquotes without spaces', '10,000-deep nested lists',
  '10,000-deep nested ordered lists and quotes', '10,000-deep nested emphasis',
]);

export interface HostileConfig {
  /** Files of the workspace folder, by relative path; the macro `refund.macro.md` is added. */
  files: Record<string, string>;
  /** The configuration file that gets the diagnostic, if any. */
  reportedIn?: string;
}

/** Configuration folders by name. */
export const HOSTILE_CONFIGS: Record<string, () => HostileConfig> = {
  '50,000 phrases': () => ({
    files: {
      '.tactful.yaml': `phrases:\n  corporate-speak:\n${Array.from({ length: 50_000 }, (_, i) => `    - match: "team phrase number ${i}"\n      replace: ["plain words ${i}"]\n`).join('')}`,
    },
  }),
  'unknown keys': () => ({ files: { '.tactful.yaml': 'platfrom: zendesk\nrules:\n  no-overpromis: off\nfoo: {bar: 1}\n' }, reportedIn: '.tactful.yaml' }),
  'wrong types': () => ({
    files: { '.tactful.yaml': 'platform: 7\nrules: [1, 2]\nwords: Tactful\nphrases: {corporate-speak: "per our records"}\nplaceholders: {a: 1}\ninclude: 5\n' },
    reportedIn: '.tactful.yaml',
  }),
  'extends cycle': () => ({
    files: { '.tactful.yaml': 'extends: ./base.yaml\nwords: [Tactful]\n', 'base.yaml': 'extends: ./.tactful.yaml\nplatform: zendesk\n' },
    reportedIn: 'base.yaml',
  }),
  'extends itself': () => ({ files: { '.tactful.yaml': 'extends: ./.tactful.yaml\n' }, reportedIn: '.tactful.yaml' }),
  'YAML bomb': () => ({ files: { '.tactful.yaml': `${yamlBomb()}\nwords: *i\n` }, reportedIn: '.tactful.yaml' }),
  'binary junk': () => ({ files: { '.tactful.yaml': junkBytes(2048).toString('latin1') }, reportedIn: '.tactful.yaml' }),
  'broken YAML': () => ({ files: { '.tactful.yaml': 'rules:\n  no-upsell: [off\n  : :\n' }, reportedIn: '.tactful.yaml' }),
};
