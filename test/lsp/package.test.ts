/**
 * `npm run package` builds a small, self-contained .vsix: the manifest, the
 * two esbuild bundles, the grammars and the language configuration, and no
 * node_modules. The bundled server runs on its own from the unpacked file.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { Script } from 'node:vm';
import { inflateRawSync } from 'node:zlib';
import { ruleIds } from 'tactful-server';
import { repoRoot } from '../helpers.js';
import { LspClient, fileUri, removeDir, tempDir, workerLinted } from './harness.js';

/** The entries of a zip file, read from its central directory. */
function unzip(file: string): Map<string, Buffer> {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end !== -1, 'not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(dataAt, dataAt + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}

/**
 * Modules a bundle still loads at run time. Ajv's code generator writes
 * `require("ajv/dist/runtime/…")` into the source of standalone validators; in
 * a running server those are passed by reference, never required.
 */
function requires(code: string): string[] {
  return [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!))].filter((name) => !name.startsWith('ajv/dist/runtime/')).sort();
}

const builtin = (name: string) => builtinModules.includes(name.replace(/^node:/, ''));

describe('packaging', function () {
  this.timeout(300_000);
  let out: string;
  let entries: Map<string, Buffer>;

  before(async () => {
    out = tempDir('tactful-vsix-');
    const vsix = join(out, 'tactful.vsix');
    await promisify(execFile)('npm', ['run', 'package', '--', '--out', vsix], { cwd: repoRoot, timeout: 280_000 });
    entries = unzip(vsix);
  });
  after(() => removeDir(out));

  it('holds the manifest, both bundles, the grammars, the language configuration and the dictionaries\' licences', () => {
    const names = [...entries.keys()];
    for (const name of [
      'extension.vsixmanifest', '[Content_Types].xml', 'extension/package.json', 'extension/client/dist/extension.js',
      'extension/server/dist/server.js', 'extension/syntaxes/macro.tmLanguage.json', 'extension/syntaxes/macro-injection.tmLanguage.json',
      'extension/language-configuration.json',
      // The dictionaries are built into the server bundle; their licences travel beside it.
      'extension/server/dist/data/dictionary-en/license', 'extension/server/dist/data/dictionary-en-gb/license',
    ]) assert.ok(names.includes(name), `${name} is missing from ${names.join(', ')}`);
  });

  it('carries no node_modules, sources or tests, and stays small', () => {
    const names = [...entries.keys()];
    assert.deepEqual(names.filter((n) => /(^|\/)node_modules\//.test(n)), []);
    assert.deepEqual(names.filter((n) => /\.(ts|map)$/.test(n) || /^extension\/(test|scripts|server\/src|client\/src|docs)\//.test(n)), []);
    const size = [...entries.values()].reduce((total, data) => total + data.length, 0);
    assert.ok(size < 6 * 1024 * 1024, `${size} bytes unpacked`);
  });

  it('bundles every dependency: the client needs only vscode and Node, the server only Node', () => {
    const client = entries.get('extension/client/dist/extension.js')!.toString();
    const server = entries.get('extension/server/dist/server.js')!.toString();
    assert.deepEqual(requires(client).filter((name) => name !== 'vscode' && !builtin(name)), []);
    assert.deepEqual(requires(server).filter((name) => !builtin(name)), []);
    assert.ok(!/^import /m.test(client) && !/^import /m.test(server), 'CommonJS');
    assert.doesNotThrow(() => new Script(client), 'the client bundle parses');
    assert.doesNotThrow(() => new Script(server), 'the server bundle parses');
  });

  it('registers every command the manifest contributes', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString());
    const client = entries.get('extension/client/dist/extension.js')!.toString();
    for (const { command } of manifest.contributes.commands as { command: string }[]) assert.ok(client.includes(`"${command}"`), command);
  });

  it('declares what VS Code needs to load it', () => {
    const manifest = JSON.parse(entries.get('extension/package.json')!.toString());
    assert.equal(manifest.main, './client/dist/extension.js');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces, { supported: true });
    assert.deepEqual(manifest.contributes.languages.map((l: { id: string }) => l.id), ['macro']);
    for (const grammar of manifest.contributes.grammars) assert.ok(entries.has(`extension/${grammar.path.replace(/^\.\//, '')}`), grammar.path);
    assert.ok(entries.has(`extension/${manifest.contributes.languages[0].configuration.replace(/^\.\//, '')}`));
    const settings = Object.keys(manifest.contributes.configuration.properties);
    assert.deepEqual(settings, ['tactful.enable', 'tactful.run', 'tactful.include', 'tactful.platform', 'tactful.rules', 'tactful.trace.server']);
    const language = JSON.parse(entries.get('extension/language-configuration.json')!.toString());
    assert.deepEqual(language.comments.blockComment, ['<!--', '-->']);
    assert.ok(language.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '{{' && p.close === '}}'));
    assert.ok(language.autoClosingPairs.some((p: { open: string; close: string }) => p.open === '{%' && p.close === '%}'));
  });

  it('runs the bundled server on its own, dictionaries and batch lint worker included', async () => {
    const unpacked = join(out, 'unpacked');
    for (const [name, data] of entries) {
      if (!name.startsWith('extension/server/')) continue;
      mkdirSync(dirname(join(unpacked, name)), { recursive: true });
      writeFileSync(join(unpacked, name), data);
    }
    const client = await LspClient.start({ command: [process.execPath, join(unpacked, 'extension', 'server', 'dist', 'server.js'), '--stdio'] });
    try {
      const doc = fileUri(join(out, 'bundle.macro.md'));
      await client.open(doc, '---\ntitle: Bundle\nchannel: email\n---\nHi {{customer.first_name | default: "there"}},\n\nWe will refund you right away, once we recieve the parcel.\n');
      const { diagnostics } = await client.diagnosticsAt(doc, 1);
      const codes = diagnostics.map((d) => d.code);
      assert.ok(codes.includes('no-overpromise'), String(codes));
      if (ruleIds.has('retext-spell')) assert.ok(codes.includes('retext-spell'), String(codes));
      assert.ok(!diagnostics.some((d) => String(d.message).includes('failed on this file')), 'no rule crashed in the bundle');

      // A burst goes to the batch lint worker, which is the same bundle started again as a worker thread.
      const burst = Array.from({ length: 30 }, (_, i) => fileUri(join(out, `burst-${i}.macro.md`)));
      await Promise.all(burst.map((uri, i) => client.open(uri, `---\ntitle: Burst ${i}\nchannel: email\n---\nHi {{customer.first_name}},\n\nWe will refund you right away.\n\nBest,\n{{agent.first_name}}\n`)));
      for (const uri of burst) assert.ok((await client.diagnosticsAt(uri, 1)).diagnostics.some((d) => d.code === 'no-overpromise'), uri);
      assert.ok(client.messages.some((m) => m.includes('linting them in a worker thread')), client.messages.join('\n'));
      assert.ok(await workerLinted(client) > 0, client.messages.join('\n'));
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
