import { MarkupKind, type Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, MacroDocument, Placeholder, Range } from '../engine/types.js';
import type { PlatformData } from '../platforms/index.js';
import { formatPlaceholder } from '../platforms/index.js';
import { rules } from '../rules/index.js';
import { ruleDocs } from '../rules/docs.generated.js';
import { ruleDocUrl } from './constants.js';
import { hasRuleDoc, toLspRange } from './diagnostics.js';

export interface RuleDocParts {
  title?: string;
  /** The first paragraph of the rationale, on one line. */
  why?: string;
  bad?: string;
  good?: string;
}

/** The parts of a rule's doc.md a hover shows. */
export function ruleDocParts(ruleId: string): RuleDocParts {
  const doc = ruleDocs[ruleId];
  if (!doc) return {};
  const title = /^# (.+)$/m.exec(doc)?.[1]?.trim();
  const prose = doc.replace(/```[\s\S]*?```/g, '').split(/\n\s*\n/).map((p) => p.trim());
  const why = prose.find((p) => p !== '' && !p.startsWith('#'))?.replace(/\s*\n\s*/g, ' ');
  const bad = /```bad\r?\n([\s\S]*?)```/.exec(doc)?.[1]?.trim();
  const good = /```good\r?\n([\s\S]*?)```/.exec(doc)?.[1]?.trim();
  return { title, why, bad, good };
}

const contains = (range: Range, offset: number) => range.start <= offset && offset <= range.end;

export function findingHover(finding: Finding): string {
  const rule = rules.find((r) => r.id === finding.ruleId);
  const parts = ruleDocParts(finding.ruleId);
  const lines: string[] = [];
  lines.push(`**${rule?.title ?? parts.title ?? finding.ruleId}** · \`${finding.ruleId}\` (${finding.severity})`);
  lines.push('', finding.message);
  if (parts.why) lines.push('', parts.why);
  if (parts.bad && parts.good) {
    lines.push('', 'Instead of:', '', '```text', parts.bad, '```', '', 'write:', '', '```text', parts.good, '```');
  }
  if (finding.suggestions.length > 0) {
    lines.push('', `Rewrites: ${finding.suggestions.map((s) => s.edit.text === '' ? '*(remove)*' : `“${s.edit.text}”`).join(', ')}`);
  }
  const footer: string[] = [];
  if (rule) footer.push(`Guideline: ${rule.guideline.summary} (${rule.guideline.seeds.map((s) => (s === 'MACRO-FORMAT' ? 'macro format' : `seed ${s}`)).join(', ')})`);
  if (hasRuleDoc(finding.ruleId)) footer.push(`[Documentation](${ruleDocUrl(finding.ruleId)})`);
  if (footer.length) lines.push('', footer.join(' · '));
  return lines.join('\n');
}

export function placeholderHover(placeholder: Placeholder, platform: PlatformData, source: string): string {
  const written = source.slice(placeholder.range.start, placeholder.range.end);
  if (placeholder.kind === 'tag' && !platform.placeholders.some((p) => p.name === placeholder.name)) {
    return [`\`${written}\``, '', `A Liquid tag, evaluated by ${platform.label} when the reply is sent; the customer never sees it.`].join('\n');
  }
  const info = platform.placeholders.find((p) => p.name === placeholder.name);
  if (!info) {
    return [
      `\`${written}\``,
      '',
      `\`${placeholder.name}\` is not a ${platform.label} placeholder. Add custom fields to \`placeholders\` in \`.tactful.yaml\`.`,
    ].join('\n');
  }
  const lines = [`\`${formatPlaceholder(platform, info.name)}\` — ${info.description}`, '', `Platform: ${platform.label} · Sample: “${info.sample}”`];
  if (placeholder.hasFallback) lines.push('', 'Has a fallback for when the value is missing.');
  return lines.join('\n');
}

/** The hover at `offset`: findings there, then the placeholder there. */
export function hoverAt(document: TextDocument, macro: MacroDocument, findings: Finding[], platform: PlatformData, offset: number): Hover | null {
  const here = findings.filter((f) => contains(f.range, offset));
  const placeholder = macro.placeholders.find((p) => contains(p.range, offset));
  if (here.length === 0 && !placeholder) return null;
  const sections = here.map(findingHover);
  if (placeholder) sections.push(placeholderHover(placeholder, platform, macro.source));
  const ranges = [...here.map((f) => f.range), ...(placeholder ? [placeholder.range] : [])];
  const range = { start: Math.min(...ranges.map((r) => r.start)), end: Math.max(...ranges.map((r) => r.end)) };
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') }, range: toLspRange(document, range) };
}
