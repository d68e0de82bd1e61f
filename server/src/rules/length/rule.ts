import { defineRule } from '../../engine/rule.js';
import type { Channel, Range } from '../../engine/types.js';

const CHANNELS: Channel[] = ['email', 'chat', 'social', 'phone'];

export default defineRule({
  id: 'length',
  title: 'Keep the reply within its channel budget',
  category: 'measure',
  severity: 'info',
  fixable: false,
  guideline: { seeds: ['000 #1'], summary: 'Lead the conversation without taking it over: say what the customer needs, then stop.' },
  // Words of prose; a placeholder counts as one word. `channel` is used when the macro names none.
  defaults: { email: 180, chat: 60, social: 50, phone: 180, channel: 'email' },
  check(context) {
    const { document, options } = context;
    const fallback = CHANNELS.includes(options.channel as Channel) ? (options.channel as Channel) : 'email';
    const channel = document.frontMatter.channel && CHANNELS.includes(document.frontMatter.channel) ? document.frontMatter.channel : fallback;
    const budget = options[channel];
    if (typeof budget !== 'number' || !Number.isFinite(budget) || budget <= 0) return;

    let count = 0;
    let over: { range: Range; words: number } | undefined;
    for (const block of document.blocks) {
      for (const sentence of block.sentences) {
        if (!over && count + sentence.words.length > budget) over = { range: sentence.range, words: count };
        count += sentence.words.length;
      }
    }
    if (!over || count <= budget) return;

    // The sentence where the budget runs out, up to the end of its first line.
    const { line } = document.lines.position(over.range.start);
    const range = { start: over.range.start, end: Math.min(over.range.end, document.lines.lineEnd(line)) };
    context.report({
      range,
      message: `This ${channel} reply has ${count} words; ${channel} replies work best within ${budget}. The budget runs out here: keep what the customer needs to act and cut the rest.`,
    });
  },
});
