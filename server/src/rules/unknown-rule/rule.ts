import { defineRule } from '../../engine/rule.js';

/**
 * Reported by the engine while it applies disable comments (engine/suppress.ts):
 * only the engine knows which directives named what.
 */
export default defineRule({
  id: 'unknown-rule',
  title: 'Disable comments name real rules',
  category: 'template',
  severity: 'warning',
  fixable: true,
  guideline: { seeds: ['MACRO-FORMAT'], summary: 'A disable comment with a misspelt rule id silences nothing and misleads the next reader.' },
});
