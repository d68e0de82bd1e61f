/**
 * Text Tactful writes for the author: recommended-phrase snippets, a new
 * macro, a starter configuration. Everything here must lint clean (tested).
 */
import { stringify } from 'yaml';
import { CHANNELS, PLATFORMS, TAGS } from '../engine/frontmatter.js';
import type { Channel, PlatformId } from '../engine/types.js';
import { formatPlaceholder, formatWithFallback, platforms, type PlatformData } from '../platforms/index.js';

export interface PhraseSnippet {
  id: string;
  label: string;
  /** Words the completion list filters on. */
  keywords: string;
  description: string;
  /** LSP snippet syntax, with tab stops. */
  body: string;
}

export const PHRASE_SNIPPETS: readonly PhraseSnippet[] = [
  {
    id: 'gracious-no',
    label: 'Gracious no, with reason and alternative',
    keywords: 'no refuse decline cannot gracious',
    description: 'Say no politely, give the reason, and offer what you can do instead.',
    body: "I'm sorry, but I can't ${1:change the delivery address once an order has shipped} because ${2:the parcel is already with the courier}. What I can do instead is ${3:ask the courier to hold it at your local depot}.$0",
  },
  {
    id: 'apology',
    label: 'Sincere apology',
    keywords: 'sorry apology apologise apologize',
    description: 'A well-placed "I\'m sorry" that names what went wrong.',
    body: "I'm sorry for ${1:the trouble with your order}, and I appreciate you letting us know.$0",
  },
  {
    id: 'acknowledge',
    label: 'Acknowledge feelings',
    keywords: 'understand empathy frustrating acknowledge feelings',
    description: 'Fix the person first: show that you see how they feel.',
    body: "I understand how frustrating ${1:it is to wait this long for your order}, and I can see why you're upset.$0",
  },
  {
    id: 'follow-up',
    label: 'Follow-up with a concrete time',
    keywords: 'follow up update get back timeline when',
    description: 'Say what you will do and when the customer will hear from you.',
    body: "I'll ${1:check with our shipping team} and update you within ${2:two business days}.$0",
  },
  {
    id: 'invite-reply',
    label: 'Invitation to reply',
    keywords: 'reply questions help invite closing',
    description: 'Close by inviting the customer to reply.',
    body: "If you have any other questions, reply to this ${1|email,message|} and I'll be happy to help you.$0",
  },
];

/** A snippet with every tab stop at its default (first choice), for clients without snippets. */
export function expandSnippet(body: string): string {
  let text = body;
  let previous: string;
  do {
    previous = text;
    text = text
      .replace(/\$\{\d+\|([^,|}]*)[^|}]*\|\}/g, '$1')
      .replace(/\$\{\d+:([^{}$]*)\}/g, '$1')
      .replace(/\$\{\d+\}|\$\d+/g, '');
  } while (text !== previous);
  return text.replace(/\\([$}\\])/g, '$1');
}

export interface NewMacroInput {
  title: string;
  channel?: string;
  tags?: string[];
  /** Written into the front matter only when given. */
  platform?: string;
}

function slug(title: string): string {
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

export function macroFileName(title: string): string {
  return `${slug(title) || 'macro'}.macro.md`;
}

function nameWithFallback(platform: PlatformData): string {
  return formatWithFallback(platform, platform.customerFirstName, 'there') ?? formatPlaceholder(platform, platform.customerFirstName);
}

const has = (tags: string[], ...wanted: string[]) => wanted.some((tag) => tags.includes(tag));

/**
 * A new macro with front matter, greeting, thank-you and sign-off in the
 * platform's placeholders, with lines fitted to its tags and channel.
 */
export function newMacroText(input: NewMacroInput, defaultPlatform: PlatformId): string {
  const channel = (CHANNELS as readonly string[]).includes(input.channel ?? '') ? (input.channel as Channel) : undefined;
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter((t) => /^[a-z0-9][a-z0-9_-]*$/.test(t)))];
  const platformId = (PLATFORMS as readonly string[]).includes(input.platform ?? '') ? (input.platform as PlatformId) : undefined;
  const platform = platforms[platformId ?? defaultPlatform] ?? platforms.generic;
  const title = input.title.trim() || 'New macro';

  const front = [`title: ${stringify(title, { lineWidth: 0 }).trim()}`];
  if (tags.length) front.push(`tags: [${tags.join(', ')}]`);
  if (channel) front.push(`channel: ${channel}`);
  if (platformId) front.push(`platform: ${platformId}`);

  // Chat and social replies have small word budgets: every line says less there.
  const brief = channel === 'chat' || channel === 'social';
  const body: string[] = [`Hi ${nameWithFallback(platform)},`];
  if (has(tags, 'review', 'feedback')) {
    body.push(brief ? 'Thank you for your feedback.' : 'Thank you for taking the time to share your feedback with us.');
  } else if (has(tags, 'complaint', 'refund', 'incident', 'delay')) {
    body.push(brief
      ? "Thank you for letting us know, and I'm sorry for the trouble. I understand how frustrating this is."
      : "Thank you for letting us know, and I'm sorry for the trouble this has caused you. I understand how frustrating this must be.");
  } else {
    body.push('Thank you for reaching out to us.');
  }
  if (has(tags, 'investigation', 'troubleshooting')) body.push('To make sure I understand: …, is that right?');
  body.push('<!-- Write your answer here. -->');
  if (has(tags, 'refusal')) body.push("I'm sorry, but I can't … because …. What I can do instead is ….");
  if (has(tags, 'review', 'feedback')) body.push(brief ? "I've passed it on to the team." : "I've passed your feedback on to the team, who read every message.");
  // A promised update, with its time; chat and social replies leave it to the conversation.
  if (!brief && has(tags, 'incident', 'delay', 'investigation', 'troubleshooting')) body.push("I'll keep an eye on this and update you within two business days.");
  const invite: Record<Channel, string> = {
    email: "If anything is still unclear, reply to this email and I'll be happy to help.",
    chat: 'Any other questions? Reply here and I will help.',
    social: 'Any other questions? Send us a message.',
    phone: 'Is there anything else I can help you with today?',
  };
  body.push(invite[channel ?? 'email']);
  body.push(`Best,\n${formatPlaceholder(platform, platform.agentName)}`);

  return `---\n${front.join('\n')}\n---\n${body.join('\n\n')}\n`;
}

/** A starter `.tactful.yaml` that documents itself. */
export function starterConfigText(platform: PlatformId): string {
  return [
    '# Tactful configuration. The nearest .tactful.yaml above a macro applies.',
    '',
    `# Placeholder dialect: ${PLATFORMS.join(', ')}.`,
    `platform: ${platform}`,
    '',
    '# Rule settings: off, error, warning, info or hint, or an object with a',
    '# "severity" and the rule\'s options, e.g.',
    '#   no-upsell: off',
    '#   length: { severity: warning, email: 220 }',
    'rules: {}',
    '',
    '# Team phrases for phrase rules, e.g.',
    '#   no-overpromise:',
    '#     - match: "guaranteed delivery"',
    '#       replace: ["expected delivery"]',
    'phrases: {}',
    '',
    '# Custom fields of your help desk, e.g. "{{ticket.ticket_field_360001234}}".',
    'placeholders: []',
    '',
    '# Words the spelling check accepts (product names, acronyms).',
    'words: []',
    '',
    `# Tags a macro may carry: ${TAGS.join(', ')}.`,
    '',
  ].join('\n');
}
