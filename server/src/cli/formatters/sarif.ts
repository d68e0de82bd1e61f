import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import type { EslintResult } from '../results.js';
import type { RuleDefinition } from '../../engine/rule.js';
import type { Severity } from '../../engine/types.js';
import { ruleDocUrl } from '../../engine/doc-links.js';


const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it. */
export function formatSarif(results: EslintResult[], rules: readonly RuleDefinition[], options: { cwd: string; version: string }): string {
  const used = [...new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId ?? 'tactful')))];
  const descriptors = used.map((id) => {
    const rule = rules.find((r) => r.id === id);
    return {
      id,
      name: id,
      shortDescription: { text: rule?.title ?? id },
      fullDescription: { text: rule?.guideline.summary ?? id },
      helpUri: ruleDocUrl(id),
      defaultConfiguration: { level: LEVEL[rule?.severity ?? 'error'] },
      properties: { category: rule?.category ?? 'configuration' },
    };
  });
  const sarif = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'Tactful', informationUri: 'https://github.com/tactful-dev/tactful', version: options.version, rules: descriptors } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd + sep).href } },
        results: results.flatMap((result) =>
          result.messages.map((m) => ({
            ruleId: m.ruleId ?? 'tactful',
            ruleIndex: used.indexOf(m.ruleId ?? 'tactful'),
            level: LEVEL[m.level],
            message: { text: m.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: artifact(result.filePath, options.cwd),
                  region: { startLine: m.line, startColumn: m.column, endLine: m.endLine, endColumn: m.endColumn },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

function artifact(filePath: string, cwd: string) {
  const rel = relative(cwd, filePath);
  if (!rel.startsWith('..') && !rel.startsWith(sep)) return { uri: rel.split(sep).join('/'), uriBaseId: '%SRCROOT%' };
  return { uri: pathToFileURL(filePath).href };
}
