/**
 * The language server over stdio, as an editor speaks to it: capabilities,
 * diagnostics (published and pulled), code actions applied and re-linted,
 * hover, completion, configuration, workspace lint, robustness, shutdown.
 */
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CancellationTokenSource, createProtocolConnection, IPCMessageReader, IPCMessageWriter,
  type CodeAction, type CodeLens, type CompletionItem, type CompletionList, type Diagnostic, type Hover, type InitializeResult,
  type DocumentDiagnosticReport, type WorkspaceDiagnosticReport, type TextEdit, type CreateFile, type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, rules, ruleDocs, fixText, defaultConfig, platforms, ruleIds, DOCS_BASE_URL } from 'tactful-server';
import { repoRoot } from '../helpers.js';
import { LspClient, SERVER, codesOf, fileUri, messageOf, positionOf, rangeOf, removeDir, serverForSuite, tempDir } from './harness.js';

const DOCS_URL = DOCS_BASE_URL;

/** A macro that is clean but for one over-promise (the structure rules are satisfied). */
const MACRO = [
  '---',
  'title: Refund on its way',
  'channel: email',
  '---',
  'Hi {{customer.first_name | default: "there"}},',
  '',
  'Thank you for writing in. We will refund you right away.',
  '',
  "If anything is still unclear, reply to this email and I'll be happy to help.",
  '',
  'Best,',
  '{{agent.first_name}}',
  '',
].join('\n');

/** Some 100 KB of prose: its lint takes long enough for messages to queue up behind it. */
const LARGE_MACRO = MACRO + 'We will send it right away, and then some more words follow here.\n\n'.repeat(1500);

const only = (diagnostics: Diagnostic[], code: string) => diagnostics.filter((d) => d.code === code);

