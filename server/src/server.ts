/**
 * Tactful's language server: LSP wiring only. Linting, fixing and
 * configuration are the engine's; the adapters live in ./lsp/.
 *
 * Run with `--stdio`, `--node-ipc`, `--socket=<port>` or `--pipe=<name>`.
 */
import { readFile, writeFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  DidChangeConfigurationNotification, DidChangeWatchedFilesNotification,
  CodeActionKind, DocumentDiagnosticReportKind, ResponseError, ErrorCodes, LSPErrorCodes, FileChangeType,
  CodeLensRefreshRequest,
  type CancellationToken, type ClientCapabilities, type Diagnostic, type InitializeResult, type Position,
  type WorkDoneProgressReporter, type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  lint, platformFor, mergeConfig, rules, ruleIds, platforms, ConfigLoader, CONFIG_FILE_NAMES, CHANNELS, TAGS,
  type ConfigError, type LintResult, type LoadedConfig, type ResolvedConfig,
} from './index.js';
import { FIX_ALL_KIND, MAX_MACRO_BYTES, ServerCommands, ruleDocUrl } from './lsp/constants.js';
import { DEFAULT_SETTINGS, normalizeSettings, settingsLayer, type TactfulSettings } from './lsp/settings.js';
import { configErrorDiagnostic, toDiagnostic } from './lsp/diagnostics.js';
import { AnalysisCache, type DocumentFindings, type FullAnalysis } from './lsp/analysis-cache.js';
import { LintScheduler, nextTurn } from './lsp/lint-scheduler.js';
import { IncrementalLinters } from './lsp/incremental-linters.js';
import { BatchLinter, DEFAULT_BATCH_OPTIONS } from './lsp/batch-linter.js';
import type { Finding } from './engine/types.js';
import { codeActions, fixAllEdit } from './lsp/code-actions.js';
import { createFileEdit, workspaceEdit, type EditSupport } from './lsp/edits.js';
import { hoverAt } from './lsp/hover.js';
import { COMPLETION_TRIGGERS, completionsAt } from './lsp/completion.js';
import { bodyMetrics, metricsTitle } from './lsp/metrics.js';
import { previewText } from './lsp/preview.js';
import { findMacroFiles, isMacroDocument } from './lsp/workspace.js';
import { addWordToConfigText, newConfigWithWord } from './lsp/word-list.js';
import { macroFileName, newMacroText, starterConfigText } from './lsp/templates.js';
import {
  LintWorkspaceMethod, MetadataMethod, NewMacroMethod, PreviewMethod,
  type LintWorkspaceParams, type LintWorkspaceResult, type MetadataResult, type NewMacroParams, type NewMacroResult,
  type PreviewParams, type PreviewResult,
} from './lsp/protocol.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// A bug in one request must not take the editor's linter down with it.
process.on('unhandledRejection', (reason) => connection.console.error(`Tactful: ${String((reason as Error)?.stack ?? reason)}`));
process.on('uncaughtException', (error) => connection.console.error(`Tactful: ${String(error?.stack ?? error)}`));

// ---------------------------------------------------------------- client

interface ClientInfo {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  codeLensRefresh: boolean;
  configurationPull: boolean;
  dynamicConfiguration: boolean;
  dynamicWatchers: boolean;
  workspaceFolders: boolean;
  workDoneProgress: boolean;
  showDocument: boolean;
  snippets: boolean;
  edits: EditSupport;
}

let client: ClientInfo;
let folders: { uri: string; path?: string }[] = [];
let clientWatchesConfig = false;

function readClient(capabilities: ClientCapabilities): ClientInfo {
  return {
    pullDiagnostics: Boolean(capabilities.textDocument?.diagnostic),
    diagnosticRefresh: Boolean(capabilities.workspace?.diagnostics?.refreshSupport),
    codeLensRefresh: Boolean(capabilities.workspace?.codeLens?.refreshSupport),
    configurationPull: Boolean(capabilities.workspace?.configuration),
    dynamicConfiguration: Boolean(capabilities.workspace?.didChangeConfiguration?.dynamicRegistration),
    dynamicWatchers: Boolean(capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration),
    workspaceFolders: Boolean(capabilities.workspace?.workspaceFolders),
    workDoneProgress: Boolean(capabilities.window?.workDoneProgress),
    showDocument: Boolean(capabilities.window?.showDocument?.support),
    snippets: Boolean(capabilities.textDocument?.completion?.completionItem?.snippetSupport),
    edits: {
      documentChanges: Boolean(capabilities.workspace?.workspaceEdit?.documentChanges),
      createFiles: Boolean(capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('create')),
    },
  };
}

