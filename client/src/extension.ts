/**
 * Tactful's VS Code client: starts the language server, shows its state, and
 * turns a few commands into server requests. No linting logic lives here, and
 * settings reach the server through `workspace/configuration` untouched.
 */
import * as vscode from 'vscode';
import {
  LanguageClient, TransportKind, State, ErrorAction, CloseAction, ExecuteCommandRequest,
  type LanguageClientOptions, type ServerOptions, type DocumentFilter, type ErrorHandler,
} from 'vscode-languageclient/node';

const CLIENT_ID = 'tactful';
/** Crashes tolerated within RESTART_WINDOW_MS before Tactful stays stopped. */
const MAX_RESTARTS = 4;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Server methods and commands (see server/src/lsp/protocol.ts and constants.ts). */
const Requests = {
  lintWorkspace: 'tactful/lintWorkspace',
  preview: 'tactful/preview',
  newMacro: 'tactful/newMacro',
  metadata: 'tactful/metadata',
} as const;
const ServerCommands = {
  showDocumentation: 'tactful.server.showDocumentation',
  applyFixAll: 'tactful.server.applyFixAll',
  createConfig: 'tactful.server.createConfig',
} as const;

interface LintWorkspaceResult { files: number; filesWithProblems: number; errors: number; warnings: number; infos: number; hints: number; truncated: boolean }
interface PreviewResult { text: string; title?: string; platform: string; version: number }
interface NewMacroResult { text: string; fileName: string }
interface MetadataResult { rules: { id: string; title: string; href: string; summary: string }[]; channels: string[]; tags: string[]; platforms: { id: string; label: string }[] }

let client: LanguageClient | undefined;
let output: vscode.OutputChannel;
let status: vscode.StatusBarItem;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('Tactful');
  status = vscode.window.createStatusBarItem('tactful.status', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Tactful';
  status.command = 'tactful.showOutput';
  context.subscriptions.push(output, status);

  const command = (id: string, run: (...args: unknown[]) => unknown) => context.subscriptions.push(vscode.commands.registerCommand(id, run));
  command('tactful.showOutput', () => output.show(true));
  command('tactful.restartServer', () => restart(context));
  command('tactful.fixAll', fixAll);
  command('tactful.lintWorkspace', lintWorkspace);
  command('tactful.showRuleDocumentation', showRuleDocumentation);
  command('tactful.createConfig', createConfig);
  command('tactful.newMacro', newMacro);
  command('tactful.preview', () => preview(context));

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateStatus),
    vscode.languages.onDidChangeDiagnostics(updateStatus),
    // The document selector is fixed when a client starts; a new include list needs a new client.
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('tactful.include')) void restart(context);
    }),
  );

  await start(context);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

function createClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath('server/dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const include = vscode.workspace.getConfiguration('tactful').get<string[]>('include') ?? [];
  const documentSelector: DocumentFilter[] = [
    { language: 'macro' },
    ...include.map((pattern) => ({ language: 'markdown', scheme: 'file', pattern })),
  ];
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    outputChannel: output,
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.tactful.{yaml,yml,json}'),
    },
    initializationOptions: { watchesConfigFiles: true },
    diagnosticPullOptions: { onChange: true, onSave: true },
    errorHandler: boundedRestarts(),
  };
  const languageClient = new LanguageClient(CLIENT_ID, 'Tactful', serverOptions, clientOptions);
  languageClient.onDidChangeState(() => updateStatus());
  return languageClient;
}

/** Restarts the server after a crash, at most MAX_RESTARTS times in RESTART_WINDOW_MS. */
function boundedRestarts(): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      const now = Date.now();
      crashes.push(now);
      while (crashes.length > 0 && now - crashes[0]! > RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length <= MAX_RESTARTS) {
        output.appendLine(`Tactful's server stopped unexpectedly; restarting (${crashes.length}/${MAX_RESTARTS}).`);
        return { action: CloseAction.Restart, handled: true };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: `Tactful's server crashed ${crashes.length} times in ${RESTART_WINDOW_MS / 60000} minutes and will not be restarted. See the "Tactful" output for details; "Tactful: Restart server" starts it again.`,
      };
    },
  };
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  client = createClient(context);
  updateStatus();
  try {
    await client.start();
  } catch (error) {
    output.appendLine(`Tactful's server did not start: ${String(error)}`);
  }
  updateStatus();
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  const previous = client;
  client = undefined;
  await previous?.stop().catch(() => undefined);
  await start(context);
}

/** Tactful's state, and the open file's Tactful problems. */
function updateStatus(): void {
  if (!status) return;
  const state = client?.state;
  const uri = vscode.window.activeTextEditor?.document.uri;
  const diagnostics = uri ? vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tactful') : [];
  const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  const others = diagnostics.length - errors - warnings;
  if (state === State.Running) {
    status.text = diagnostics.length === 0 ? '$(check) Tactful' : `$(error) ${errors} $(warning) ${warnings}${others ? ` $(info) ${others}` : ''} Tactful`;
    status.tooltip = diagnostics.length === 0 ? 'Tactful is running. No problems in this file.' : `Tactful: ${errors} errors, ${warnings} warnings, ${others} suggestions in this file.`;
    status.backgroundColor = undefined;
  } else if (state === State.Starting) {
    status.text = '$(sync~spin) Tactful';
    status.tooltip = "Tactful's server is starting.";
    status.backgroundColor = undefined;
  } else {
    status.text = '$(circle-slash) Tactful';
    status.tooltip = "Tactful's server is not running. Click for the log.";
    status.backgroundColor = new vscode.ThemeColor('statusBarItem.warningBackground');
  }
  status.show();
}

