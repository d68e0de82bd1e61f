/**
 * An LSP client for tests: spawns the real server process and speaks JSON-RPC
 * to it over stdio, as an editor does. Every wait is on a message, bounded by
 * a timeout that only turns a hang into a failure.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type Diagnostic, type InitializeResult, type ProtocolConnection,
  type PublishDiagnosticsParams, type TextEdit, type WorkspaceEdit, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint, rules, defaultConfig } from 'tactful-server';
import { repoRoot } from '../helpers.js';

export const SERVER = join(repoRoot, 'server', 'out', 'server.js');
const WAIT_MS = 30_000;

export interface StartOptions {
  /** Pull diagnostics (LSP 3.17) instead of published ones. */
  pull?: boolean;
  /** `tactful` settings answered to `workspace/configuration`, per scope URI or for all. */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => Record<string, unknown> | null);
  folders?: string[];
  capabilities?: ClientCapabilities;
  initializationOptions?: unknown;
  args?: string[];
  command?: string[];
}

interface Waiter<T> {
  accept(value: T): boolean;
}

export function fileUri(path: string): string {
  return pathToFileURL(path).href;
}

export function tempDir(prefix = 'tactful-lsp-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A language server over a temporary folder of its own, shared by the tests of one `describe`. */
export interface SuiteServer {
  readonly client: LspClient;
  readonly dir: string;
}

/**
 * Starts a language server on a fresh temporary folder before the tests of
 * the enclosing `describe`, and stops it and removes the folder after them
 * (also when starting failed, so the hook reports the start's error, not its own).
 */
export function serverForSuite(options: StartOptions = {}): SuiteServer {
  const suite = {} as { client?: LspClient; dir?: string };
  before(async () => {
    suite.dir = tempDir();
    suite.client = await LspClient.start({ folders: [suite.dir], ...options });
  });
  after(async () => {
    await suite.client?.stop();
    if (suite.dir) removeDir(suite.dir);
  });
  return suite as SuiteServer;
}

export class LspClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly appliedEdits: WorkspaceEdit[] = [];
  readonly shownDocuments: { uri: string; external?: boolean }[] = [];
  readonly progress: { token: string | number; value: { kind: string; message?: string; percentage?: number } }[] = [];
  readonly registrations: { method: string; registerOptions?: unknown }[] = [];
  readonly messages: string[] = [];
  readonly stderr: string[] = [];
  configurationRequests = 0;
  initializeResult!: InitializeResult;
  private readonly waiters: Waiter<PublishDiagnosticsParams>[] = [];
  private readonly texts = new Map<string, TextDocument>();
  settings: StartOptions['settings'];

  private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection, options: StartOptions) {
    this.settings = options.settings;
  }

  static async start(options: StartOptions = {}): Promise<LspClient> {
    const command = options.command ?? [process.execPath, SERVER, '--stdio', ...(options.args ?? [])];
    const child = spawn(command[0]!, command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], cwd: repoRoot });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspClient(child, connection, options);
    child.stderr!.on('data', (chunk: Buffer) => client.stderr.push(chunk.toString()));

    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.published.push(params);
      for (const waiter of [...client.waiters]) {
        if (waiter.accept(params)) client.waiters.splice(client.waiters.indexOf(waiter), 1);
      }
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => void client.messages.push(params.message));
    connection.onNotification('window/showMessage', (params: { message: string }) => void client.messages.push(params.message));
    connection.onNotification('$/progress', (params: LspClient['progress'][number]) => void client.progress.push(params));
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      client.configurationRequests++;
      return params.items.map((item) => {
        const settings = client.settings;
        if (typeof settings === 'function') return settings(item.scopeUri);
        return settings ?? null;
      });
    });
    connection.onRequest('client/registerCapability', (params: { registrations: { method: string; registerOptions?: unknown }[] }) => {
      client.registrations.push(...params.registrations);
      for (const registration of params.registrations) client.registrationWaiters.get(registration.method)?.();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/applyEdit', (params: { edit: WorkspaceEdit }) => {
      client.appliedEdits.push(params.edit);
      return { applied: true };
    });
    connection.onRequest('window/showDocument', (params: { uri: string; external?: boolean }) => {
      client.shownDocuments.push(params);
      return { success: true };
    });
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.listen();

    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: {
        configuration: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true },
        workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        workspaceFolders: true,
        ...(options.pull ? { diagnostics: { refreshSupport: true } } : {}),
      },
      textDocument: {
        synchronization: { didSave: true, dynamicRegistration: false },
        completion: { completionItem: { snippetSupport: true } },
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
        ...(options.pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
      window: { workDoneProgress: true, showDocument: { support: true } },
    };
    const folders = options.folders ?? [];
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folders[0] ? fileUri(folders[0]) : null,
      workspaceFolders: folders.map((folder, index) => ({ uri: fileUri(folder), name: `folder${index}` })),
      capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  readonly registrationWaiters = new Map<string, () => void>();

  /** Resolves once the server has registered `method` dynamically. */
  registered(method: string): Promise<void> {
    if (this.registrations.some((r) => r.method === method)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${method} was never registered`)), WAIT_MS);
      this.registrationWaiters.set(method, () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  request<R>(method: string, params?: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params?: unknown): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  /**
   * The first publication for `uri` that satisfies `accept`: an earlier one
   * when `includeEarlier`, else the next one to arrive.
   */
  diagnostics(uri: string, accept: (params: PublishDiagnosticsParams) => boolean = () => true, includeEarlier = true): Promise<PublishDiagnosticsParams> {
    if (includeEarlier) {
      const earlier = this.published.find((p) => p.uri === uri && accept(p));
      if (earlier) return Promise.resolve(earlier);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching diagnostics for ${uri} within ${WAIT_MS} ms; got ${JSON.stringify(this.published.filter((p) => p.uri === uri).map((p) => ({ version: p.version, codes: p.diagnostics.map((d) => d.code) })))}\n${this.stderr.join('')}`));
      }, WAIT_MS);
      const waiter: Waiter<PublishDiagnosticsParams> = {
        accept: (params) => {
          if (params.uri !== uri || !accept(params)) return false;
          clearTimeout(timer);
          resolve(params);
          return true;
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Diagnostics published for `uri` at exactly `version`. */
  diagnosticsAt(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  async open(uri: string, text: string, languageId = 'macro'): Promise<void> {
    this.texts.set(uri, TextDocument.create(uri, languageId, 1, text));
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Applies incremental edits locally and sends them; returns the new version. */
  async change(uri: string, edits: TextEdit[]): Promise<number> {
    const document = this.texts.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    const version = document.version + 1;
    const contentChanges: TextDocumentContentChangeEvent[] = edits.map((edit) => ({ range: edit.range, text: edit.newText }));
    const updated = TextDocument.update(TextDocument.create(uri, document.languageId, document.version, document.getText()), contentChanges, version);
    this.texts.set(uri, updated);
    await this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges });
    return version;
  }

  /** Applies a workspace edit's changes to open documents, as an editor would (edits sent as incremental changes). */
  async applyWorkspaceEdit(edit: WorkspaceEdit): Promise<Map<string, number>> {
    const versions = new Map<string, number>();
    const perUri = new Map<string, TextEdit[]>();
    for (const change of edit.documentChanges ?? []) {
      if ('textDocument' in change) perUri.set(change.textDocument.uri, [...(perUri.get(change.textDocument.uri) ?? []), ...(change.edits as TextEdit[])]);
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.set(uri, [...(perUri.get(uri) ?? []), ...edits]);
    for (const [uri, edits] of perUri) {
      // Send the edits last-first so earlier ranges stay valid, as one change each.
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      versions.set(uri, await this.change(uri, sorted));
    }
    return versions;
  }

  text(uri: string): string {
    return this.texts.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.texts.get(uri)!.version;
  }

  async close(uri: string): Promise<void> {
    this.texts.delete(uri);
    await this.notify('textDocument/didClose', { textDocument: { uri } });
  }

  /** shutdown + exit; resolves with the process's exit code. */
  async stop(): Promise<number | null> {
    if (this.process.exitCode !== null) return this.process.exitCode;
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    try {
      await this.request('shutdown');
      await this.notify('exit');
    } catch {
      this.process.kill();
    }
    // The timer is cleared once the server exits: a pending one would keep mocha alive for WAIT_MS after the last test.
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), WAIT_MS); })]);
    clearTimeout(timer);
    if (code === null && this.process.exitCode === null) this.process.kill();
    this.connection.dispose();
    return code;
  }
}

