/**
 * What the server writes for the author must lint clean: new macros, the
 * recommended-phrase snippets, the starter configuration. And the small
 * helpers behind code actions edit configuration files as a person would.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CompletionItem, type CreateFile, type TextDocumentEdit, type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { lint, rules, defaultConfig, mergeConfig, parseConfigText, ruleIds, CHANNELS, PLATFORMS, TAGS, type Finding, type PlatformId } from 'tactful-server';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describeFinding, repoRoot } from '../helpers.js';
import { LspClient, fileUri, positionOf, serverForSuite } from './harness.js';

// The language server's own helpers, which the package does not export.
const lsp = (file: string) => pathToFileURL(join(repoRoot, 'server', 'out', 'lsp', file)).href;
const { addWordToConfigText } = await import(lsp('word-list.js')) as typeof import('../../server/out/lsp/word-list.js');
const { minimalEdit } = await import(lsp('edits.js')) as typeof import('../../server/out/lsp/edits.js');

/** A snippet with every tab stop at its default (first choice), as an editor would insert it and the author accept it. */
function expand(snippet: string): string {
  let text = snippet;
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(/\$\{\d+\|([^,|}]*)[^|}]*\|\}/g, '$1').replace(/\$\{\d+:([^{}$]*)\}/g, '$1').replace(/\$\{\d+\}|\$\d+/g, '');
  }
  return text.replace(/\\([$}\\])/g, '$1');
}

function findingsOf(text: string, platform: PlatformId): string[] {
  return lint(text, { rules, config: mergeConfig(defaultConfig(), { platform }) }).findings.map((f: Finding) => describeFinding(text, f));
}

describe('language server: generated text lints clean', function () {
  this.timeout(60_000);
  const server = serverForSuite();

  const newMacro = (params: Record<string, unknown>) => server.client.request<{ text: string; fileName: string }>('tactful/newMacro', params);

  it('"New macro" writes front matter, greeting, thank-you and sign-off in the platform placeholders', async () => {
    const made = await newMacro({ title: 'Refund approved — damaged item', channel: 'email', tags: ['refund', 'complaint'], platform: 'zendesk' });
    assert.equal(made.fileName, 'refund-approved-damaged-item.macro.md');
    assert.ok(made.text.startsWith('---\ntitle: Refund approved — damaged item\ntags: [refund, complaint]\nchannel: email\nplatform: zendesk\n---\nHi {% if ticket.requester.first_name %}'));
    assert.ok(made.text.endsWith('Best,\n{{current_user.first_name}}\n'));
    assert.deepEqual(findingsOf(made.text, 'zendesk'), []);
  });

  it('every channel, platform and tag combination lints clean', async () => {
    for (const channel of CHANNELS) {
      for (const tags of [[], ...TAGS.map((tag) => [tag]), [...TAGS]]) {
        // Without a platform, the workspace configuration's (here the default) applies.
        const { text } = await newMacro({ title: 'Order update', channel, tags });
        assert.deepEqual(findingsOf(text, 'generic'), [], `${channel} ${tags.join(',')}\n${text}`);
      }
      for (const platform of PLATFORMS) {
        for (const tags of [[], ['complaint', 'investigation'], [...TAGS]]) {
          const pinned = await newMacro({ title: 'Order update', channel, tags, platform });
          assert.deepEqual(findingsOf(pinned.text, platform), [], `${platform} ${channel} ${tags.join(',')}\n${pinned.text}`);
        }
      }
    }
  });

  it('takes the platform from the configuration of the target folder, and quotes titles YAML needs quoted', async () => {
    const folder = join(server.dir, 'hs');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.tactful.yaml'), 'platform: helpscout\n');
    const made = await newMacro({ title: 'Refund: "damaged" #2', channel: 'chat', uri: fileUri(folder) });
    assert.ok(made.text.includes('Hi {%customer.firstName,fallback=there%},'));
    assert.equal(made.fileName, 'refund-damaged-2.macro.md');
    const title = /^title: (.*)$/m.exec(made.text)![1]!;
    assert.notEqual(title, 'Refund: "damaged" #2', 'quoted');
    assert.deepEqual(findingsOf(made.text, 'helpscout'), []);
    // Opened in the editor there, the server agrees: no diagnostics at all.
    const doc = fileUri(join(folder, made.fileName));
    await server.client.open(doc, made.text);
    assert.deepEqual((await server.client.diagnosticsAt(doc, 1)).diagnostics, []);
  });

  it('every recommended-phrase snippet, inserted with its defaults, lints clean', async () => {
    const { text: base } = await newMacro({ title: 'Order update', channel: 'email', tags: [] });
    const doc = fileUri(join(server.dir, 'snippets.macro.md'));
    const withSlot = base.replace('<!-- Write your answer here. -->', '');
    await server.client.open(doc, withSlot);
    const at = positionOf(withSlot, '\n\nIf anything');
    const items = await server.client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc }, position: { line: at.line + 1, character: 0 } });
    const snippets = items.filter((i) => i.kind === 15);
    assert.equal(snippets.length, 5);
    for (const snippet of snippets) {
      const inserted = expand((snippet.textEdit as TextEdit).newText);
      const text = withSlot.replace('\n\nIf anything', `\n${inserted}\n\nIf anything`);
      assert.deepEqual(findingsOf(text, 'generic'), [], `${snippet.label}: ${inserted}`);
    }
  });

  it('a client without snippet support gets the default text', async () => {
    const plain = await LspClient.start({ folders: [server.dir], capabilities: { workspace: { configuration: true } } });
    try {
      const doc = fileUri(join(server.dir, 'plain.macro.md'));
      await plain.open(doc, '---\ntitle: x\n---\n\n');
      const items = await plain.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc }, position: { line: 3, character: 0 } });
      const apology = items.find((i) => i.label === 'Sincere apology')!;
      assert.equal(apology.insertTextFormat, 1);
      assert.doesNotMatch((apology.textEdit as TextEdit).newText, /\$/);
    } finally {
      await plain.stop();
    }
  });

  it('"Create a starter .tactful.yaml" writes a configuration that parses without errors', async () => {
    const before = server.client.appliedEdits.length;
    const created = await server.client.request<boolean>('workspace/executeCommand', { command: 'tactful.server.createConfig', arguments: [fileUri(server.dir)] });
    assert.equal(created, true);
    const edit = server.client.appliedEdits[before]!;
    const [create, content] = edit.documentChanges as [CreateFile, TextDocumentEdit];
    assert.equal(create.uri, fileUri(join(server.dir, '.tactful.yaml')));
    const text = (content.edits[0] as TextEdit).newText;
    assert.deepEqual(parseConfigText(text, '.tactful.yaml', ruleIds).errors, []);
    assert.match(text, /^platform: generic$/m);
    assert.equal(server.client.shownDocuments.at(-1)?.uri, fileUri(join(server.dir, '.tactful.yaml')));
    assert.ok(!existsSync(join(server.dir, '.tactful.yaml')), 'the editor creates the file, through the workspace edit');
  });

  it('lists rules, channels, tags and platforms for the client', async () => {
    const metadata = await server.client.request<{ rules: { id: string; href: string }[]; channels: string[]; tags: string[]; platforms: { id: string }[] }>('tactful/metadata');
    assert.deepEqual(metadata.rules.map((r) => r.id), rules.map((r) => r.id));
    assert.deepEqual(metadata.channels, [...CHANNELS]);
    assert.deepEqual(metadata.tags, TAGS);
    assert.deepEqual(metadata.platforms.map((p) => p.id), [...PLATFORMS]);
  });
});

