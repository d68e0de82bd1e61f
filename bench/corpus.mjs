/**
 * Deterministic (seeded) generator of realistic customer-support macros for
 * the benchmark: front matter, placeholders, 80–250 words, a mix of clean
 * macros and macros with the faults Tactful looks for. Same seed, same bytes.
 */

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const TOPICS = [
  ['Refund approved', 'refund'], ['Refund declined', 'refusal'], ['Delayed order', 'delay'], ['Damaged item', 'complaint'],
  ['Password reset', 'troubleshooting'], ['Plan upgrade', 'sales'], ['Cancellation request', 'refusal'], ['Outage update', 'incident'],
  ['Billing question', 'investigation'], ['Feature request', 'feedback'], ['Review follow-up', 'review'], ['Missing parcel', 'investigation'],
  ['Address change', 'delay'], ['Account locked', 'troubleshooting'], ['Invoice copy', 'refund'], ['Subscription pause', 'sales'],
];
const PRODUCTS = ['parcel', 'order', 'subscription', 'invoice', 'replacement', 'headset', 'desk lamp', 'coffee grinder', 'travel mug', 'backpack', 'keyboard', 'gift card'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const TEAMS = ['billing team', 'warehouse team', 'engineering team', 'returns desk', 'account team', 'shipping partner'];
const CHANNELS = ['email', 'chat', 'social', 'phone'];

/** Sentence templates; `$P` product, `$D` day, `$N` number, `$T` team, `$O`/`$I` placeholders. */
const CLEAN = [
  'Thank you for letting me know about your $P.',
  'I checked order $O and can see it left our warehouse on $D.',
  'Your $P should reach you within $N business days.',
  'I have asked our $T to look at ticket $I, and they will reply by $D.',
  'You can follow every step of the delivery from the link in your confirmation email.',
  'I have refunded the full amount to the card you paid with; banks usually show it within $N working days.',
  'If anything about the $P is still not right, reply to this email and I will pick it up myself.',
  'I have added a note to your account so the next person you speak to knows the whole story.',
  'To reset your password, open the sign-in page and choose the link under the password field.',
  'The link stays valid for $N hours, so you have plenty of time to use it.',
  'I am sorry the $P arrived damaged; that is not the experience we want you to have.',
  'Our $T confirmed the fix is live, and everything should work as before.',
  'Here is what I have done so far, so you do not have to repeat anything.',
  'You will see a credit of $N dollars on your next invoice.',
  'I can offer you a replacement $P or a full refund, whichever suits you better.',
  'Please send me a photo of the label, and I will take it from there.',
  'The $T works through requests in order, and yours is near the front of the queue.',
  'I have extended your trial by $N days so the upgrade does not interrupt your work.',
  'Your account is unlocked now, and your saved settings are exactly as you left them.',
  'A copy of invoice $O is attached to this reply as a PDF.',
  'I will check back on $D and write to you with what I find.',
  'We changed the delivery address on order $O before it was packed.',
  'Your subscription is paused from today and restarts on its own after $N weeks.',
  'I passed your idea about the $P to our product team, who read every suggestion.',
  'Thanks for taking the time to leave a review; it helps other customers choose.',
  'The tracking page shows the $P at the local depot, ready for delivery on $D.',
  'You do not need to send anything back; keep the original $P with our apologies.',
  'If the code still does not work, the help article on [resetting passwords](https://help.example.com/reset) walks through the other options.',
  'I have made sure your **next $N orders** ship with free express delivery.',
  'The outage started at $N:15 and was fixed twenty minutes later.',
];

/** Sentences Tactful's rules should flag. */
const FAULTY = [
  'We will ship your $P right away.',
  'We guarantee a reply within $N hours.',
  'I\'m sorry you feel that way about the $P.',
  'Thanks for your business.',
  'We appreciate your business and value you as a customer.',
  'I promise this will never happen again.',
  'Our $T will definitely fix it immediately.',
  'We are 100% committed to resolving ticket {{ticket.id}} for you.',
  'Dear valued customer, we regret any inconvenience this may have caused.',
  'Unfortunately, we cannot refund the $P per our policy.',
  'We will get back to you ASAP.',
  'PLEASE NOTE THAT REFUNDS TAKE TIME.',
  'Please be advised that we will leverage our resources going forward.',
  'Your case number is {{ticket.reference_code}}.',
  'Your order {{order.number is on its way.',
];

const CLOSINGS = ['Best,', 'Kind regards,', 'Thanks,', 'All the best,', 'Speak soon,'];

function fill(template, r) {
  return template
    .replaceAll('$P', () => r.pick(PRODUCTS))
    .replaceAll('$D', () => r.pick(DAYS))
    .replaceAll('$N', () => String(r.int(2, 14)))
    .replaceAll('$T', () => r.pick(TEAMS))
    .replaceAll('$O', '{{order.number}}')
    .replaceAll('$I', '{{ticket.id}}');
}

function words(text) {
  return (text.match(/[\p{L}\p{N}']+/gu) ?? []).length;
}

/**
 * One macro. `faulty` adds 1–3 flagged sentences and, sometimes, a greeting
 * without a fallback or a front-matter mistake.
 */
export function makeMacro(index, r, faulty) {
  const [topic, tag] = TOPICS[index % TOPICS.length];
  const target = r.int(80, 250);
  const channel = faulty && r.chance(0.08) ? 'fax' : r.pick(CHANNELS);
  const frontMatter = [
    '---',
    `title: ${topic} ${String(index + 1).padStart(4, '0')}`,
    `tags: [${tag}]`,
    `channel: ${channel}`,
    ...(r.chance(0.3) ? [`owner: support-${r.int(1, 9)}@example.com`] : []),
    '---',
  ];
  const greeting = faulty && r.chance(0.3) ? 'Hi {{customer.first_name}},' : 'Hi {{customer.first_name | default: "there"}},';
  const closing = [r.pick(CLOSINGS), '{{agent.first_name}}'];

  const steps = r.chance(0.25)
    ? ['Open **Settings** and choose *Billing*.', 'Select the invoice for order {{order.number}}.', 'Choose `Download PDF`.'].map((step, i) => `${i + 1}. ${step}`).join('\n')
    : undefined;

  // Each macro draws its own sentences in its own order, so bodies differ.
  const pool = [...CLEAN];
  const clean = [];
  const faults = faulty ? Array.from({ length: r.int(1, 3) }, () => fill(r.pick(FAULTY), r)) : [];
  const fixed = words(greeting) + words(closing.join(' ')) + (steps ? words(steps) : 0) + faults.reduce((n, f) => n + words(f), 0);
  let count = fixed;
  while (count < target && pool.length > 0) {
    const sentence = fill(pool.splice(r.int(0, pool.length - 1), 1)[0], r);
    if (count + words(sentence) > 250) break;
    clean.push(sentence);
    count += words(sentence);
  }
  const sentences = [...clean];
  for (const fault of faults) sentences.splice(r.int(0, sentences.length), 0, fault);

  const body = [];
  let paragraph = [];
  for (const sentence of sentences) {
    paragraph.push(sentence);
    if (paragraph.length >= r.int(2, 4)) {
      body.push(paragraph.join(' '));
      paragraph = [];
    }
  }
  if (paragraph.length) body.push(paragraph.join(' '));
  if (steps) body.splice(Math.min(1, body.length), 0, steps);
  return `${frontMatter.join('\n')}\n${greeting}\n\n${body.join('\n\n')}\n\n${closing.join('\n')}\n`;
}

/** The library: `count` macros, about 40% faulty, named like a team's macro folder. */
export function makeLibrary(count = 2000, seed = 6) {
  const r = rng(seed);
  const files = [];
  for (let i = 0; i < count; i++) {
    const faulty = r.chance(0.4);
    const [topic] = TOPICS[i % TOPICS.length];
    const name = `${topic.toLowerCase().replaceAll(' ', '-')}-${String(i + 1).padStart(4, '0')}.macro.md`;
    files.push({ name, faulty, source: makeMacro(i, r, faulty) });
  }
  return files;
}

/**
 * One long document of about `bytes` bytes: a front matter and a body of
 * macro-like paragraphs (a knowledge-base export, say), faults included.
 */
export function makeLargeDocument(bytes, seed = 7) {
  const r = rng(seed);
  const parts = ['---\ntitle: Knowledge base export\nchannel: email\n---\nHi {{customer.first_name | default: "there"}},\n'];
  let size = Buffer.byteLength(parts[0]);
  let section = 0;
  while (size < bytes) {
    const lines = [];
    if (section % 4 === 0) lines.push(`## Section ${section / 4 + 1}`);
    const paragraph = [];
    for (let n = r.int(2, 4); n > 0; n--) paragraph.push(fill(r.chance(0.15) ? r.pick(FAULTY) : r.pick(CLEAN), r));
    lines.push(paragraph.join(' '));
    const chunk = `\n${lines.join('\n\n')}\n`;
    if (size + Buffer.byteLength(chunk) > bytes && section > 0) break;
    parts.push(chunk);
    size += Buffer.byteLength(chunk);
    section++;
  }
  return parts.join('');
}