/** Offset-based helpers over a test text. */
export function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const offset = text.indexOf(needle, from);
  if (offset === -1) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function rangeOf(text: string, needle: string, from = 0) {
  const start = positionOf(text, needle, from);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

export function codesOf(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** A diagnostic's message as text (LSP 3.18 also allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
  return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** How many documents the batch lint worker says it linted when it stopped (it stops a second after its burst). */
export async function workerLinted(client: LspClient): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const said = client.messages.map((m) => /the lint worker linted (\d+) documents and stopped/.exec(m)).find(Boolean);
    if (said) return Number(said[1]);
    if (Date.now() > deadline) return -1;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What a diagnostic shows the user: its rule, message and range. */
export function shown(diagnostics: Diagnostic[]) {
  return diagnostics.map((d) => ({ code: d.code, message: d.message, range: d.range }));
}

/** What a full lint of `text` in the test's own thread shows, as `shown` gives it: what the server must publish. */
export function fullLintShows(text: string) {
  const document = TextDocument.create('file:///x', 'macro', 1, text);
  return lint(text, { rules, config: defaultConfig() }).findings.map((f) => ({
    code: f.ruleId,
    message: f.message,
    range: { start: document.positionAt(f.range.start), end: document.positionAt(f.range.end) },
  }));
}