function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** The innermost workspace folder holding `path`. */
function folderOf(path: string): { uri: string; path?: string } | undefined {
  return folders
    .filter((folder) => {
      if (!folder.path) return false;
      const inside = relative(folder.path, path);
      return !inside.startsWith('..') && !isAbsolute(inside);
    })
    .sort((a, b) => b.path!.length - a.path!.length)[0];
}

// ---------------------------------------------------------------- settings and configuration

const settingsCache = new Map<string, Promise<TactfulSettings>>();
let pushedSettings: TactfulSettings = DEFAULT_SETTINGS;
const reportedSettingsErrors = new Set<string>();

function settingsFor(uri: string): Promise<TactfulSettings> {
  if (!client.configurationPull) return Promise.resolve(pushedSettings);
  let settings = settingsCache.get(uri);
  if (!settings) {
    settings = connection.workspace.getConfiguration({ scopeUri: uri, section: 'tactful' }).then(normalizeSettings, () => DEFAULT_SETTINGS);
    settingsCache.set(uri, settings);
  }
  return settings;
}

const loader = new ConfigLoader({ knownRules: ruleIds });
/** Bumped whenever settings or configuration files change: cached results are then stale. */
let generation = 0;

interface Context {
  settings: TactfulSettings;
  config: ResolvedConfig;
  configFile?: string;
  /** Whether Tactful lints this document at all. */
  selected: boolean;
}

/**
 * Contexts of open documents for the current generation: settings, configuration and selection change only
 * with it, so a keystroke does not resolve them again (and the configuration keeps its identity).
 */
const contexts = new Map<string, { generation: number; languageId: string; context: Promise<Context> }>();

function contextFor(uri: string, languageId: string): Promise<Context> {
  const kept = contexts.get(uri);
  if (kept && kept.generation === generation && kept.languageId === languageId) return kept.context;
  const context = resolveContext(uri, languageId);
  if (documents.get(uri)) {
    const entry = { generation, languageId, context };
    contexts.set(uri, entry);
    // A failure is not kept: the next lint tries again.
    context.catch(() => {
      if (contexts.get(uri) === entry) contexts.delete(uri);
    });
  }
  return context;
}

async function resolveContext(uri: string, languageId: string): Promise<Context> {
  const settings = await settingsFor(uri);
  const path = pathOf(uri);
  const folder = path ? folderOf(path) : folders[0];
  const loaded = path ? loader.forFile(path) : loader.forConfigFile(folder?.path ? loader.nearest(folder.path) : undefined);
  noteConfigErrors(loaded);
  const { layer, errors } = settingsLayer(settings, ruleIds);
  for (const error of errors) {
    const text = `${error.key}: ${error.message}`;
    if (reportedSettingsErrors.has(text)) continue;
    reportedSettingsErrors.add(text);
    void connection.window.showWarningMessage(`Tactful settings: ${text}`);
  }
  const config = Object.keys(layer).length > 0 ? mergeConfig(loaded.config, layer) : loaded.config;
  const base = folder?.path ?? (loaded.file ? dirname(loaded.file) : undefined);
  const selected = settings.enable && isMacroDocument({
    languageId, path, uri, base,
    include: [...settings.include, ...config.include],
    ignore: config.ignore,
  });
  return { settings, config, ...(loaded.file ? { configFile: loaded.file } : {}), selected };
}

// ---------------------------------------------------------------- configuration-file diagnostics

/** Problems per configuration file; an empty list clears what was shown. */
const configProblems = new Map<string, ConfigError[]>();
const dirtyConfigFiles = new Set<string>();

function noteConfigErrors(loaded: LoadedConfig): void {
  const files = new Set([...loaded.config.files, ...loaded.errors.map((e) => e.file)]);
  for (const file of files) {
    const errors = loaded.errors.filter((e) => e.file === file);
    if (JSON.stringify(configProblems.get(file)) === JSON.stringify(errors)) continue;
    configProblems.set(file, errors);
    dirtyConfigFiles.add(file);
  }
}

function flushConfigDiagnostics(): void {
  for (const file of dirtyConfigFiles) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // A missing file still gets its diagnostics at the top.
    }
    const document = TextDocument.create(uriOf(file), 'yaml', 0, text);
    const diagnostics = (configProblems.get(file) ?? []).map((error) => configErrorDiagnostic(document, error));
    showWorkspaceDiagnostics(document.uri, diagnostics);
    if (diagnostics.length === 0) configProblems.delete(file);
  }
  dirtyConfigFiles.clear();
}

