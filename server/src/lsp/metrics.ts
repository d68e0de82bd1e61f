import { syllable } from 'syllable';
import type { ResolvedConfig } from '../engine/config.js';
import type { Channel, MacroDocument } from '../engine/types.js';
import { rules } from '../rules/index.js';
import { CHANNEL_WORD_BUDGETS } from './constants.js';

export interface BodyMetrics {
  words: number;
  sentences: number;
  channel?: Channel;
  /** The channel's word budget: `length` rule options, else its defaults, else ours. */
  budget?: number;
  /** Flesch–Kincaid grade level, rounded to one decimal; absent without sentences. */
  grade?: number;
}

/** The word budget of a channel, from configuration when it says. */
export function wordBudget(channel: Channel, config: ResolvedConfig): number {
  const configured = config.rules.length?.options?.[channel];
  if (typeof configured === 'number' && configured > 0) return configured;
  const defaults = rules.find((rule) => rule.id === 'length')?.defaults?.[channel];
  if (typeof defaults === 'number' && defaults > 0) return defaults;
  return CHANNEL_WORD_BUDGETS[channel];
}

export function bodyMetrics(macro: MacroDocument, config: ResolvedConfig): BodyMetrics {
  let words = 0;
  let sentences = 0;
  let syllables = 0;
  for (const block of macro.blocks) {
    for (const sentence of block.sentences) {
      if (sentence.words.length === 0) continue;
      sentences++;
      for (const word of sentence.words) {
        words++;
        // A placeholder stands for a name or a number: count it as one syllable.
        syllables += word.placeholder ? 1 : Math.max(1, syllable(word.text));
      }
    }
  }
  const channel = macro.frontMatter.channel;
  const metrics: BodyMetrics = { words, sentences };
  if (channel) {
    metrics.channel = channel;
    metrics.budget = wordBudget(channel, config);
  }
  if (sentences > 0 && words > 0) {
    const grade = 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
    metrics.grade = Math.round(Math.max(0, grade) * 10) / 10;
  }
  return metrics;
}

/** One line for the lens above the body. */
export function metricsTitle(metrics: BodyMetrics): string {
  const parts: string[] = [];
  if (metrics.budget !== undefined) {
    const over = metrics.words > metrics.budget;
    parts.push(`${over ? '⚠ ' : ''}${metrics.words}/${metrics.budget} words (${metrics.channel})`);
  } else {
    parts.push(`${metrics.words} words (no channel set)`);
  }
  if (metrics.grade !== undefined) parts.push(`reading grade ${metrics.grade.toFixed(1)}`);
  return `Tactful: ${parts.join(' · ')}`;
}
