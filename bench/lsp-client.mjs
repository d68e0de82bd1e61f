/**
 * A small LSP client for the benchmark: starts the real language server over
 * stdio and speaks JSON-RPC to it as an editor does. Every wait is on a
 * message, bounded by a timeout.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const WAIT_MS = 120_000;

export class BenchClient {
  /** uri → [{ version, count, at }] */
  publishes = new Map();
  waiters = [];

  /** `probe`: a module loaded into the server with `--expose-gc` that reports memory on SIGUSR2. */
  static async start(serverBin, { cwd, folder, pull = false, probe }) {
    const flags = probe ? ['--expose-gc', '--import', pathToFileURL(probe).href] : [];
    // Extra Node flags for the server, e.g. TACTFUL_BENCH_SERVER_FLAGS='--cpu-prof --cpu-prof-dir=/tmp/prof' to profile it.
    flags.push(...(process.env.TACTFUL_BENCH_SERVER_FLAGS ?? '').split(/\s+/).filter(Boolean));
    const child = spawn(process.execPath, [...flags, serverBin, '--stdio'], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new BenchClient();
    client.child = child;
    client.connection = connection;
    client.stderr = '';
    child.stderr.on('data', (chunk) => {
      client.stderr += chunk;
      const report = /TACTFUL_BENCH_MEMORY (\{.*\})\n/.exec(client.stderr);
      if (report) {
        client.stderr = client.stderr.replace(report[0], '');
        client.memoryWaiter?.(JSON.parse(report[1]));
      }
    });
    connection.onNotification('textDocument/publishDiagnostics', (params) => {
      const at = performance.now();
      for (const waiter of [...client.waiters]) {
        if (waiter.uri === params.uri && waiter.accept(params)) {
          client.waiters.splice(client.waiters.indexOf(waiter), 1);
          waiter.resolve({ params, at });
        }
      }
    });
    connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onNotification('window/logMessage', () => {});
    connection.onNotification('window/showMessage', () => {});
    connection.listen();
    const folderUri = pathToFileURL(folder).href;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true, ...(pull ? { diagnostics: { refreshSupport: false } } : {}) },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { versionSupport: true, dataSupport: true, codeDescriptionSupport: true },
          ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** Resolves with the next publication for `uri` that `accept` takes, and the time it arrived. */
  published(uri, accept = () => true) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${WAIT_MS} ms`)), WAIT_MS);
      this.waiters.push({ uri, accept, resolve: (value) => { clearTimeout(timer); resolve(value); } });
    });
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri, version, range, text) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  pull(uri) {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  /** The server process's resident memory, in MB (Linux: /proc; elsewhere: ps). */
  residentMb() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
    } catch {
      return Number(execFileSync('ps', ['-o', 'rss=', '-p', String(this.child.pid)], { encoding: 'utf8' }).trim()) / 1024;
    }
  }

  /** The server's memory after a full garbage collection, in MB (needs `probe`). */
  collectedMb() {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the memory probe did not answer')), WAIT_MS);
      this.memoryWaiter = (usage) => {
        clearTimeout(timer);
        this.memoryWaiter = undefined;
        resolve(Object.fromEntries(Object.entries(usage).map(([key, bytes]) => [key, bytes / 2 ** 20])));
      };
      this.child.kill('SIGUSR2');
    });
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 5000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The process is killed below either way.
    }
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 5000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
