import { defineRule } from '../../engine/rule.js';
import { nearest } from '../../engine/suggest.js';

export default defineRule({
  id: 'unknown-placeholder',
  title: 'Placeholders exist on the platform',
  category: 'template',
  severity: 'error',
  fixable: true,
  guideline: { seeds: ['MACRO-FORMAT'], summary: 'A placeholder the help desk does not define is sent empty or as raw text.' },
  check(context) {
    const { platform, document } = context;
    const known = new Set(platform.placeholders.map((p) => p.name));
    const patterns = (platform.namePatterns ?? []).map((source) => new RegExp(source));
    // Without a declared platform, only near misses of known names are reported:
    // an unfamiliar name may belong to a template system we do not know.
    const declared = Boolean(document.frontMatter.platform || context.config.platformDeclared);
    for (const placeholder of document.placeholders) {
      if (placeholder.kind !== 'output' || known.has(placeholder.name)) continue;
      if (patterns.some((pattern) => pattern.test(placeholder.name))) continue;
      // `{{the help article}}` is a blank for the agent to fill, not a variable.
      if (/\s/.test(placeholder.expression.split(/[|,]/, 1)[0]!.trim())) continue;
      const written = document.source.slice(placeholder.range.start, placeholder.range.end);
      const guesses = nearest(placeholder.name, known, 3);
      if (!declared && guesses.length === 0) continue;
      const nameAt = written.indexOf(placeholder.name);
      context.report({
        range: placeholder.range,
        message: `${platform.label} has no placeholder "${placeholder.name}"${guesses.length ? `; did you mean "${guesses[0]}"?` : '.'} Add custom fields to \`placeholders\` in .tactful.yaml.`,
        suggestions: guesses.map((guess) => ({
          title: `Change to "${guess}"`,
          edit: { range: { start: placeholder.range.start + nameAt, end: placeholder.range.start + nameAt + placeholder.name.length }, text: guess },
        })),
      });
    }
  },
});
