import type { RuleDefinition } from '../engine/rule.js';
import noOverpromise from './no-overpromise/rule.js';

/** Every rule Tactful ships, in documentation order. */
export const rules: readonly RuleDefinition[] = [
  noOverpromise,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
