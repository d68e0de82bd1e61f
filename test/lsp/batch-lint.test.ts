/**
 * Bursts of lints (a folder's macros opened at once, a session restored) go
 * to a worker thread that exits when the burst is over, so that the server
 * gives the burst's memory back. What the user sees must not change: every
 * document shows exactly the diagnostics of a lint in the server's thread,
 * and the documents of a burst still answer hover and quick fixes.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, DocumentDiagnosticReport, Hover } from 'vscode-languageserver-protocol/node';
import { lint, rules, ruleIds, defaultConfig, mergeConfig, parseConfigText } from 'tactful-server';
import { repoRoot } from '../helpers.js';
import { fileUri, fullLintShows, serverForSuite, shown, workerLinted } from './harness.js';

const lsp = (file: string) => pathToFileURL(join(repoRoot, 'server', 'out', 'lsp', file)).href;
const { BatchLinter } = await import(lsp('batch-linter.js')) as typeof import('../../server/out/lsp/batch-linter.js');
const WORKER = new URL(lsp('batch-worker.js'));

const OPENINGS = ['Thank you for writing in about your order.', 'Sorry for the inconvenience.', 'I understand how frustrating a late parcel is.'];
const FAULTS = [
  'We will refund you right away, once we recieve the parcel.',
  'Please be informed that your account is suspended.',
  'As per my last email, you should have checked the address.',
  'Unfortunately that is against our policy.',
  'The courier will deliver it tomorrow, we guarantee it.',
];

/** A macro of its own for each `i`: front matter, a greeting, a fault or none, a sign-off. */
function macro(i: number): string {
  const fault = i % 3 === 0 ? '' : `${FAULTS[i % FAULTS.length]} `;
  return [
    '---', `title: Reply ${i}`, 'channel: email', '---',
    'Hi {{customer.first_name | default: "there"}},', '',
    `${OPENINGS[i % OPENINGS.length]} ${fault}Your order number is ${1000 + i}.`, '',
    'Best,', '{{agent.first_name}}', '',
  ].join('\n');
}

