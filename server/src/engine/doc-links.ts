/** Where each rule's generated documentation is published: `${DOCS_BASE_URL}<rule-id>.md`. */
export const DOCS_BASE_URL = 'https://github.com/tactful-dev/tactful/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${encodeURIComponent(ruleId)}.md`;
}