describe('language server (stdio)', function () {
  this.timeout(60_000);
  const server = serverForSuite();
  let n = 0;
  /** A fresh file URI in the temporary workspace. */
  const uri = (name = `doc${++n}.macro.md`) => fileUri(join(server.dir, name));

  it('answers initialize with its capabilities', () => {
    const capabilities = server.client.initializeResult.capabilities;
    assert.deepEqual(capabilities.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
    assert.deepEqual((capabilities.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds, ['quickfix', 'source.fixAll.tactful']);
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes('{'));
    assert.ok(capabilities.completionProvider?.triggerCharacters?.includes('%'));
    assert.ok(capabilities.codeLensProvider);
    assert.deepEqual(capabilities.executeCommandProvider?.commands, ['tactful.server.showDocumentation', 'tactful.server.applyFixAll', 'tactful.server.createConfig']);
    assert.equal(capabilities.diagnosticProvider, undefined, 'a client without pull diagnostics gets published ones');
    assert.equal(server.client.initializeResult.serverInfo?.name, 'tactful-language-server');
  });

  it('registers for configuration changes and configuration-file watchers', async () => {
    await server.client.registered('workspace/didChangeConfiguration');
    await server.client.registered('workspace/didChangeWatchedFiles');
    const methods = server.client.registrations.map((r) => r.method);
    assert.ok(methods.includes('workspace/didChangeConfiguration'));
    const watchers = server.client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
    assert.deepEqual((watchers?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern), ['**/.tactful.yaml', '**/.tactful.yml', '**/.tactful.json']);
  });

  it('publishes diagnostics on open, with exact ranges, rule code, doc link, source and rewrites', async () => {
    const doc = uri();
    await server.client.open(doc, MACRO);
    const { diagnostics, version } = await server.client.diagnosticsAt(doc, 1);
    assert.equal(version, 1);
    const [diagnostic] = only(diagnostics, 'no-overpromise');
    assert.ok(diagnostic, `no no-overpromise in ${codesOf(diagnostics)}`);
    assert.deepEqual(diagnostic.range, rangeOf(MACRO, 'right away'));
    assert.equal(diagnostic.source, 'tactful');
    assert.equal(diagnostic.severity, 2);
    assert.equal(diagnostic.codeDescription?.href, `${DOCS_URL}no-overpromise.md`);
    assert.ok(existsSync(join(repoRoot, 'docs', 'rules', 'no-overpromise.md')), 'the link points at a generated doc');
    const data = diagnostic.data as { ruleId: string; rewrites: { title: string; edit: TextEdit }[] };
    assert.equal(data.ruleId, 'no-overpromise');
    assert.deepEqual(data.rewrites.map((r) => r.edit.newText), ['as soon as we can', 'within one business day']);
    assert.deepEqual(data.rewrites[0]!.edit.range, rangeOf(MACRO, 'right away'));
    assert.equal(diagnostics.length, lint(MACRO, { rules, config: defaultConfig() }).findings.length, 'one diagnostic per engine finding');
  });

  it('follows incremental edits: ranges move, fixed text clears', async () => {
    const doc = uri();
    await server.client.open(doc, MACRO);
    await server.client.diagnosticsAt(doc, 1);

    // Insert words before the phrase on the same line: the range moves right.
    const at = positionOf(MACRO, 'We will');
    const v2 = await server.client.change(doc, [{ range: { start: at, end: at }, newText: 'Good news! ' }]);
    const second = only((await server.client.diagnosticsAt(doc, v2)).diagnostics, 'no-overpromise');
    assert.deepEqual(second.map((d) => d.range), [rangeOf(server.client.text(doc), 'right away')]);
    assert.equal(second[0]!.range.start.character, rangeOf(MACRO, 'right away').start.character + 'Good news! '.length);

    // Insert a line above: the range moves down.
    const v3 = await server.client.change(doc, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, newText: '\n' }]);
    const third = only((await server.client.diagnosticsAt(doc, v3)).diagnostics, 'no-overpromise');
    assert.deepEqual(third.map((d) => d.range), [rangeOf(server.client.text(doc), 'right away')]);
    assert.equal(third[0]!.range.start.line, 7);

    // Replace the phrase: the finding goes.
    const v4 = await server.client.change(doc, [{ range: rangeOf(server.client.text(doc), 'right away'), newText: 'within one business day' }]);
    assert.deepEqual(only((await server.client.diagnosticsAt(doc, v4)).diagnostics, 'no-overpromise'), []);
  });

  it('lints quick edits without a backlog: versions only go up, and the last one is published', async () => {
    const doc = uri();
    await server.client.open(doc, MACRO);
    await server.client.diagnosticsAt(doc, 1);
    const end = positionOf(MACRO, 'right away.');
    let version = 1;
    for (const word of ['really ', 'very ', 'truly ']) {
      version = await server.client.change(doc, [{ range: { start: end, end }, newText: word }]);
    }
    const latest = await server.client.diagnosticsAt(doc, version);
    assert.deepEqual(only(latest.diagnostics, 'no-overpromise').map((d) => d.range), [rangeOf(server.client.text(doc), 'right away')]);
    // An edit that arrives while the server is idle is linted at once (no debounce), so an earlier version
    // may be shown first; but never one older than a version already shown, and never after the last.
    const versions = server.client.published.filter((p) => p.uri === doc).map((p) => p.version!);
    assert.deepEqual(versions, [...new Set(versions)].sort((a, b) => a - b), `in order, each once: ${versions}`);
    assert.equal(versions.at(-1), version);
  });

  it('coalesces a burst of edits that arrive during a lint into one publication for the last version', async () => {
    const large = uri();
    const doc = uri();
    await server.client.open(doc, MACRO);
    await server.client.diagnosticsAt(doc, 1);
    // The large document keeps the server busy while all twenty edits arrive.
    const largeLinted = server.client.diagnosticsAt(large, 1);
    await server.client.open(large, LARGE_MACRO);
    const at = positionOf(MACRO, 'We will');
    let version = 1;
    for (let i = 0; i < 20; i++) version = await server.client.change(doc, [{ range: { start: at, end: at }, newText: 'so ' }]);
    await largeLinted;
    const latest = await server.client.diagnosticsAt(doc, version);
    assert.deepEqual(only(latest.diagnostics, 'no-overpromise').map((d) => d.range), [rangeOf(server.client.text(doc), 'right away')]);
    assert.deepEqual(server.client.published.filter((p) => p.uri === doc).map((p) => p.version), [1, version], 'one lint for the whole burst');
    await server.client.close(large);
  });

  it('answers a request that arrives with an edit to a large document before publishing that edit\'s diagnostics', async () => {
    const large = uri();
    const doc = uri();
    await server.client.open(doc, MACRO);
    await server.client.diagnosticsAt(doc, 1);
    await server.client.open(large, LARGE_MACRO);
    await server.client.diagnosticsAt(large, 1);
    const order: string[] = [];
    const at = positionOf(LARGE_MACRO, 'We will send it');
    const v2 = await server.client.change(large, [{ range: { start: at, end: at }, newText: 'Sure. ' }]);
    const published = server.client.diagnostics(large, (p) => p.version === v2, false).then(() => order.push('diagnostics'));
    const hover = server.client.request<Hover>('textDocument/hover', { textDocument: { uri: doc }, position: positionOf(MACRO, 'agent.first_name') })
      .then((result) => order.push(result ? 'hover' : 'empty hover'));
    await Promise.all([published, hover]);
    assert.deepEqual(order, ['hover', 'diagnostics']);
    await server.client.close(large);
  });

  describe('code actions', () => {
    async function actionsFor(text: string, code = 'no-overpromise') {
      const doc = uri();
      await server.client.open(doc, text);
      const { diagnostics } = await server.client.diagnosticsAt(doc, 1);
      const diagnostic = only(diagnostics, code)[0]!;
      assert.ok(diagnostic, `no ${code} diagnostic`);
      const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: doc }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      });
      return { doc, diagnostic, actions };
    }

    /** Applies an action's edit as an editor would, and waits for the re-lint. */
    async function apply(doc: string, action: CodeAction): Promise<Diagnostic[]> {
      assert.ok(action.edit, `${action.title} has no edit`);
      const versions = await server.client.applyWorkspaceEdit(action.edit);
      return (await server.client.diagnosticsAt(doc, versions.get(doc)!)).diagnostics;
    }

    it('work on a document whose full analysis was given up for documents edited after it', async () => {
      const first = uri();
      await server.client.open(first, MACRO);
      await server.client.diagnosticsAt(first, 1);
      const at = positionOf(MACRO, 'We will');
      const v2 = await server.client.change(first, [{ range: { start: at, end: at }, newText: 'Good news! ' }]);
      const { diagnostics } = await server.client.diagnosticsAt(first, v2);
      // More documents in use than the server keeps whole analyses of.
      const others = Array.from({ length: 20 }, () => uri());
      for (const [i, other] of others.entries()) {
        await server.client.open(other, MACRO.replace('Refund on its way', `Refund ${i}`));
        const version = await server.client.change(other, [{ range: { start: at, end: at }, newText: 'So. ' }]);
        await server.client.diagnosticsAt(other, version);
      }
      const diagnostic = only(diagnostics, 'no-overpromise')[0]!;
      const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: first }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
      });
      assert.ok(actions.some((a) => a.title === 'Replace with "as soon as we can"'), actions.map((a) => a.title).join());
      const hover = await server.client.request<Hover>('textDocument/hover', { textDocument: { uri: first }, position: diagnostic.range.start });
      assert.ok((hover.contents as { value: string }).value.includes('`no-overpromise`'));
      const fixed = await apply(first, actions.find((a) => a.title === 'Replace with "as soon as we can"')!);
      assert.deepEqual(only(fixed, 'no-overpromise'), []);
      for (const doc of [first, ...others]) await server.client.close(doc);
    });

    it('offers one quick fix per rewrite (the first preferred), fix all, disable line and file, documentation', async () => {
      const { actions, diagnostic } = await actionsFor(MACRO);
      assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
        ['Replace with "as soon as we can"', 'quickfix', true],
        ['Replace with "within one business day"', 'quickfix', false],
        ['Fix all no-overpromise problems in this file', 'quickfix', false],
        ['Disable no-overpromise for this line', 'quickfix', false],
        ['Disable no-overpromise for this file', 'quickfix', false],
        ['Show documentation for no-overpromise', 'quickfix', false],
      ]);
      for (const action of actions) assert.deepEqual(action.diagnostics, [diagnostic]);
    });

    it('applies each rewrite and re-lints the document', async () => {
      for (const [index, rewrite] of ['as soon as we can', 'within one business day'].entries()) {
        const { doc, actions } = await actionsFor(MACRO);
        const diagnostics = await apply(doc, actions[index]!);
        assert.equal(server.client.text(doc), MACRO.replace('right away', rewrite));
        assert.deepEqual(only(diagnostics, 'no-overpromise'), []);
      }
    });

    it('fixes all problems of one rule in the file', async () => {
      const text = MACRO.replace('right away.', 'right away. We will also ship a new one right away.');
      const { doc, actions } = await actionsFor(text);
      assert.equal(only(server.client.published.find((p) => p.uri === doc)!.diagnostics, 'no-overpromise').length, 2);
      const diagnostics = await apply(doc, actions.find((a) => a.title.startsWith('Fix all'))!);
      const config = defaultConfig();
      const expected = fixText(text, (t) => lint(t, { rules, config }).findings, (f) => f.ruleId === 'no-overpromise').output;
      assert.equal(server.client.text(doc), expected);
      assert.ok(!server.client.text(doc).includes('right away'));
      assert.deepEqual(only(diagnostics, 'no-overpromise'), []);
    });

    it('disables the rule for the line with a comment on its own line above', async () => {
      const { doc, actions } = await actionsFor(MACRO);
      const diagnostics = await apply(doc, actions.find((a) => a.title === 'Disable no-overpromise for this line')!);
      assert.equal(server.client.text(doc), MACRO.replace('Thank you for writing in.', '<!-- tactful-disable-next-line no-overpromise -->\nThank you for writing in.'));
      assert.deepEqual(codesOf(diagnostics).filter((c) => c === 'no-overpromise' || c === 'unused-directive'), []);
    });

    it('inside a paragraph, disables the line with a trailing comment (a comment line would split the paragraph)', async () => {
      const text = MACRO.replace('Thank you for writing in. We will', 'Thank you for writing in.\nWe will');
      const { doc, actions } = await actionsFor(text);
      const diagnostics = await apply(doc, actions.find((a) => a.title === 'Disable no-overpromise for this line')!);
      assert.equal(server.client.text(doc), text.replace('right away.', 'right away. <!-- tactful-disable-line no-overpromise -->'));
      assert.deepEqual(codesOf(diagnostics).filter((c) => c === 'no-overpromise' || c === 'unused-directive'), []);
    });

    it('disables the rule for the file right after the front matter', async () => {
      const { doc, actions } = await actionsFor(MACRO);
      const diagnostics = await apply(doc, actions.find((a) => a.title === 'Disable no-overpromise for this file')!);
      assert.equal(server.client.text(doc), MACRO.replace('---\nHi', '---\n<!-- tactful-disable-file no-overpromise -->\nHi'));
      assert.deepEqual(codesOf(diagnostics).filter((c) => c === 'no-overpromise' || c === 'unused-directive'), []);
    });

    it('adds a second rule to an existing directive instead of stacking comments', async () => {
      const text = MACRO.replace('---\nHi', '---\n<!-- tactful-disable-file shouting -->\nHi').replace('Thank you for writing in.', 'THANK YOU for writing in!!');
      const { doc, actions } = await actionsFor(text);
      await apply(doc, actions.find((a) => a.title === 'Disable no-overpromise for this file')!);
      assert.ok(server.client.text(doc).startsWith('---\ntitle: Refund on its way\nchannel: email\n---\n<!-- tactful-disable-file shouting, no-overpromise -->\n'));
    });

    it('shows the rule documentation through window/showDocument', async () => {
      const { actions } = await actionsFor(MACRO);
      const docs = actions.find((a) => a.title === 'Show documentation for no-overpromise')!;
      assert.deepEqual(docs.command, { title: 'Show documentation for no-overpromise', command: 'tactful.server.showDocumentation', arguments: ['no-overpromise'] });
      const shown = await server.client.request<boolean>('workspace/executeCommand', { command: docs.command!.command, arguments: docs.command!.arguments });
      assert.equal(shown, true);
      assert.deepEqual(server.client.shownDocuments.at(-1), { uri: `${DOCS_URL}no-overpromise.md`, external: true, takeFocus: true });
    });

    it('offers source.fixAll.tactful as a direct edit built with the engine fix', async () => {
      const text = MACRO.replace('right away.', 'right away. We will also ship a new one right away.');
      const doc = uri();
      await server.client.open(doc, text);
      await server.client.diagnosticsAt(doc, 1);
      const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: doc }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll.tactful'] },
      });
      assert.deepEqual(actions.map((a) => a.kind), ['source.fixAll.tactful']);
      assert.equal(actions[0]!.command, undefined, 'a direct edit, no command round trip');
      const config = defaultConfig();
      const expected = fixText(text, (t) => lint(t, { rules, config }).findings).output;
      const versions = await server.client.applyWorkspaceEdit(actions[0]!.edit!);
      assert.equal(server.client.text(doc), expected);
      const after = await server.client.diagnosticsAt(doc, versions.get(doc)!);
      assert.deepEqual(only(after.diagnostics, 'no-overpromise'), []);

      // Nothing left to fix of what fix-all fixes: no action.
      const again = await server.client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: doc }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      });
      const stillFixable = fixText(expected, (t) => lint(t, { rules, config }).findings).output !== expected;
      assert.equal(again.length, stillFixable ? 1 : 0);
      // Quick fixes are not offered when only source actions are asked for.
      assert.ok(again.every((a) => a.kind === 'source.fixAll.tactful'));
    });

    it('applies fix-all through the server command', async () => {
      const doc = uri();
      await server.client.open(doc, MACRO);
      await server.client.diagnosticsAt(doc, 1);
      const before = server.client.appliedEdits.length;
      const applied = await server.client.request<boolean>('workspace/executeCommand', { command: 'tactful.server.applyFixAll', arguments: [doc, 1] });
      assert.equal(applied, true);
      assert.equal(server.client.appliedEdits.length, before + 1);
      await server.client.applyWorkspaceEdit(server.client.appliedEdits.at(-1)!);
      assert.ok(server.client.text(doc).includes('as soon as we can'));
    });

    it("adds a word to the workspace word list for spelling findings (.tactful.yaml 'words')", async () => {
      const folder = join(server.dir, 'spelling');
      mkdirSync(folder, { recursive: true });
      const config = join(folder, '.tactful.yaml');
      writeFileSync(config, '# team words\nwords:\n  - Tactful\n');
      const text = MACRO.replace('Thank you for writing in.', 'Thank you for writing in about the recieve step.');
      const doc = fileUri(join(folder, 'spell.macro.md'));
      await server.client.open(doc, text);
      const spellingOf = (diagnostics: Diagnostic[]) => diagnostics.filter((d) => d.code === 'retext-spell' && messageOf(d).includes('recieve'));
      const before = (await server.client.diagnosticsAt(doc, 1)).diagnostics;
      if (ruleIds.has('retext-spell')) assert.equal(spellingOf(before).length, 1);
      // The spelling finding as the spelling rule reports it; the action needs nothing else.
      const spelling: Diagnostic = spellingOf(before)[0] ?? {
        range: rangeOf(text, 'recieve'), severity: 3, code: 'retext-spell', source: 'tactful',
        message: '"recieve" is not in the dictionary', data: { ruleId: 'retext-spell', actual: 'recieve', rewrites: [] },
      };
      const actions = await server.client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: doc }, range: spelling.range, context: { diagnostics: [spelling] },
      });
      const add = actions.find((a) => a.title === "Add 'recieve' to the workspace word list");
      assert.ok(add, actions.map((a) => a.title).join(', '));
      const edit = add.edit!.documentChanges![0] as TextDocumentEdit;
      assert.equal(edit.textDocument.uri, fileUri(config));
      const updated = TextDocument.applyEdits(TextDocument.create(fileUri(config), 'yaml', 0, readFileSync(config, 'utf8')), edit.edits as TextEdit[]);
      assert.equal(updated, '# team words\nwords:\n  - Tactful\n  - recieve\n');

      // Written to disk, the configuration change reaches the server and the word is accepted.
      writeFileSync(config, updated);
      const relinted = server.client.diagnostics(doc, () => true, false);
      await server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(config), type: 2 }] });
      assert.deepEqual(spellingOf((await relinted).diagnostics), []);

      // Without a configuration file, the action creates .tactful.yaml in the workspace folder.
      const bare = fileUri(join(server.dir, 'bare.macro.md'));
      await server.client.open(bare, text);
      const created = await server.client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: bare }, range: spelling.range, context: { diagnostics: [spelling] },
      });
      const create = created.find((a) => a.title === "Add 'recieve' to the workspace word list")!;
      const [file, content] = create.edit!.documentChanges! as [CreateFile, TextDocumentEdit];
      assert.deepEqual(file, { kind: 'create', uri: fileUri(join(server.dir, '.tactful.yaml')), options: { ignoreIfExists: true } });
      assert.equal((content.edits[0] as TextEdit).newText, 'words: [recieve]\n');
    });
  });

  describe('hover', () => {
    it('explains a finding: why, a bad → good example and the guideline source', async () => {
      const doc = uri();
      await server.client.open(doc, MACRO);
      await server.client.diagnosticsAt(doc, 1);
      const at = positionOf(MACRO, 'right away');
      const hover = await server.client.request<Hover>('textDocument/hover', { textDocument: { uri: doc }, position: { line: at.line, character: at.character + 3 } });
      const value = (hover.contents as { kind: string; value: string }).value;
      assert.equal((hover.contents as { kind: string }).kind, 'markdown');
      const why = ruleDocs['no-overpromise']!.replace(/```[\s\S]*?```/g, '').split(/\n\s*\n/).map((p) => p.trim()).find((p) => p && !p.startsWith('#'))!.replace(/\s*\n\s*/g, ' ');
      assert.ok(value.includes("**Don't over-promise** · `no-overpromise` (warning)"), value);
      assert.ok(value.includes(why), 'the first paragraph of the doc');
      assert.match(value, /Instead of:\n\n```text\n[\s\S]+```\n\nwrite:\n\n```text\n[\s\S]+```/);
      assert.ok(value.includes('(seed 000 #5)'));
      assert.ok(value.includes(`[Documentation](${DOCS_URL}no-overpromise.md)`));
      assert.deepEqual(hover.range, rangeOf(MACRO, 'right away'));
    });

    it('describes a placeholder: what it is, the platform, a sample value', async () => {
      const doc = uri();
      await server.client.open(doc, MACRO);
      const at = positionOf(MACRO, 'agent.first_name');
      const hover = await server.client.request<Hover>('textDocument/hover', { textDocument: { uri: doc }, position: at });
      const info = platforms.generic.placeholders.find((p) => p.name === 'agent.first_name')!;
      const value = (hover.contents as { value: string }).value;
      assert.ok(value.startsWith(`\`{{agent.first_name}}\` — ${info.description}`), value);
      assert.ok(value.includes(`Platform: ${platforms.generic.label} · Sample: “${info.sample}”`));
      assert.deepEqual(hover.range, rangeOf(MACRO, '{{agent.first_name}}'));
    });

    it('answers null where there is nothing to say', async () => {
      const doc = uri();
      await server.client.open(doc, MACRO);
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: doc }, position: { line: 8, character: 1 } }), null);
    });
  });

  describe('completion', () => {
    async function complete(text: string, marker = '§', triggerCharacter?: string, name?: string) {
      const at = positionOf(text, marker);
      const source = text.replace(marker, '');
      const doc = uri(name);
      await server.client.open(doc, source);
      const result = await server.client.request<CompletionItem[] | CompletionList | null>('textDocument/completion', {
        textDocument: { uri: doc }, position: at,
        context: triggerCharacter ? { triggerKind: 2, triggerCharacter } : { triggerKind: 1 },
      });
      const items = Array.isArray(result) ? result : result?.items ?? [];
      const apply = (item: CompletionItem) => {
        const edit = item.textEdit as TextEdit;
        return TextDocument.applyEdits(TextDocument.create(doc, 'macro', 1, source), [edit]);
      };
      return { items, apply, source };
    }

    it("after {{ offers the platform's placeholders and closes them", async () => {
      const { items, apply } = await complete(MACRO.replace('Best,', 'Your case is {{§\n\nBest,'), '§', '{');
      assert.deepEqual(items.map((i) => i.label), platforms.generic.placeholders.map((p) => p.name));
      const first = items.find((i) => i.label === 'customer.first_name')!;
      assert.ok(apply(first).includes('Your case is {{customer.first_name}}\n'));
      assert.equal(first.kind, 6);
    });

    it('keeps an auto-closed }} and replaces the partly typed name', async () => {
      const { items, apply } = await complete(MACRO.replace('Best,', 'Your case is {{ cust§}}\n\nBest,'), '§');
      assert.ok(apply(items.find((i) => i.label === 'customer.email')!).includes('Your case is {{ customer.email}}\n'));
    });

    it("uses the macro's platform and the configured custom fields", async () => {
      const folder = join(server.dir, 'custom');
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, '.tactful.yaml'), 'platform: zendesk\nplaceholders:\n  - "{{ticket.ticket_field_360001234}}"\n');
      const { items } = await complete(MACRO.replace('Best,', 'Case {{§\n\nBest,'), '§', '{', 'custom/fields.macro.md');
      const labels = items.map((i) => i.label);
      assert.ok(labels.includes('ticket.requester.first_name'));
      assert.ok(labels.includes('ticket.ticket_field_360001234'));
      assert.ok(!labels.includes('customer.first_name'));
    });

    it('on a {%…%} platform, turns a typed {{ into the right syntax', async () => {
      const text = MACRO.replace('channel: email', 'channel: email\nplatform: helpscout').replace('Best,', 'Hello {{§\n\nBest,');
      const { items, apply } = await complete(text, '§', '{');
      assert.ok(apply(items.find((i) => i.label === 'customer.firstName')!).includes('Hello {%customer.firstName%}\n'));
    });

    it('in the front matter, offers the keys not yet used and the allowed values', async () => {
      const keys = await complete(MACRO.replace('channel: email', 'channel: email\n§'));
      assert.deepEqual(keys.items.map((i) => i.label), ['tags', 'platform', 'id', 'description', 'owner', 'updated']);
      const channel = await complete(MACRO.replace('channel: email', 'channel: §'), '§', ' ');
      assert.deepEqual(channel.items.map((i) => i.label), ['email', 'chat', 'social', 'phone']);
      const platform = await complete(MACRO.replace('channel: email', 'channel: email\nplatform: ze§'));
      assert.ok(channel.apply(channel.items[1]!).includes('channel: chat\n'));
      assert.deepEqual(platform.items.map((i) => i.label), ['zendesk', 'helpscout', 'intercom', 'freshdesk', 'front', 'generic']);
      assert.ok(platform.apply(platform.items[0]!).includes('platform: zendesk\n'));
      const tags = await complete(MACRO.replace('channel: email', 'channel: email\ntags: [refund, §'), '§', ' ');
      assert.ok(tags.items.length > 0 && !tags.items.some((i) => i.label === 'refund'));
      assert.ok(tags.apply(tags.items.find((i) => i.label === 'complaint')!).includes('tags: [refund, complaint\n'));
      const list = await complete(MACRO.replace('channel: email', 'channel: email\ntags:\n  - delay\n  - §'));
      assert.ok(list.items.some((i) => i.label === 'refund') && !list.items.some((i) => i.label === 'delay'));
    });

    it('offers the recommended-phrase snippets in the body, with tab stops', async () => {
      const { items } = await complete(MACRO.replace('Best,', '§\n\nBest,'));
      const snippets = items.filter((i) => i.kind === 15);
      assert.deepEqual(snippets.map((i) => i.label), [
        'Gracious no, with reason and alternative', 'Sincere apology', 'Acknowledge feelings',
        'Follow-up with a concrete time', 'Invitation to reply',
      ]);
      for (const snippet of snippets) {
        assert.equal(snippet.insertTextFormat, 2);
        assert.match((snippet.textEdit as TextEdit).newText, /\$\{1[:|]/);
      }
    });
  });

  it('shows words against the channel budget and the reading grade above the body', async () => {
    const doc = uri();
    await server.client.open(doc, MACRO);
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: doc } });
    assert.equal(lenses.length, 1);
    assert.deepEqual(lenses[0]!.range.start, { line: 4, character: 0 });
    assert.match(lenses[0]!.command!.title, /^Tactful: \d+\/180 words \(email\) · reading grade \d+\.\d$/);
  });

  it('reads words budgets from the length rule options in configuration', async () => {
    const folder = join(server.dir, 'budget');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, '.tactful.yaml'), 'rules:\n  length: { severity: warning, email: 220 }\n');
    const doc = fileUri(join(folder, 'budget.macro.md'));
    await server.client.open(doc, MACRO);
    const lenses = await server.client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: doc } });
    assert.match(lenses[0]!.command!.title, /\/220 words \(email\)/);
  });

  it('previews the macro as the customer sees it', async () => {
    const text = [
      '---', 'title: Preview', 'platform: zendesk', '---',
      '<!-- tactful-disable-next-line no-overpromise -->',
      'Hi {% if ticket.requester.first_name %}{{ticket.requester.first_name}}{% else %}there{% endif %},',
      '',
      'Your ticket {{ticket.id}} is with {{current_user.first_name}}. <!-- a note -->',
      '',
    ].join('\n');
    const doc = uri();
    await server.client.open(doc, text);
    const sample = (name: string) => platforms.zendesk.placeholders.find((p) => p.name === name)!.sample;
    const preview = await server.client.request<{ text: string; title: string; platform: string }>('tactful/preview', { textDocument: { uri: doc } });
    assert.deepEqual(preview, {
      text: `Hi ${sample('ticket.requester.first_name')},\n\nYour ticket ${sample('ticket.id')} is with ${sample('current_user.first_name')}. \n`,
      title: 'Preview', platform: 'Zendesk', version: 1,
    });
  });

  it('does not lint Markdown outside the include globs, and lints Markdown inside them', async () => {
    const notes = fileUri(join(server.dir, 'notes', 'readme.md'));
    await server.client.open(notes, MACRO, 'markdown');
    assert.deepEqual((await server.client.diagnosticsAt(notes, 1)).diagnostics, []);
    const macro = fileUri(join(server.dir, 'macros', 'refund.md'));
    await server.client.open(macro, MACRO, 'markdown');
    assert.equal(only((await server.client.diagnosticsAt(macro, 1)).diagnostics, 'no-overpromise').length, 1);
  });

  it('clears diagnostics when a document closes', async () => {
    const doc = uri();
    await server.client.open(doc, MACRO);
    await server.client.diagnosticsAt(doc, 1);
    const cleared = server.client.diagnostics(doc, (p) => p.diagnostics.length === 0, false);
    await server.client.close(doc);
    assert.equal((await cleared).version, undefined);
  });

  describe('answers requests it cannot serve, without crashing', () => {
    const unknown = 'file:///nowhere/unknown.macro.md';
    const position = { line: 0, character: 0 };

    it('closed or unknown documents', async () => {
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: unknown }, position }), null);
      assert.equal(await server.client.request('textDocument/completion', { textDocument: { uri: unknown }, position }), null);
      assert.equal(await server.client.request('textDocument/codeAction', { textDocument: { uri: unknown }, range: { start: position, end: position }, context: { diagnostics: [] } }), null);
      assert.equal(await server.client.request('textDocument/codeLens', { textDocument: { uri: unknown } }), null);
      assert.equal(await server.client.request('tactful/preview', { textDocument: { uri: unknown } }), null);
      assert.equal(await server.client.request('workspace/executeCommand', { command: 'tactful.server.applyFixAll', arguments: [unknown] }), false);
    });

    it('out-of-range and malformed positions', async () => {
      const doc = uri();
      await server.client.open(doc, MACRO);
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: doc }, position: { line: 999, character: 999 } }), null);
      assert.equal(await server.client.request('textDocument/hover', { textDocument: { uri: doc }, position: { line: -5, character: -1 } }), null);
      const completion = await server.client.request<CompletionItem[]>('textDocument/completion', { textDocument: { uri: doc }, position: { line: 999, character: 0 } });
      assert.ok(Array.isArray(completion));
      await assert.rejects(server.client.request('textDocument/hover', { textDocument: { uri: doc } }), { code: -32602 });
    });

    it('unknown commands and bad arguments', async () => {
      await assert.rejects(server.client.request('workspace/executeCommand', { command: 'tactful.nope' }), { code: -32601 });
      await assert.rejects(server.client.request('workspace/executeCommand', { command: 'tactful.server.showDocumentation', arguments: ['no-such-rule'] }), { code: -32602 });
      await assert.rejects(server.client.request('tactful/newMacro', {}), { code: -32602 });
    });

    it('cancelled requests', async () => {
      const folder = join(server.dir, 'cancel');
      mkdirSync(folder, { recursive: true });
      for (let i = 0; i < 30; i++) writeFileSync(join(folder, `m${i}.macro.md`), MACRO);
      const source = new CancellationTokenSource();
      const pending = server.client.connection.sendRequest('tactful/lintWorkspace', { folders: [fileUri(folder)] }, source.token);
      source.cancel();
      await assert.rejects(pending, { code: -32800 });
      // Still serving.
      const doc = uri();
      await server.client.open(doc, MACRO);
      assert.ok((await server.client.diagnosticsAt(doc, 1)).diagnostics.length > 0);
    });
  });
});