// ---------------------------------------------------------------- workspace (closed-file) diagnostics

/** For pull clients: what `workspace/diagnostic` reports (config files, lintWorkspace results). */
const workspaceReports = new Map<string, { resultId: string; diagnostics: Diagnostic[] }>();
/** Files `tactful/lintWorkspace` reported on, so closing one re-lints it from disk. */
const workspaceFiles = new Set<string>();
let reportCounter = 0;

/** Diagnostics of a file that is not an open document: published, or kept for the workspace pull. */
function showWorkspaceDiagnostics(uri: string, diagnostics: Diagnostic[]): void {
  if (client.pullDiagnostics) workspaceReports.set(uri, { resultId: `w${++reportCounter}`, diagnostics });
  else void connection.sendDiagnostics({ uri, diagnostics });
}

// ---------------------------------------------------------------- analysis

type Analysis = FullAnalysis<Context>;

/** Findings of every open document, full analyses of the few most recently used. */
const analyses = new AnalysisCache<Context>();
/** The lint of an open document's version that is under way, so that no version is linted twice. */
const inflight = new Map<string, { version: number; generation: number; batched: boolean; analysis: Promise<Analysis> }>();

function snapshotOf(document: TextDocument): TextDocument {
  return TextDocument.create(document.uri, document.languageId, document.version, document.getText());
}

/** Incremental linters of the documents being typed in: a keystroke re-reads only what it changed. */
const incrementalLinters = new IncrementalLinters();

function lintSafely(text: string, config: ResolvedConfig, uri: string, incremental: boolean): LintResult | undefined {
  try {
    // The same result as a full lint (the engine's property test), for the cost of the pieces an edit touched.
    return incremental ? incrementalLinters.for(uri).lint(text, { rules, config }) : lint(text, { rules, config });
  } catch (error) {
    connection.console.error(`Tactful could not lint ${uri}: ${(error as Error)?.stack ?? String(error)}`);
    return undefined;
  }
}

/**
 * Documents changed since they were opened: the ones being worked on. Their full analyses are kept
 * (hover, completion and the lens follow the typing); documents only opened keep their findings.
 */
const editedDocuments = new Set<string>();

function keepsFullAnalysis(uri: string): boolean {
  return editedDocuments.has(uri) || analyses.hasFull(uri);
}

/** The worker's module beside this one (server/out/lsp/), or this very file in the extension bundle (bundle-entry.ts). */
function batchWorkerUrl(): URL {
  const beside = new URL('./lsp/batch-worker.js', import.meta.url);
  return existsSync(fileURLToPath(beside)) ? beside : new URL(import.meta.url);
}

/** Bursts of lints of documents nobody works in (a folder opened, a setting changed) go to a worker thread. */
const batchLinter = new BatchLinter(batchWorkerUrl(), DEFAULT_BATCH_OPTIONS, (event, linted) => {
  connection.console.log(event === 'started'
    ? 'Tactful: many documents to lint at once; linting them in a worker thread.'
    : `Tactful: the lint worker linted ${linted} documents and stopped.`);
});

/**
 * Lints a fixed text (an open document's version, a saved version, a file on disk); keeps nothing.
 * `incremental` is for versions of an open document being edited, whose next version will differ a little.
 * `batched` lints in the batch worker and gives the findings without the rest of the analysis.
 */
async function analyzeSnapshot(snapshot: TextDocument, incremental = false, batched = false): Promise<Analysis> {
  const startedAt = generation;
  const context = await contextFor(snapshot.uri, snapshot.languageId);
  const text = snapshot.getText();
  let findings: Finding[] | undefined;
  let result: LintResult | undefined;
  if (context.selected && batched) {
    // A worker that fails (or is stopped) leaves its lints to this thread.
    findings = await batchLinter.lint(text, context.config).catch(() => undefined);
  }
  if (context.selected && !findings) {
    result = lintSafely(text, context.config, snapshot.uri, incremental);
    findings = result?.findings;
  }
  const analysis: Analysis = {
    snapshot,
    version: snapshot.version,
    context,
    ...(result ? { result } : {}),
    ...(findings ? { findings } : {}),
    diagnostics: findings ? findings.map((finding) => toDiagnostic(snapshot, finding)) : [],
    generation: startedAt,
  };
  return analysis;
}

/** Keeps the analysis of an open document's version, unless it is stale by now. */
function keep(analysis: Analysis, full: boolean): void {
  const uri = analysis.snapshot.uri;
  // Only for a document still open: one closed while it was linted would otherwise be kept for good.
  if (!documents.get(uri) || analysis.generation !== generation) return;
  const kept = analyses.keptVersion(uri);
  if (kept === undefined || kept <= analysis.version) analyses.store(uri, analysis, full);
}

