import { defineRule } from '../../engine/rule.js';

export default defineRule({
  id: 'frontmatter',
  title: 'Front matter is valid',
  category: 'template',
  severity: 'error',
  fixable: false,
  guideline: { seeds: ['MACRO-FORMAT'], summary: "The front matter drives the macro's checks, so it must parse and follow the schema." },
  check(context) {
    // Unknown keys are a warning by default; a severity the team configured applies to every problem.
    const configured = context.config.rules['frontmatter']?.setting !== undefined;
    for (const problem of context.document.frontMatterProblems) {
      const lighter = problem.severity === 'warning' && !configured;
      context.report({ range: problem.range, message: problem.message, ...(lighter ? { severity: 'warning' as const } : {}) });
    }
  },
});