describe('language server: configuration', function () {
  this.timeout(60_000);
  let client: LspClient;
  let root: string;
  /** Each test works in a folder of its own. */
  let dir: string;
  let settings: Record<string, Record<string, unknown>>;
  let count = 0;

  before(async () => {
    root = tempDir();
    settings = {};
    client = await LspClient.start({
      folders: [root],
      settings: (scope) => settings[Object.keys(settings).find((name) => scope?.endsWith(name)) ?? ''] ?? null,
    });
  });
  beforeEach(() => {
    dir = join(root, `t${++count}`);
    mkdirSync(dir);
  });
  after(async () => {
    await client.stop();
    removeDir(root);
  });

  const configUri = () => fileUri(join(dir, '.tactful.yaml'));
  const writeConfig = async (text: string) => {
    writeFileSync(join(dir, '.tactful.yaml'), text);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: 2 }] });
  };

  it('re-lints open macros when .tactful.yaml changes', async () => {
    writeFileSync(join(dir, '.tactful.yaml'), 'rules:\n  no-overpromise: error\n');
    const doc = fileUri(join(dir, 'a.macro.md'));
    await client.open(doc, MACRO);
    assert.deepEqual(only((await client.diagnosticsAt(doc, 1)).diagnostics, 'no-overpromise').map((d) => d.severity), [1]);

    const relinted = client.diagnostics(doc, () => true, false);
    await writeConfig('rules:\n  no-overpromise: off\n');
    assert.deepEqual(only((await relinted).diagnostics, 'no-overpromise'), []);
  });

  it('shows a broken configuration as a diagnostic on the configuration file, and lints on with defaults', async () => {
    const doc = fileUri(join(dir, 'a.macro.md'));
    await client.open(doc, MACRO);
    await client.diagnosticsAt(doc, 1);

    const broken = client.diagnostics(configUri(), (p) => p.diagnostics.length > 0, false);
    const relinted = client.diagnostics(doc, () => true, false);
    await writeConfig('rules: [unclosed\n');
    const [error] = (await broken).diagnostics;
    assert.equal(error!.severity, 1);
    assert.equal(error!.source, 'tactful');
    assert.match(messageOf(error!), /not valid YAML/);
    assert.deepEqual(only((await relinted).diagnostics, 'no-overpromise').map((d) => d.severity), [2], 'defaults apply');

    const unknownKey = client.diagnostics(configUri(), (p) => p.diagnostics.some((d) => messageOf(d).includes('rulez')), false);
    await writeConfig('rulez:\n  no-overpromise: off\n');
    const [typo] = (await unknownKey).diagnostics;
    assert.equal(messageOf(typo!), 'rulez: unknown setting "rulez"; did you mean "rules"?');
    assert.deepEqual(typo!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });

    const fixed = client.diagnostics(configUri(), (p) => p.diagnostics.length === 0, false);
    await writeConfig('rules:\n  no-overpromise: off\n');
    await fixed;
  });

  it('shows a broken configuration at the workspace root on startup', async () => {
    writeFileSync(join(dir, '.tactful.yaml'), 'platform: zendsk\n');
    const fresh = await LspClient.start({ folders: [dir] });
    try {
      const [problem] = (await fresh.diagnostics(configUri())).diagnostics;
      assert.match(messageOf(problem!), /^platform: must be one of zendesk/);
    } finally {
      await fresh.stop();
    }
  });

  it('pulls settings per resource: enable, rules, platform, run', async () => {
    const doc = fileUri(join(dir, 'a.macro.md'));
    settings[`t${count}/a.macro.md`] = { rules: { 'no-overpromise': 'error' } };
    await client.open(doc, MACRO);
    assert.deepEqual(only((await client.diagnosticsAt(doc, 1)).diagnostics, 'no-overpromise').map((d) => d.severity), [1]);
    assert.ok(client.configurationRequests > 0);

    settings[`t${count}/a.macro.md`] = { enable: false };
    const disabled = client.diagnostics(doc, () => true, false);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await disabled).diagnostics, []);

    settings[`t${count}/a.macro.md`] = { platform: 'zendesk' };
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri: doc }, position: positionOf(MACRO, 'agent.first_name') });
    assert.match((hover.contents as { value: string }).value, /`agent\.first_name` is not a Zendesk placeholder/);
  });

  it('with run: onSave, lints on save and not while typing', async () => {
    settings[`t${count}/save.macro.md`] = { run: 'onSave' };
    const onSave = fileUri(join(dir, 'save.macro.md'));
    const onType = fileUri(join(dir, 'type.macro.md'));
    await client.open(onSave, MACRO);
    await client.open(onType, MACRO);
    await client.diagnosticsAt(onSave, 1);
    await client.diagnosticsAt(onType, 1);
    const end = positionOf(MACRO, 'right away');
    // The onSave document changes first: had it been scheduled, it would publish before the other.
    await client.change(onSave, [{ range: { start: end, end }, newText: 'very ' }]);
    await client.change(onType, [{ range: { start: end, end }, newText: 'very ' }]);
    await client.diagnosticsAt(onType, 2);
    assert.deepEqual(client.published.filter((p) => p.uri === onSave).map((p) => p.version), [1]);
    await client.notify('textDocument/didSave', { textDocument: { uri: onSave } });
    const saved = await client.diagnosticsAt(onSave, 2);
    assert.deepEqual(only(saved.diagnostics, 'no-overpromise').map((d) => d.range), [rangeOf(client.text(onSave), 'right away')]);
  });

  it('lints the whole workspace with progress, skipping node_modules and .git', async () => {
    const files: Record<string, string> = {
      'macros/refund.md': MACRO,
      'welcome.macro.md': MACRO,
      'node_modules/pkg/x.macro.md': MACRO,
      '.git/y.macro.md': MACRO,
      'notes/readme.md': MACRO,
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const result = await client.request<{ files: number; warnings: number; filesWithProblems: number }>('tactful/lintWorkspace', { folders: [fileUri(dir)] });
    assert.equal(result.files, 2);
    assert.equal(result.filesWithProblems, 2);
    assert.ok(result.warnings >= 2);
    const reported = new Set(client.published.map((p) => p.uri));
    assert.ok(reported.has(fileUri(join(dir, 'macros/refund.md'))));
    assert.ok(reported.has(fileUri(join(dir, 'welcome.macro.md'))));
    for (const skipped of ['node_modules/pkg/x.macro.md', '.git/y.macro.md', 'notes/readme.md']) assert.ok(!reported.has(fileUri(join(dir, skipped))), skipped);
    const kinds = client.progress.map((p) => p.value.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds.at(-1), 'end');
  });
});