/** The full analysis of an open document's current version (for a request): kept, under way, or linted now. */
function analyze(document: TextDocument): Promise<Analysis> {
  const kept = analyses.full(document.uri, document.version, generation);
  if (kept) return Promise.resolve(kept);
  const running = inflight.get(document.uri);
  // A lint under way for the diagnostics: its result is kept whole once a request has needed it
  // (not one in the batch worker, which gives findings only).
  if (running && !running.batched && running.version === document.version && running.generation === generation) {
    return running.analysis.then((analysis) => {
      keep(analysis, true);
      return analysis;
    });
  }
  return lintOpen(document, true);
}

function lintOpen(document: TextDocument, full: boolean): Promise<Analysis> {
  const batched = !full && !keepsFullAnalysis(document.uri) && batchLinter.wants();
  const entry = {
    version: document.version,
    generation,
    batched,
    analysis: analyzeSnapshot(snapshotOf(document), editedDocuments.has(document.uri), batched).then((analysis) => {
      // Without the lint's result there is no full analysis to keep, whoever asks for one by now.
      keep(analysis, analysis.result !== undefined && (full || keepsFullAnalysis(document.uri)));
      return analysis;
    }),
  };
  inflight.set(document.uri, entry);
  const done = () => {
    if (inflight.get(document.uri) === entry) inflight.delete(document.uri);
  };
  entry.analysis.then(done, done);
  return entry.analysis;
}

/** The findings and diagnostics of an open document's current version; lints only when they are not kept. */
function findingsOf(document: TextDocument): Promise<DocumentFindings<Context>> {
  const kept = analyses.findings(document.uri, document.version, generation);
  if (kept) return Promise.resolve(kept);
  const running = inflight.get(document.uri);
  if (running && running.version === document.version && running.generation === generation) return running.analysis;
  return lintOpen(document, false);
}

function lintTextWith(config: ResolvedConfig) {
  return (text: string) => lint(text, { rules, config }).findings;
}

// ---------------------------------------------------------------- diagnostics: push

const scheduler = new LintScheduler(publishFor, (error) => connection.console.error(`Tactful: ${String((error as Error)?.stack ?? error)}`));
const justOpened = new Set<string>();
/** The text as last opened or saved, for `run: onSave` with pull diagnostics. */
const savedSnapshots = new Map<string, TextDocument>();

/** Lints the newest version of an open document and publishes, unless an edit overtook it meanwhile. */
async function publishFor(uri: string): Promise<void> {
  const document = documents.get(uri);
  if (!document || client.pullDiagnostics) return;
  const linting = findingsOf(document);
  // A lint in the batch worker runs beside this thread: the scheduler goes on to the next document meanwhile.
  if (!inflight.get(uri)?.batched) return publishWhenLinted(uri, linting);
  publishWhenLinted(uri, linting).catch((error: unknown) => connection.console.error(`Tactful: ${String((error as Error)?.stack ?? error)}`));
}

async function publishWhenLinted(uri: string, linting: Promise<DocumentFindings<Context>>): Promise<void> {
  // Only what is published stays referenced while the connection catches up: a full analysis held
  // across that wait would outlive the young generation and pile up in the old one.
  const { version, diagnostics } = await linting;
  // Edits received during the lint are handled first: a result they made stale is dropped (the scheduler lints again).
  await scheduler.settle();
  if (!documents.get(uri) || scheduler.isDue(uri)) return;
  await connection.sendDiagnostics({ uri, version, diagnostics });
  flushConfigDiagnostics();
}

/** Settings or configuration changed: everything open is linted again. */
async function relintAll(): Promise<void> {
  generation++;
  analyses.clear();
  contexts.clear();
  for (const document of documents.all()) if (!editedDocuments.has(document.uri)) batchLinter.note();
  if (client.pullDiagnostics) {
    for (const document of documents.all()) {
      await findingsOf(document);
      await nextTurn();
    }
    flushConfigDiagnostics();
    if (client.diagnosticRefresh) await connection.languages.diagnostics.refresh().catch(() => undefined);
  } else {
    for (const document of documents.all()) scheduler.request(document.uri);
    await scheduler.whenIdle();
    flushConfigDiagnostics();
  }
  if (client.codeLensRefresh) await connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
}

documents.onDidOpen((event) => {
  justOpened.add(event.document.uri);
  batchLinter.note();
  if (client.pullDiagnostics) savedSnapshots.set(event.document.uri, snapshotOf(event.document));
  else scheduler.request(event.document.uri);
});