function running(): LanguageClient | undefined {
  if (client?.state === State.Running) return client;
  void vscode.window.showWarningMessage("Tactful's server is not running.");
  return undefined;
}

async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const languageClient = running();
  if (!editor || !languageClient) return;
  const document = editor.document;
  await languageClient.sendRequest(ExecuteCommandRequest.type, {
    command: ServerCommands.applyFixAll,
    arguments: [document.uri.toString(), document.version],
  });
}

async function lintWorkspace(): Promise<void> {
  const languageClient = running();
  if (!languageClient) return;
  const result = await languageClient.sendRequest<LintWorkspaceResult>(Requests.lintWorkspace, {});
  const problems = result.errors + result.warnings + result.infos + result.hints;
  const action = await vscode.window.showInformationMessage(
    `Tactful linted ${result.files} macros${result.truncated ? ' (stopped at the file limit)' : ''}: ${problems} problems in ${result.filesWithProblems} files.`,
    'Show Problems',
  );
  if (action) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

async function showRuleDocumentation(ruleId?: unknown): Promise<void> {
  const languageClient = running();
  if (!languageClient) return;
  let id = typeof ruleId === 'string' ? ruleId : undefined;
  if (!id) {
    const { rules } = await languageClient.sendRequest<MetadataResult>(Requests.metadata);
    const picked = await vscode.window.showQuickPick(
      rules.map((rule) => ({ label: rule.id, description: rule.title, detail: rule.summary })),
      { placeHolder: 'Which rule?', matchOnDescription: true },
    );
    id = picked?.label;
  }
  if (id) await languageClient.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.showDocumentation, arguments: [id] });
}

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which folder?' });
}

async function createConfig(): Promise<void> {
  const languageClient = running();
  const folder = await pickFolder();
  if (!languageClient) return;
  if (!folder) {
    void vscode.window.showWarningMessage('Open a folder first: .tactful.yaml lives at its root.');
    return;
  }
  await languageClient.sendRequest(ExecuteCommandRequest.type, { command: ServerCommands.createConfig, arguments: [folder.uri.toString()] });
}

async function newMacro(): Promise<void> {
  const languageClient = running();
  if (!languageClient) return;
  const metadata = await languageClient.sendRequest<MetadataResult>(Requests.metadata);
  const title = await vscode.window.showInputBox({ prompt: 'Title of the macro (what agents pick it by)', placeHolder: 'Refund approved — damaged item', ignoreFocusOut: true });
  if (!title) return;
  const channel = await vscode.window.showQuickPick(metadata.channels, { placeHolder: 'Channel', ignoreFocusOut: true });
  if (!channel) return;
  const tags = await vscode.window.showQuickPick(metadata.tags, { placeHolder: 'Tags (optional)', canPickMany: true, ignoreFocusOut: true });
  if (!tags) return;

  const activeUri = vscode.window.activeTextEditor?.document.uri;
  const folder = (activeUri && vscode.workspace.getWorkspaceFolder(activeUri)) ?? (await pickFolder());
  const base = activeUri?.scheme === 'file' && folder ? vscode.Uri.joinPath(activeUri, '..') : folder?.uri;
  const made = await languageClient.sendRequest<NewMacroResult>(Requests.newMacro, { title, channel, tags, ...(base ? { uri: base.toString() } : {}) });

  const target = await vscode.window.showSaveDialog({
    ...(base ? { defaultUri: vscode.Uri.joinPath(base, made.fileName) } : {}),
    filters: { Macros: ['md'] },
    saveLabel: 'Create macro',
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(made.text));
  await vscode.window.showTextDocument(target);
}

/** A webview showing the macro as the customer receives it, following edits. */
function preview(context: vscode.ExtensionContext): void {
  const editor = vscode.window.activeTextEditor;
  const languageClient = running();
  if (!editor || !languageClient) return;
  const uri = editor.document.uri;
  const panel = vscode.window.createWebviewPanel('tactful.preview', 'Customer preview', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: false });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const render = async () => {
    const result = await client?.sendRequest<PreviewResult | null>(Requests.preview, { textDocument: { uri: uri.toString() } }).catch(() => null);
    if (!result) {
      panel.webview.html = page('<p>This file is not a macro Tactful lints.</p>');
      return;
    }
    panel.title = `Preview: ${result.title ?? 'macro'}`;
    let body: string;
    try {
      body = await vscode.commands.executeCommand<string>('markdown.api.render', result.text);
    } catch {
      body = `<pre>${escapeHtml(result.text)}</pre>`;
    }
    panel.webview.html = page(`<p class="meta">As the customer sees it, with ${escapeHtml(result.platform)} sample values.</p>${body}`);
  };
  const listener = vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document.uri.toString() !== uri.toString()) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void render(), 200);
  });
  panel.onDidDispose(() => {
    listener.dispose();
    if (timer) clearTimeout(timer);
  }, undefined, context.subscriptions);
  void render();
}

function page(body: string): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src https: data:; style-src 'unsafe-inline';"><style>body{font-family:var(--vscode-font-family);line-height:1.5;max-width:42em;padding:0 1em}.meta{opacity:.7;font-size:.9em}</style></head><body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