describe('language server: pull diagnostics', function () {
  this.timeout(60_000);
  const server = serverForSuite({ pull: true });

  it('declares a diagnostic provider with workspace diagnostics', () => {
    assert.deepEqual(server.client.initializeResult.capabilities.diagnosticProvider, { identifier: 'tactful', interFileDependencies: false, workspaceDiagnostics: true });
  });

  it('answers textDocument/diagnostic with full and unchanged reports, following edits', async () => {
    const doc = fileUri(join(server.dir, 'pull.macro.md'));
    await server.client.open(doc, MACRO);
    const first = await server.client.request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: doc } });
    assert.equal(first.kind, 'full');
    assert.deepEqual(only(first.items, 'no-overpromise').map((d) => d.range), [rangeOf(MACRO, 'right away')]);

    const same = await server.client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: doc }, previousResultId: first.resultId });
    assert.deepEqual(same, { kind: 'unchanged', resultId: first.resultId });

    const at = positionOf(MACRO, 'We will');
    await server.client.change(doc, [{ range: { start: at, end: at }, newText: 'So: ' }]);
    const changed = await server.client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: doc }, previousResultId: first.resultId });
    assert.equal(changed.kind, 'full');
    assert.deepEqual(only(changed.items, 'no-overpromise').map((d) => d.range), [rangeOf(server.client.text(doc), 'right away')]);

    const unknown = await server.client.request('textDocument/diagnostic', { textDocument: { uri: 'file:///nowhere/x.macro.md' } });
    assert.deepEqual(unknown, { kind: 'full', items: [] });
  });

  it('reports configuration errors and workspace lint results through workspace/diagnostic', async () => {
    writeFileSync(join(server.dir, '.tactful.yaml'), 'rules: [unclosed\n');
    await server.client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(server.dir, '.tactful.yaml')), type: 1 }] });
    writeFileSync(join(server.dir, 'closed.macro.md'), MACRO);
    await server.client.request('tactful/lintWorkspace', {});
    const report = await server.client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', { previousResultIds: [] });
    const byUri = new Map(report.items.map((item) => [item.uri, item]));
    const config = byUri.get(fileUri(join(server.dir, '.tactful.yaml'))) as { kind: string; items: Diagnostic[]; resultId: string };
    assert.equal(config.kind, 'full');
    assert.match(messageOf(config.items[0]!), /not valid YAML/);
    const closed = byUri.get(fileUri(join(server.dir, 'closed.macro.md'))) as { items: Diagnostic[] };
    assert.equal(only(closed.items, 'no-overpromise').length, 1);
    assert.ok(!byUri.has(fileUri(join(server.dir, 'pull.macro.md'))), 'open documents are pulled one by one');

    const again = await server.client.request<WorkspaceDiagnosticReport>('workspace/diagnostic', {
      previousResultIds: [{ uri: fileUri(join(server.dir, '.tactful.yaml')), value: config.resultId }],
    });
    assert.equal(again.items.find((item) => item.uri === fileUri(join(server.dir, '.tactful.yaml')))?.kind, 'unchanged');
  });

  it('never publishes diagnostics to a pull client', () => {
    assert.deepEqual(server.client.published, []);
  });
});

describe('language server: transports and lifecycle', function () {
  this.timeout(60_000);

  it('starts from the bin with stdio by default, and exits 0 after shutdown and exit', async () => {
    const client = await LspClient.start({ command: [process.execPath, join(repoRoot, 'server', 'bin', 'tactful-language-server.js')] });
    assert.equal(client.initializeResult.serverInfo?.name, 'tactful-language-server');
    assert.equal(await client.stop(), 0);
  });

  it('exits 1 on exit without shutdown, as LSP asks', async () => {
    const client = await LspClient.start();
    const exited = new Promise<number | null>((resolve) => client.process.once('exit', resolve));
    await client.notify('exit');
    assert.equal(await exited, 1);
    client.connection.dispose();
  });

  it('runs over node IPC', async () => {
    const child = fork(SERVER, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    connection.listen();
    const result = await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {} }) as InitializeResult;
    assert.equal(result.capabilities.hoverProvider, true);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    assert.equal(await exited, 0);
    connection.dispose();
  });
});