documents.onDidChangeContent((event) => {
  const uri = event.document.uri;
  if (justOpened.delete(uri)) return;
  editedDocuments.add(uri);
  if (client.pullDiagnostics) return;
  scheduler.noteMessage();
  void settingsFor(uri).then((settings) => {
    if (settings.run === 'onType' && documents.get(uri)) scheduler.request(uri);
  });
});

documents.onDidSave((event) => {
  const uri = event.document.uri;
  if (client.pullDiagnostics) {
    savedSnapshots.set(uri, snapshotOf(event.document));
    void settingsFor(uri).then((settings) => {
      if (settings.run === 'onSave' && client.diagnosticRefresh) return connection.languages.diagnostics.refresh();
      return undefined;
    }).catch(() => undefined);
    return;
  }
  scheduler.request(uri);
});

documents.onDidClose((event) => {
  const uri = event.document.uri;
  scheduler.noteMessage();
  scheduler.cancel(uri);
  analyses.delete(uri);
  inflight.delete(uri);
  editedDocuments.delete(uri);
  incrementalLinters.delete(uri);
  contexts.delete(uri);
  justOpened.delete(uri);
  savedSnapshots.delete(uri);
  settingsCache.delete(uri);
  if (!client.pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  if (workspaceFiles.has(uri)) void lintFromDisk(uri);
});

// ---------------------------------------------------------------- diagnostics: pull

function cancelled(token: CancellationToken): void {
  if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
}

connection.languages.diagnostics.on(async (params, token) => {
  scheduler.noteMessage();
  const document = documents.get(params.textDocument.uri);
  if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const settings = await settingsFor(document.uri);
  const saved = savedSnapshots.get(document.uri);
  const analysis = settings.run === 'onSave' && saved ? await analyzeSnapshot(saved) : await findingsOf(document);
  cancelled(token);
  flushConfigDiagnostics();
  const resultId = `${analysis.generation}:${settings.run}:${analysis.version}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: analysis.diagnostics };
});

connection.languages.diagnostics.onWorkspace((params) => {
  const previous = new Map(params.previousResultIds.map((entry) => [entry.uri, entry.value]));
  const items: WorkspaceDocumentDiagnosticReport[] = [];
  for (const [uri, report] of workspaceReports) {
    if (documents.get(uri)) continue;
    items.push(previous.get(uri) === report.resultId
      ? { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId: report.resultId }
      : { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId: report.resultId, items: report.diagnostics });
  }
  return { items };
});

// ---------------------------------------------------------------- workspace lint

/** `batched`: lint in the batch worker (a workspace lint of many files). */
async function lintFromDisk(uri: string, batched = false): Promise<Analysis | undefined> {
  const path = pathOf(uri);
  if (!path) return undefined;
  try {
    if ((await stat(path)).size > MAX_MACRO_BYTES) return undefined;
    const text = await readFile(path, 'utf8');
    const snapshot = TextDocument.create(uri, path.toLowerCase().endsWith('.macro.md') ? 'macro' : 'markdown', 0, text);
    const analysis = await analyzeSnapshot(snapshot, false, batched);
    if (!documents.get(uri)) showWorkspaceDiagnostics(uri, analysis.diagnostics);
    return analysis;
  } catch {
    // Deleted or unreadable: nothing to report on it any more.
    if (!documents.get(uri)) showWorkspaceDiagnostics(uri, []);
    return undefined;
  }
}

type Progress = WorkDoneProgressReporter & { token?: CancellationToken };

async function progressFor(params: LintWorkspaceParams, attached: WorkDoneProgressReporter | undefined): Promise<Progress | undefined> {
  if (params.workDoneToken !== undefined) return attached;
  if (!client.workDoneProgress) return undefined;
  return connection.window.createWorkDoneProgress().catch(() => undefined);
}

connection.onRequest(LintWorkspaceMethod, async (params: LintWorkspaceParams | undefined, token, workDone): Promise<LintWorkspaceResult> => {
  params ??= {};
  const progress = await progressFor(params, workDone);
  const abort = new AbortController();
  token.onCancellationRequested(() => abort.abort());
  progress?.begin('Tactful: linting macros', 0, 'Finding macros…', true);
  const stop = () => {
    if (progress?.token?.isCancellationRequested) abort.abort();
    cancelled(token);
    if (abort.signal.aborted) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Linting the workspace was cancelled.');
  };
  try {
    await nextTurn();
    stop();
    const targets = (params.folders?.length ? params.folders.map((uri) => ({ uri, path: pathOf(uri) })) : folders).filter((f) => f.path);
    const files = new Set<string>();
    let truncated = false;
    for (const folder of targets) {
      const settings = await settingsFor(folder.uri);
      if (!settings.enable) continue;
      const loaded = loader.forConfigFile(loader.nearest(folder.path!));
      noteConfigErrors(loaded);
      const found = await findMacroFiles(folder.path!, [...settings.include, ...loaded.config.include], loaded.config.ignore, abort.signal).catch((error: unknown) => {
        if (abort.signal.aborted) return { files: [], truncated: false };
        throw error;
      });
      stop();
      found.files.forEach((file) => files.add(resolve(file)));
      truncated ||= found.truncated;
    }
    const openByPath = new Map(documents.all().map((d) => [pathOf(d.uri), d] as const));
    const result: LintWorkspaceResult = { files: 0, filesWithProblems: 0, errors: 0, warnings: 0, infos: 0, hints: 0, truncated };
    const all = [...files].sort();
    // A large workspace is linted in the batch worker, a window of files at a time so that it is
    // never idle: the server's thread stays free for the editor, and gives the memory back after.
    const batched = all.length >= DEFAULT_BATCH_OPTIONS.burst;
    const window = batched ? 16 : 1;
    const tally = (uri: string, analysis: DocumentFindings<Context> | undefined) => {
      if (!analysis?.findings) return;
      workspaceFiles.add(uri);
      result.files++;
      if (analysis.diagnostics.length > 0) result.filesWithProblems++;
      for (const finding of analysis.findings) {
        if (finding.severity === 'error') result.errors++;
        else if (finding.severity === 'warning') result.warnings++;
        else if (finding.severity === 'info') result.infos++;
        else result.hints++;
      }
    };
    for (let index = 0; index < all.length; index += window) {
      if (window > 1 || index % 10 === 0) {
        await nextTurn();
        progress?.report(Math.floor((index / Math.max(1, all.length)) * 100), `${index}/${all.length} ${basename(all[index]!)}`);
      }
      stop();
      await Promise.all(all.slice(index, index + window).map(async (file) => {
        const open = openByPath.get(file);
        const uri = open?.uri ?? uriOf(file);
        tally(uri, open ? await findingsOf(open) : await lintFromDisk(uri, batched));
      }));
    }
    flushConfigDiagnostics();
    return result;
  } finally {
    progress?.done();
  }
});

// ---------------------------------------------------------------- configuration changes

connection.onDidChangeConfiguration((params) => {
  if (!client.configurationPull) pushedSettings = normalizeSettings((params.settings as { tactful?: unknown } | null)?.tactful);
  settingsCache.clear();
  reportedSettingsErrors.clear();
  void relintAll();
});

connection.onDidChangeWatchedFiles((params) => {
  let configChanged = false;
  for (const change of params.changes) {
    const path = pathOf(change.uri);
    if (!path) continue;
    if (CONFIG_FILE_NAMES.includes(basename(path))) {
      configChanged = true;
    } else if (workspaceFiles.has(change.uri) && !documents.get(change.uri)) {
      if (change.type === FileChangeType.Deleted) {
        workspaceFiles.delete(change.uri);
        showWorkspaceDiagnostics(change.uri, []);
      } else {
        void lintFromDisk(change.uri);
      }
    }
  }
  if (!configChanged) return;
  loader.clear();
  // Everything shown for configuration files is re-checked from scratch.
  for (const file of configProblems.keys()) {
    configProblems.set(file, []);
    dirtyConfigFiles.add(file);
  }
  for (const change of params.changes) {
    const path = pathOf(change.uri);
    if (path && CONFIG_FILE_NAMES.includes(basename(path)) && change.type !== FileChangeType.Deleted && existsSync(path)) {
      noteConfigErrors(loader.forConfigFile(path));
    }
  }
  void relintAll();
});

// ---------------------------------------------------------------- code actions, hover, completion, lens

function offsetIn(document: TextDocument, position: Position | undefined): number {
  if (!position || typeof position.line !== 'number' || typeof position.character !== 'number') {
    throw new ResponseError(ErrorCodes.InvalidParams, 'A position needs a line and a character.');
  }
  return document.offsetAt(position);
}

connection.onCodeAction(async (params, token) => {
  scheduler.noteMessage();
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analyze(document);
  cancelled(token);
  if (!analysis.result) return [];
  const config = analysis.context.config;
  return codeActions({
    document: analysis.snapshot,
    macro: analysis.result.document,
    lintText: lintTextWith(config),
    diagnostics: params.context?.diagnostics ?? [],
    ...(params.context?.only ? { only: params.context.only } : {}),
    support: client.edits,
    addWordEdit: (word) => addWordEdit(document.uri, analysis.context.configFile, word),
  });
});

/** Adds a word to the nearest configuration file's `words`, or creates `.tactful.yaml` with it. */
function addWordEdit(documentUri: string, configFile: string | undefined, word: string) {
  if (configFile) {
    let text: string;
    try {
      text = readFileSync(configFile, 'utf8');
    } catch {
      return undefined;
    }
    const edit = addWordToConfigText(text, configFile, word);
    if (!edit) return undefined;
    const uri = uriOf(configFile);
    return { edit: workspaceEdit(uri, documents.get(uri)?.version ?? null, [edit], client.edits), file: configFile };
  }
  const path = pathOf(documentUri);
  const folder = (path && folderOf(path)?.path) ?? (path ? dirname(path) : undefined);
  if (!folder) return undefined;
  const file = join(folder, CONFIG_FILE_NAMES[0]!);
  const edit = createFileEdit(uriOf(file), newConfigWithWord(word), client.edits);
  return edit ? { edit, file } : undefined;
}

connection.onHover(async (params, token) => {
  scheduler.noteMessage();
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const offset = offsetIn(document, params.position);
  const analysis = await analyze(document);
  cancelled(token);
  if (!analysis.result) return null;
  const platform = platformFor(analysis.result.document, analysis.context.config);
  return hoverAt(analysis.snapshot, analysis.result.document, analysis.result.findings, platform, offset);
});

connection.onCompletion(async (params, token) => {
  scheduler.noteMessage();
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const offset = offsetIn(document, params.position);
  const analysis = await analyze(document);
  cancelled(token);
  if (!analysis.result) return null;
  return completionsAt({
    document: analysis.snapshot,
    macro: analysis.result.document,
    platform: platformFor(analysis.result.document, analysis.context.config),
    offset,
    snippetSupport: client.snippets,
    ...(params.context?.triggerCharacter ? { triggerCharacter: params.context.triggerCharacter } : {}),
  });
});

connection.onCodeLens(async (params, token) => {
  scheduler.noteMessage();
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const analysis = await analyze(document);
  cancelled(token);
  if (!analysis.result) return [];
  const macro = analysis.result.document;
  const metrics = bodyMetrics(macro, analysis.context.config);
  const line = macro.frontMatterRange ? Math.min(macro.lines.position(macro.frontMatterRange.end).line + 1, macro.lines.lineCount - 1) : 0;
  const at = { line, character: 0 };
  return [{ range: { start: at, end: at }, command: { title: metricsTitle(metrics), command: '' } }];
});

// ---------------------------------------------------------------- commands and custom requests

function uriArgument(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { uri?: unknown }).uri === 'string') return (value as { uri: string }).uri;
  return undefined;
}

async function showDocument(uri: string, external: boolean): Promise<boolean> {
  if (!client.showDocument) {
    void connection.window.showInformationMessage(uri);
    return false;
  }
  return (await connection.window.showDocument({ uri, external, takeFocus: true }).catch(() => ({ success: false }))).success;
}

connection.onExecuteCommand(async (params) => {
  scheduler.noteMessage();
  const args = params.arguments ?? [];
  switch (params.command) {
    case ServerCommands.showDocumentation: {
      const ruleId = args[0];
      if (typeof ruleId !== 'string' || !ruleIds.has(ruleId)) throw new ResponseError(ErrorCodes.InvalidParams, `Not a Tactful rule: ${String(ruleId)}`);
      return showDocument(ruleDocUrl(ruleId), true);
    }
    case ServerCommands.applyFixAll: {
      const uri = uriArgument(args[0]);
      const document = uri ? documents.get(uri) : undefined;
      if (!document) return false;
      const analysis = await analyze(document);
      if (!analysis.result) return false;
      const edit = fixAllEdit(analysis.snapshot, lintTextWith(analysis.context.config));
      if (!edit) return true;
      const applied = await connection.workspace.applyEdit({ label: 'Tactful: fix all', edit: workspaceEdit(document.uri, analysis.snapshot.version, [edit], client.edits) });
      return applied.applied;
    }
    case ServerCommands.createConfig: {
      const folderUri = uriArgument(args[0]) ?? folders[0]?.uri;
      const folder = folderUri ? pathOf(folderUri) : undefined;
      if (!folder) throw new ResponseError(ErrorCodes.InvalidParams, 'Open a folder to create a .tactful.yaml in.');
      const existing = CONFIG_FILE_NAMES.map((name) => join(folder, name)).find((file) => existsSync(file));
      if (existing) return showDocument(uriOf(existing), false);
      const file = join(folder, CONFIG_FILE_NAMES[0]!);
      const settings = await settingsFor(folderUri!);
      const text = starterConfigText(settings.platform ?? loader.forConfigFile(loader.nearest(folder)).config.platform);
      const edit = createFileEdit(uriOf(file), text, client.edits);
      if (edit) {
        const applied = await connection.workspace.applyEdit({ label: 'Tactful: create .tactful.yaml', edit }).catch(() => ({ applied: false }));
        if (!applied.applied) return false;
      } else {
        await writeFile(file, text, { flag: 'wx' });
      }
      await showDocument(uriOf(file), false);
      return true;
    }
    default:
      throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command: ${params.command}`);
  }
});