describe('word list edits', () => {
  const add = (text: string, word: string, file = '.tactful.yaml') => {
    const edit = addWordToConfigText(text, file, word);
    return edit ? TextDocument.applyEdits(TextDocument.create('file:///c', 'yaml', 0, text), [edit]) : undefined;
  };

  it('appends to a block list, keeping indentation and comments', () => {
    assert.equal(add('words:\n    - SKU   # stock units\nplatform: zendesk\n', 'Tactful'), 'words:\n    - SKU   # stock units\n    - Tactful\nplatform: zendesk\n');
  });

  it('appends to a flow list, and fills an empty one', () => {
    assert.equal(add('words: [SKU, Tactful]\n', 'Zendesk'), 'words: [SKU, Tactful, Zendesk]\n');
    assert.equal(add('words: []\n', 'Zendesk'), 'words: [Zendesk]\n');
    assert.equal(add('words:\n', 'Zendesk'), 'words: [Zendesk]\n');
  });

  it('adds the key when there is none, and quotes what YAML would misread', () => {
    assert.equal(add('platform: zendesk', 'SKU'), 'platform: zendesk\nwords: [SKU]\n');
    assert.equal(add('', 'yes'), 'words: ["yes"]\n');
  });

  it('leaves listed words and broken files alone', () => {
    assert.equal(add('words: [SKU]\n', 'SKU'), undefined);
    assert.equal(add('words: [SKU\n', 'Tactful'), undefined);
  });

  it('rewrites JSON configuration as JSON', () => {
    assert.equal(add('{ "platform": "zendesk" }', 'SKU', '.tactful.json'), '{\n  "platform": "zendesk",\n  "words": [\n    "SKU"\n  ]\n}\n');
  });

  it('makes the smallest edit, never splitting a surrogate pair or a CRLF', () => {
    const document = TextDocument.create('file:///x', 'macro', 0, 'a😀b\r\nc');
    assert.deepEqual(minimalEdit(document, 'a😀b\r\nc', 'a😁b\r\nc'), { range: { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } }, newText: '😁' });
    assert.equal(minimalEdit(document, 'same', 'same'), undefined);
  });
});
