import { defineRule } from '../../engine/rule.js';

export default defineRule({
  id: 'frontmatter',
  title: 'Front matter is valid',
  category: 'template',
  severity: 'error',
  fixable: false,
  guideline: { seeds: ['MACRO-FORMAT'], summary: "The front matter drives the macro's checks, so it must parse and follow the schema." },
  check(context) {
    for (const problem of context.document.frontMatterProblems) {
      // Unknown keys are a warning by design; everything else keeps the configured severity.
      context.report({ range: problem.range, message: problem.message, ...(problem.severity === 'warning' ? { severity: 'warning' as const } : {}) });
    }
  },
});
