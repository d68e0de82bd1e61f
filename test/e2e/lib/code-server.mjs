// Starts and stops code-server (a real VS Code build, see prepare-code-server.mjs)
// in a sandbox: its configuration, data, cache and temporary files all live in
// one temporary folder, so nothing is left in the home folder or /tmp.

import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdirSync, writeFileSync, createWriteStream } from 'node:fs';
import { join } from 'node:path';

/** Environment for code-server: everything it writes goes under `root`. */
export function sandboxEnv(root, extra = {}) {
  const dirs = {
    XDG_CONFIG_HOME: join(root, 'xdg', 'config'),
    XDG_DATA_HOME: join(root, 'xdg', 'data'),
    XDG_CACHE_HOME: join(root, 'xdg', 'cache'),
    XDG_STATE_HOME: join(root, 'xdg', 'state'),
    TMPDIR: join(root, 'tmp'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const env = { ...process.env, ...dirs, ...extra };
  // No marketplace: the gallery cannot be reached from here, and asking it
  // would only slow the editor down.
  env.EXTENSIONS_GALLERY = '{}';
  // Variables of the npm process that runs us would leak into the extension
  // host (and so into the language server it starts).
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  delete env.NODE_OPTIONS;
  return env;
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `code-server --install-extension <vsix>` into `extensionsDir`; returns its output. */
export function installExtension(prepared, { root, extensionsDir, vsix }) {
  const result = spawnSync(prepared.node, [
    prepared.codeServer,
    '--user-data-dir', join(root, 'user-data'),
    '--extensions-dir', extensionsDir,
    '--install-extension', vsix,
  ], { env: sandboxEnv(root), encoding: 'utf8', timeout: 120_000 });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0 || !/was successfully installed/.test(output)) {
    throw new Error(`code-server --install-extension ${vsix} failed (exit ${result.status ?? result.signal}):\n${output}`);
  }
  return output;
}

/** Writes the user settings code-server starts with (merged over our defaults). */
export function writeUserSettings(root, settings = {}) {
  const dir = join(root, 'user-data', 'User');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'security.workspace.trust.enabled': false,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'git.enabled': false,
    ...settings,
  }, null, 2));
}

/**
 * Starts code-server on 127.0.0.1 with `folder` open. Returns
 * { url, port, logFile, stop() }. It runs in a session (and process group) of
 * its own, and stop() ends that whole group: the extension host and the
 * language server it started go with it.
 */
export async function startCodeServer(prepared, { root, extensionsDir, folder, port, logFile, quiet = true }) {
  port ??= await freePort();
  const args = [
    prepared.codeServer,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--reconnection-grace-time', '5',
    '--user-data-dir', join(root, 'user-data'),
    '--extensions-dir', extensionsDir,
    folder,
  ];
  // detached: the child calls setsid(), so it leads a new process group.
  const child = spawn(prepared.node, args, {
    env: sandboxEnv(root),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (logFile) {
    const out = createWriteStream(logFile);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
  }
  if (!quiet) {
    child.stdout.pipe(process.stderr);
    child.stderr.pipe(process.stderr);
  }
  let exited = null;
  const exitPromise = new Promise((resolve) => child.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));
  const url = `http://127.0.0.1:${port}`;

  const stop = async () => {
    const group = -child.pid;
    const signalGroup = (signal) => { try { process.kill(group, signal); return true; } catch { return false; } };
    if (!signalGroup('SIGTERM')) return;
    const deadline = Date.now() + 5000;
    // The group outlives its leader while children still run; wait for all.
    while (Date.now() < deadline) {
      try { process.kill(group, 0); } catch { return; }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    signalGroup('SIGKILL');
  };

  // Wait for /healthz, or for the process to die.
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`code-server exited (${JSON.stringify(exited)}) before answering on ${url}${logFile ? `; see ${logFile}` : ''}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url}/healthz within 60 s${logFile ? `; see ${logFile}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, port, pid: child.pid, logFile, stop, exited: exitPromise };
}
