import type { RuleDefinition } from '../engine/rule.js';
import noOverpromise from './no-overpromise/rule.js';
import placeholderSyntax from './placeholder-syntax/rule.js';
import unknownPlaceholder from './unknown-placeholder/rule.js';
import placeholderFallback from './placeholder-fallback/rule.js';
import frontmatter from './frontmatter/rule.js';
import duplicateMacro from './duplicate-macro/rule.js';
import unknownRule from './unknown-rule/rule.js';
import unusedDirective from './unused-directive/rule.js';

/** Every rule Tactful ships, in documentation order. */
export const rules: readonly RuleDefinition[] = [
  noOverpromise,
  // D. The template itself
  placeholderSyntax,
  unknownPlaceholder,
  placeholderFallback,
  frontmatter,
  duplicateMacro,
  unknownRule,
  unusedDirective,
];

export const ruleIds: ReadonlySet<string> = new Set(rules.map((rule) => rule.id));
