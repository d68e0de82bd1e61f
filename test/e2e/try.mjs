#!/usr/bin/env node
// `npm run try`: Tactful in a real VS Code in your browser, in one command.
//
// Packages the extension, prepares code-server (cached, see
// prepare-code-server.mjs), installs the .vsix into a throw-away profile and
// starts code-server on 127.0.0.1 with a copy of examples/ open. Ctrl+C stops
// it and removes the profile: nothing is left running or on disk.
//
// Options: --port N (default: 8123, or a free one if taken)
//          --in-place (open the repository's examples/ itself, so edits stay)

import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareCodeServer } from './prepare-code-server.mjs';
import { freePort, installExtension, startCodeServer, writeUserSettings } from './lib/code-server.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const portArg = args.includes('--port') ? Number(args[args.indexOf('--port') + 1]) : undefined;
const inPlace = args.includes('--in-place');

const sandbox = mkdtempSync(join(tmpdir(), 'tactful-try-'));
let server;
let stopping = false;

async function stop(code) {
  if (stopping) return;
  stopping = true;
  if (server) {
    process.stdout.write('\nStopping code-server… ');
    await server.stop();
    process.stdout.write('stopped.\n');
  }
  rmSync(sandbox, { recursive: true, force: true });
  process.exit(code);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

function portIsFree(port) {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

async function main() {
  const vsix = join(sandbox, 'tactful.vsix');
  console.log('Packaging the extension…');
  execFileSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });

  const prepared = await prepareCodeServer();
  const extensionsDir = join(sandbox, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  installExtension(prepared, { root: sandbox, extensionsDir, vsix });
  writeUserSettings(sandbox, {
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'extensions.ignoreRecommendations': true,
  });

  let folder = join(repoRoot, 'examples');
  if (!inPlace) {
    folder = join(sandbox, 'examples');
    cpSync(join(repoRoot, 'examples'), folder, { recursive: true });
  }
  const port = portArg ?? ((await portIsFree(8123)) ? 8123 : await freePort());
  server = await startCodeServer(prepared, { root: sandbox, extensionsDir, folder, port, logFile: join(sandbox, 'code-server.log') });
  server.exited.then((how) => {
    if (!stopping) {
      console.error(`code-server stopped by itself (${JSON.stringify(how)})`);
      stop(1);
    }
  });

  console.log(`
  Tactful ${readVersion()} in VS Code (code-server ${prepared.version}):

      ${server.url}/

  Open it in a browser: ${inPlace ? 'examples/ is open (your edits are saved there)' : 'a copy of examples/ is open (edits stay in the copy)'}.
  Try delayed-order.macro.md: squiggles, hover, Ctrl+. for rewrites, {{ for placeholders.
  Press Ctrl+C to stop.
`);
}

function readVersion() {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).version;
}

main().catch((error) => {
  console.error(`npm run try: ${error.message}`);
  stop(1);
});
