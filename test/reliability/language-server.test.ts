/**
 * The language server under abuse, over stdio as an editor speaks to it:
 * malformed JSON-RPC, unknown methods, positions past the end, edits for
 * documents that were never opened, versions out of order, requests
 * cancelled while a large document is linted, hostile documents and
 * configuration files, a broken rule, and a client that opens and closes
 * 1,000 documents quickly (memory must come back to where it was) or keeps
 * 300 open (each must cost little). After every abuse the server must still
 * answer.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ENGINE_NOTICE_ID } from 'tactful-server';
import { repoRoot } from '../helpers.js';
import { LspClient, SERVER, codesOf, fileUri, fullLintShows, removeDir, shown, tempDir, workerLinted } from '../lsp/harness.js';
import { HOSTILE_CONFIGS, HOSTILE_MACROS, MACRO, NOTICED } from './hostile.js';

const PRELOAD = pathToFileURL(join(repoRoot, 'test', 'out', 'reliability', 'preload.js')).href;

/** Sends bytes as one JSON-RPC frame, bypassing the client library's checks. */
function sendRaw(client: LspClient, body: string): void {
  client.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`);
}

/** The server answers a request and is still running. */
async function assertServing(client: LspClient): Promise<void> {
  assert.equal(client.process.exitCode, null, `the server exited:\n${client.stderr.join('')}`);
  const metadata = await client.request<{ rules: unknown[] }>('tactful/metadata');
  assert.ok(metadata.rules.length > 0);
}

const codes = (params: PublishDiagnosticsParams) => codesOf(params.diagnostics);


describe('reliability: language server', function () {
  this.timeout(90_000);
  let client: LspClient;
  let dir: string;
  let n = 0;
  const uri = (name = `doc${++n}.macro.md`) => fileUri(join(dir, name));

  before(async () => {
    dir = tempDir('tactful-rel-lsp-');
    client = await LspClient.start({ folders: [dir] });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('ignores malformed JSON-RPC and goes on serving', async () => {
    for (const body of ['{not json', '[1,2]', 'null', '"text"', '{"jsonrpc":"2.0","id":99}', '{"jsonrpc":"2.0","method":7}', '{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}']) {
      sendRaw(client, body);
      await assertServing(client);
    }
  });

  it('answers unknown requests with MethodNotFound and ignores unknown notifications', async () => {
    await assert.rejects(client.request('tactful/noSuchThing', {}), { code: -32601 });
    await assert.rejects(client.request('$/noSuchThing', {}), { code: -32601 });
    await client.notify('tactful/noSuchNotification', { x: 1 });
    await client.notify('$/noSuchNotification');
    await assertServing(client);
  });

  it('answers requests with wrong parameters without dying', async () => {
    for (const params of ['text', 42, null, [], { textDocument: 5 }, { textDocument: { uri: 7 }, position: 'here' }]) {
      await client.request('textDocument/hover', params).then(() => undefined, (error: { code: number }) => assert.ok([-32602, -32603].includes(error.code), `error code ${error.code}`));
      await client.request('textDocument/codeAction', params).then(() => undefined, (error: { code: number }) => assert.ok([-32602, -32603].includes(error.code)));
    }
    await assertServing(client);
  });

  it('answers positions past the end, negative and fractional', async () => {
    const doc = uri();
    await client.open(doc, MACRO);
    await client.diagnosticsAt(doc, 1);
    for (const position of [{ line: 1e6, character: 1e9 }, { line: 3, character: 1e9 }, { line: -1, character: -1 }, { line: 2.5, character: 0.5 }, { line: Number.MAX_SAFE_INTEGER, character: 0 }]) {
      for (const method of ['textDocument/hover', 'textDocument/completion']) {
        await client.request(method, { textDocument: { uri: doc }, position }).catch((error: { code: number }) => assert.equal(error.code, -32602));
      }
      const range = { start: position, end: { line: position.line + 1, character: 0 } };
      await client.request('textDocument/codeAction', { textDocument: { uri: doc }, range, context: { diagnostics: [] } }).catch((error: { code: number }) => assert.equal(error.code, -32602));
    }
    await assertServing(client);
  });

  it('ignores edits, saves and closes of documents it never opened', async () => {
    const ghost = uri();
    await client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 2 }, contentChanges: [{ text: 'We will refund you right away.' }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: ghost, version: 3 }, contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
    await client.notify('textDocument/didSave', { textDocument: { uri: ghost } });
    await client.notify('textDocument/didClose', { textDocument: { uri: ghost } });
    await assertServing(client);
    assert.deepEqual(client.published.filter((p) => p.uri === ghost && p.diagnostics.length > 0), [], 'no diagnostics for a document that was never opened');
  });

  it('follows versions that arrive out of order, and edits past the end, and publishes for the text it has', async () => {
    const doc = uri();
    await client.open(doc, MACRO);
    await client.diagnosticsAt(doc, 1);
    const promise = MACRO.replace('within one business day', 'right away');
    await client.notify('textDocument/didChange', { textDocument: { uri: doc, version: 5 }, contentChanges: [{ text: promise }] });
    await client.notify('textDocument/didChange', { textDocument: { uri: doc, version: 3 }, contentChanges: [{ text: MACRO }] });
    // An incremental change whose range lies past the end is clamped to the end, not a crash.
    await client.notify('textDocument/didChange', { textDocument: { uri: doc, version: 4 }, contentChanges: [{ range: { start: { line: 500, character: 0 }, end: { line: 900, character: 9 } }, text: '\nWe will fix it right away.\n' }] });
    const last = await client.diagnostics(doc, (p) => p.version === 4);
    assert.ok(codes(last).includes('no-overpromise'), `diagnostics for the last text: ${codes(last)}`);
    await assertServing(client);
  });

  it('answers a request cancelled while a large document is linted', async () => {
    const doc = uri();
    const large = MACRO + 'We will send it right away, and then some more words follow here.\n\n'.repeat(1500);
    await client.open(doc, large);
    const source = new CancellationTokenSource();
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const pending = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: doc }, range, context: { diagnostics: [] } }, source.token);
    source.cancel();
    // Cancelled (RequestCancelled) or answered anyway: both are what the specification allows.
    await pending.then((result) => assert.ok(result === null || Array.isArray(result)), (error: { code: number }) => assert.equal(error.code, -32800));
    await client.close(doc);
    await assertServing(client);
  });

  describe('hostile documents', () => {
    for (const [name, text] of Object.entries(HOSTILE_MACROS)) {
      it(`${name}: publishes diagnostics and keeps serving`, async () => {
        const doc = uri();
        await client.open(doc, text());
        const published = await client.diagnosticsAt(doc, 1);
        for (const diagnostic of published.diagnostics) assertDiagnostic(diagnostic);
        if (NOTICED.has(name)) {
          assert.ok(codes(published).includes(ENGINE_NOTICE_ID), `a notice instead of a freeze: ${codes(published)}`);
        }
        if (name.startsWith('unterminated') || name.startsWith('YAML bomb')) assert.ok(codes(published).includes('frontmatter'), codes(published).join());
        await client.close(doc);
        await assertServing(client);
      });
    }

    it('all of them opened at once (a burst, linted in the worker thread): each shows what a lint in the server shows, and the server keeps serving', async () => {
      const texts = [...Object.values(HOSTILE_MACROS).map((text) => text()), ...Array.from({ length: 10 }, (_, i) => `${MACRO}\nOrder ${i}: we will ship it right away.\n`)];
      const uris = texts.map(() => uri());
      const before = client.messages.length;
      await Promise.all(uris.map((doc, i) => client.open(doc, texts[i]!)));
      for (const [i, doc] of uris.entries()) {
        assert.deepEqual(shown((await client.diagnosticsAt(doc, 1)).diagnostics), fullLintShows(texts[i]!), `document ${i}`);
      }
      const linted = await workerLinted(client);
      assert.ok(linted > 0, client.messages.slice(before).join('\n'));
      for (const doc of uris) await client.close(doc);
      await assertServing(client);
    });
  });

  describe('hostile configuration files', () => {
    for (const [name, make] of Object.entries(HOSTILE_CONFIGS)) {
      it(`${name}: reports on the configuration file and still lints the macro`, async () => {
        const folder = join(dir, `config-${++n}`);
        const { files, reportedIn } = make();
        for (const [file, text] of Object.entries(files)) {
          mkdirSync(join(folder, file, '..'), { recursive: true });
          writeFileSync(join(folder, file), text);
        }
        const doc = fileUri(join(folder, 'refund.macro.md'));
        await client.open(doc, MACRO);
        const published = await client.diagnosticsAt(doc, 1);
        assert.ok(codes(published).includes('no-overpromise'), `the macro is still linted: ${codes(published)}`);
        if (reportedIn) {
          const configDiagnostics = await client.diagnostics(fileUri(join(folder, reportedIn)), (p) => p.diagnostics.length > 0);
          for (const diagnostic of configDiagnostics.diagnostics) assert.equal(diagnostic.code, 'config');
        }
        await client.close(doc);
        await assertServing(client);
      });
    }
  });
});

describe('reliability: language server with a broken rule, and memory', function () {
  this.timeout(120_000);
  let client: LspClient;
  let dir: string;
  let memoryFile: string;

  before(async () => {
    dir = tempDir('tactful-rel-mem-');
    memoryFile = join(dir, 'memory.json');
    process.env.TACTFUL_TEST_BROKEN_RULE = '1';
    process.env.TACTFUL_TEST_MEMORY_FILE = memoryFile;
    try {
      client = await LspClient.start({ folders: [dir], command: [process.execPath, '--expose-gc', '--import', PRELOAD, SERVER, '--stdio'] });
    } finally {
      delete process.env.TACTFUL_TEST_BROKEN_RULE;
      delete process.env.TACTFUL_TEST_MEMORY_FILE;
    }
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  /** The server's heap after a full collection. */
  async function heapUsed(): Promise<number> {
    rmSync(memoryFile, { force: true });
    client.process.kill('SIGUSR2');
    const deadline = Date.now() + 10_000;
    while (!existsSync(memoryFile) || readFileSync(memoryFile, 'utf8') === '') {
      if (Date.now() > deadline) throw new Error('the server did not report its memory');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Written in one call; read until it parses.
    for (;;) {
      try {
        return (JSON.parse(readFileSync(memoryFile, 'utf8')) as { heapUsed: number }).heapUsed;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  it('reports a rule that throws as one error for that rule; the other rules still report', async () => {
    const doc = fileUri(join(dir, 'broken.macro.md'));
    await client.open(doc, MACRO);
    const { diagnostics } = await client.diagnosticsAt(doc, 1);
    const broken = diagnostics.filter((d) => d.code === 'test-broken-rule');
    assert.equal(broken.length, 1, codesOf(diagnostics).join());
    assert.equal(broken[0]!.severity, 1);
    assert.match(typeof broken[0]!.message === 'string' ? broken[0]!.message : '', /test-broken-rule.*failed.*Cannot read properties/);
    assert.ok(codesOf(diagnostics).includes('no-overpromise'));
    await client.close(doc);
  });

  it('opens and closes 1,000 documents quickly, clears their diagnostics, and gives the memory back', async () => {
    // Warm up: the first documents load dictionaries and compile matchers, which stay.
    const cycle = async (count: number, prefix: string) => {
      const uris = Array.from({ length: count }, (_, i) => fileUri(join(dir, `${prefix}${i}.macro.md`)));
      for (const [i, doc] of uris.entries()) {
        await client.open(doc, `${MACRO.replace('Refund on its way', `Refund ${prefix} ${i}`)}\nOrder ${i}: we will ship it right away.\n`);
        await client.close(doc);
      }
      // Every document ends with its diagnostics cleared (the last publication for it is empty).
      await Promise.all(uris.map((doc) => client.diagnostics(doc, () => client.published.filter((p) => p.uri === doc).at(-1)?.diagnostics.length === 0)));
      return uris;
    };
    await cycle(50, 'warm');
    await assertServing(client);
    const baseline = await heapUsed();
    const uris = await cycle(1000, 'doc');
    await assertServing(client);
    for (const doc of uris) {
      const last = client.published.filter((p) => p.uri === doc).at(-1);
      assert.deepEqual(last?.diagnostics, [], `${doc} keeps diagnostics after closing`);
    }
    const after = await heapUsed();
    // 1,000 analyses kept by mistake would be hundreds of megabytes; allow noise.
    assert.ok(after - baseline < 24 * 1024 * 1024, `heap grew from ${(baseline / 1e6).toFixed(1)} MB to ${(after / 1e6).toFixed(1)} MB`);
  });

  it('keeps little for each open document: 300 macros open hold a few megabytes, not their parse trees', async () => {
    const uris = Array.from({ length: 300 }, (_, i) => fileUri(join(dir, `open${i}.macro.md`)));
    const baseline = await heapUsed();
    for (const [i, doc] of uris.entries()) {
      await client.open(doc, `${MACRO.replace('Refund on its way', `Refund open ${i}`)}\nOrder ${i}: we will ship it right away.\n`);
    }
    await Promise.all(uris.map((doc) => client.diagnosticsAt(doc, 1)));
    const open = await heapUsed();
    // Each full analysis is some 200 KB: keeping all 300 would be 60 MB.
    assert.ok(open - baseline < 15 * 1024 * 1024, `heap grew from ${(baseline / 1e6).toFixed(1)} MB to ${(open / 1e6).toFixed(1)} MB with 300 open`);
    for (const doc of uris) await client.close(doc);
    await assertServing(client);
  });
});

function assertDiagnostic(diagnostic: Diagnostic): void {
  for (const position of [diagnostic.range.start, diagnostic.range.end]) {
    assert.ok(Number.isInteger(position.line) && position.line >= 0 && Number.isInteger(position.character) && position.character >= 0, JSON.stringify(diagnostic.range));
  }
  assert.ok(typeof diagnostic.message === 'string' && diagnostic.message.length > 0);
}