connection.onRequest(PreviewMethod, async (params: PreviewParams, token): Promise<PreviewResult | null> => {
  scheduler.noteMessage();
  const uri = params?.textDocument?.uri;
  const document = uri ? documents.get(uri) : undefined;
  if (!document) return null;
  const analysis = await analyze(document);
  cancelled(token);
  const macro = analysis.result?.document;
  if (!macro) return null;
  const platform = platformFor(macro, analysis.context.config);
  return {
    text: previewText(macro, platform),
    ...(typeof macro.frontMatter.title === 'string' ? { title: macro.frontMatter.title } : {}),
    platform: platform.label,
    version: analysis.snapshot.version,
  };
});

connection.onRequest(NewMacroMethod, async (params: NewMacroParams): Promise<NewMacroResult> => {
  if (!params || typeof params.title !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'A new macro needs a title.');
  const uri = params.uri ?? folders[0]?.uri;
  let platform: ResolvedConfig['platform'] = 'generic';
  if (uri) {
    const path = pathOf(uri);
    const settings = await settingsFor(uri);
    const fileConfig = path ? loader.forConfigFile(loader.nearest(existsSync(path) && !path.endsWith('.md') ? path : dirname(path))).config : undefined;
    platform = settings.platform ?? fileConfig?.platform ?? 'generic';
  }
  return {
    text: newMacroText({
      title: params.title,
      ...(params.channel ? { channel: params.channel } : {}),
      ...(params.tags ? { tags: params.tags } : {}),
      ...(params.platform ? { platform: params.platform } : {}),
    }, platform),
    fileName: macroFileName(params.title),
  };
});