describe('batch linter', function () {
  this.timeout(60_000);

  it('gives the findings a lint in this thread gives, under the configuration it is handed', async () => {
    const parsed = parseConfigText('rules:\n  sentence-length: off\n  no-overpromise: error\nphrases:\n  no-denial:\n    - match: order number\n', 'team.yaml', ruleIds);
    assert.deepEqual(parsed.errors, []);
    const team = mergeConfig(defaultConfig(), parsed.config);
    const linter = new BatchLinter(WORKER);
    try {
      for (const config of [defaultConfig(), team]) {
        for (let i = 0; i < 6; i++) {
          assert.deepEqual(await linter.lint(macro(i), config), lint(macro(i), { rules, config }).findings, `macro ${i}`);
        }
      }
      // The team's configuration is in force in the worker: its phrase and its severity.
      const findings = await linter.lint(macro(4), team);
      assert.ok(findings.some((f) => f.ruleId === 'no-denial' && f.actual === 'order number'), JSON.stringify(findings.map((f) => f.actual)));
      assert.ok(findings.some((f) => f.ruleId === 'no-overpromise' && f.severity === 'error'));
    } finally {
      await linter.stop();
    }
  });

  it('takes a burst only: so many lints asked for within the window, then everything while its worker runs', () => {
    const linter = new BatchLinter(WORKER, { burst: 4, windowMs: 1000, idleMs: 100 });
    const after = (times: number[]) => times.map((t) => {
      linter.note(t);
      return linter.wants();
    });
    assert.deepEqual(after([0, 10, 20]), [false, false, false]);
    assert.deepEqual(after([30]), [true], 'the fourth within a second');
    // Spread out, the same number is no burst.
    const calm = new BatchLinter(WORKER, { burst: 4, windowMs: 1000, idleMs: 100 });
    assert.deepEqual([0, 600, 1200, 1800, 2400].map((t) => {
      calm.note(t);
      return calm.wants();
    }), [false, false, false, false, false]);
  });

  it('stops its worker once it has had nothing to do for a while, and starts one again for the next burst', async () => {
    const events: string[] = [];
    const linter = new BatchLinter(WORKER, { burst: 2, windowMs: 1000, idleMs: 150 }, (event, linted) => events.push(`${event} ${linted}`));
    try {
      await Promise.all([linter.lint(macro(1), defaultConfig()), linter.lint(macro(2), defaultConfig())]);
      assert.equal(linter.running, true);
      assert.equal(linter.wants(), true, 'while the worker runs, every lint goes to it');
      const deadline = Date.now() + 10_000;
      while (linter.running && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.equal(linter.running, false, 'the idle worker stopped');
      assert.equal(linter.wants(), false, 'a lint after the burst is no burst');
      assert.deepEqual(await linter.lint(macro(4), defaultConfig()), lint(macro(4), { rules, config: defaultConfig() }).findings);
      assert.deepEqual(events.slice(0, 3), ['started 0', 'stopped 2', 'started 0']);
    } finally {
      await linter.stop();
    }
  });

  it('rejects the lints under way when its worker is stopped, so that they can be done elsewhere', async () => {
    const linter = new BatchLinter(WORKER);
    const pending = linter.lint(macro(5), defaultConfig()).then(() => 'linted', (error: Error) => error);
    await linter.stop();
    assert.ok((await pending) instanceof Error);
    assert.equal(linter.running, false);
  });
});

describe('language server: a burst of opened documents', function () {
  this.timeout(120_000);
  const COUNT = 40;

  for (const mode of ['push', 'pull'] as const) {
    describe(`${mode} diagnostics`, () => {
      const server = serverForSuite({ pull: mode === 'pull' });

      it('shows every document exactly the diagnostics of a lint in the server, linted in the worker', async () => {
        const uris = Array.from({ length: COUNT }, (_, i) => fileUri(join(server.dir, `reply-${i}.macro.md`)));
        const diagnosticsOf = async (uri: string) => mode === 'push'
          ? (await server.client.diagnosticsAt(uri, 1)).diagnostics
          : (await server.client.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } })).items;
        await Promise.all(uris.map((uri, i) => server.client.open(uri, macro(i))));
        const all = await Promise.all(uris.map(diagnosticsOf));
        all.forEach((diagnostics, i) => assert.deepEqual(shown(diagnostics), fullLintShows(macro(i)), `reply-${i}`));
        assert.ok(all.some((diagnostics) => diagnostics.length > 0));
        assert.ok(server.client.messages.some((m) => m.includes('linting them in a worker thread')), server.client.messages.join('\n'));
        // The worker did the burst (any lints before the burst was seen ran in the server).
        const linted = await workerLinted(server.client);
        assert.ok(linted > 0 && linted <= COUNT, `${linted}: ${server.client.messages.join('\n')}`);

        // A document of the burst answers hover and quick fixes (linted again in the server for them).
        const index = uris.findIndex((_, i) => all[i]!.some((d) => d.code === 'no-overpromise'));
        const diagnostic = all[index]!.find((d) => d.code === 'no-overpromise')!;
        const hover = await server.client.request<Hover>('textDocument/hover', { textDocument: { uri: uris[index] }, position: diagnostic.range.start });
        assert.ok((hover.contents as { value: string }).value.includes('`no-overpromise`'));
        const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
          textDocument: { uri: uris[index] }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        });
        assert.ok(actions.some((a) => /^(Replace with|Remove) "/.test(a.title) && a.edit), actions.map((a) => a.title).join());
        for (const uri of uris) await server.client.close(uri);
      });
    });
  }
});

describe('language server: linting a large workspace', function () {
  this.timeout(120_000);
  const server = serverForSuite();

  it('lints the files in the worker and reports exactly what a lint in the server reports', async () => {
    const COUNT = 40;
    mkdirSync(join(server.dir, 'macros'));
    const paths = Array.from({ length: COUNT }, (_, i) => join(server.dir, 'macros', `reply-${i}.md`));
    paths.forEach((path, i) => writeFileSync(path, macro(i)));
    const result = await server.client.request<{ files: number; filesWithProblems: number; errors: number; warnings: number; infos: number }>(
      'tactful/lintWorkspace', { folders: [fileUri(server.dir)] },
    );
    const findings = paths.map((_, i) => lint(macro(i), { rules, config: defaultConfig() }).findings);
    assert.equal(result.files, COUNT);
    assert.equal(result.filesWithProblems, findings.filter((f) => f.length > 0).length);
    assert.equal(result.warnings, findings.flat().filter((f) => f.severity === 'warning').length);
    assert.equal(result.infos, findings.flat().filter((f) => f.severity === 'info').length);
    for (const [i, path] of paths.entries()) {
      assert.deepEqual(shown((await server.client.diagnostics(fileUri(path))).diagnostics), fullLintShows(macro(i)), `reply-${i}`);
    }
    assert.equal(await workerLinted(server.client), COUNT, server.client.messages.join('\n'));
  });
});
