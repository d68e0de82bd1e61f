import type { EslintResult } from '../results.js';

/** ESLint's `json` formatter: the results array, nothing else. */
export function formatJson(results: EslintResult[]): string {
  return JSON.stringify(results);
}