connection.onRequest(MetadataMethod, (): MetadataResult => ({
  rules: rules.map((rule) => ({ id: rule.id, title: rule.title, href: ruleDocUrl(rule.id), summary: rule.guideline.summary })),
  channels: [...CHANNELS],
  tags: [...TAGS],
  platforms: Object.values(platforms).map((p) => ({ id: p.id, label: p.label })),
}));

// ---------------------------------------------------------------- lifecycle

connection.onInitialize((params): InitializeResult => {
  client = readClient(params.capabilities);
  const options = (params.initializationOptions ?? {}) as { watchesConfigFiles?: unknown; settings?: unknown };
  clientWatchesConfig = options.watchesConfigFiles === true;
  if (options.settings !== undefined) pushedSettings = normalizeSettings(options.settings);
  folders = (params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: '' }] : []))
    .map((folder) => ({ uri: folder.uri, ...(pathOf(folder.uri) ? { path: pathOf(folder.uri)! } : {}) }));
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      executeCommandProvider: { commands: Object.values(ServerCommands) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...(client.pullDiagnostics
        ? { diagnosticProvider: { identifier: 'tactful', interFileDependencies: false, workspaceDiagnostics: true } }
        : {}),
    },
    serverInfo: { name: 'tactful-language-server' },
  };
});

connection.onInitialized(() => {
  if (client.dynamicConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  }
  if (client.dynamicWatchers && !clientWatchesConfig) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: CONFIG_FILE_NAMES.map((name) => ({ globPattern: `**/${name}` })),
    }).catch(() => undefined);
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => f.uri));
      folders = [...folders.filter((f) => !removed.has(f.uri)), ...event.added.map((f) => ({ uri: f.uri, ...(pathOf(f.uri) ? { path: pathOf(f.uri)! } : {}) }))];
      void relintAll();
    });
  }
  // A broken configuration at a workspace root shows even before a macro is opened.
  for (const folder of folders) {
    const file = folder.path ? loader.nearest(folder.path) : undefined;
    if (file) noteConfigErrors(loader.forConfigFile(file));
  }
  flushConfigDiagnostics();
});

documents.listen(connection);
connection.listen();
