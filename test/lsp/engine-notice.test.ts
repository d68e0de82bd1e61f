/**
 * The engine's own notice (a macro too large or too nested to read) is not a
 * rule: the editor must not offer to disable "tactful", which would only
 * write a directive naming an unknown rule.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol/node';
import { ENGINE_NOTICE_ID, MAX_NESTING } from 'tactful-server';
import { fileUri, serverForSuite } from './harness.js';

describe('language server: the engine notice', function () {
  this.timeout(60_000);
  const server = serverForSuite();

  it('is reported on a macro nested too deep to read, with no action to disable it', async () => {
    const doc = fileUri(join(server.dir, 'nested.macro.md'));
    await server.client.open(doc, `${'> '.repeat(MAX_NESTING + 1)}We will refund you right away.\n`);
    const { diagnostics } = await server.client.diagnosticsAt(doc, 1);
    const notice = diagnostics.filter((d) => d.code === ENGINE_NOTICE_ID);
    assert.equal(notice.length, 1, JSON.stringify(diagnostics));
    const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: doc }, range: notice[0]!.range, context: { diagnostics: notice },
    });
    assert.deepEqual((actions ?? []).filter((a) => a.title.includes(ENGINE_NOTICE_ID)).map((a) => a.title), []);
  });
});
