import { defineRule } from '../../engine/rule.js';

/**
 * Reported by the engine while it applies disable comments (engine/suppress.ts),
 * as ESLint reports unused disable directives.
 */
export default defineRule({
  id: 'unused-directive',
  title: 'Disable comments are still needed',
  category: 'template',
  severity: 'hint',
  fixable: false,
  guideline: { seeds: ['MACRO-FORMAT'], summary: 'A disable comment that suppresses nothing is clutter that hides future findings.' },
});
