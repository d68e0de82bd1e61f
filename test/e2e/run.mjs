#!/usr/bin/env node
// `npm run test:e2e`: Tactful in real editors.
//
//   1. prepares code-server (a real VS Code build from the npm registry,
//      cached under ~/.cache/tactful-e2e, see prepare-code-server.mjs);
//   2. builds the engine (for the command line the checks compare with) and
//      packages the extension (.vsix), as a user would get it;
//   3. runs the VS Code scenarios (vscode.mjs) and the Neovim scenario
//      (neovim.mjs).
//
// Screenshots and logs: test-output/e2e/. Everything else (code-server's
// settings, data and caches, Chromium's profile, the workspaces) lives in one
// temporary folder that is removed at the end.
//
// Options: --only vscode|neovim, --skip-build (skip `npm run build`),
//          --vsix <file> (test this package instead of packaging one).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bold, dim, green, red } from './lib/harness.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i === -1 ? undefined : args[i + 1]; };
const only = option('--only');
const skipBuild = args.includes('--skip-build');
const outRoot = join(repoRoot, 'test-output', 'e2e');

const sandbox = mkdtempSync(join(tmpdir(), 'tactful-e2e-'));
mkdirSync(join(sandbox, 'tmp'), { recursive: true });
// Temporary files of this process and its children (Playwright, Chromium, the CLI) go into the sandbox too.
process.env.TMPDIR = join(sandbox, 'tmp');
let cleanedUp = false;
const stopHooks = [];
async function cleanUp() {
  if (cleanedUp) return;
  cleanedUp = true;
  for (const hook of stopHooks.reverse()) { try { await hook(); } catch { /* keep cleaning */ } }
  rmSync(sandbox, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => { console.log(`\n${signal}: stopping`); cleanUp().finally(() => process.exit(130)); });
}

function run(command, commandArgs, title) {
  const started = Date.now();
  console.log(dim(`$ ${command} ${commandArgs.join(' ')}`));
  try {
    execFileSync(command, commandArgs, { cwd: repoRoot, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    throw new Error(`${title} failed (${command} ${commandArgs.join(' ')} exited with ${error.status ?? error.signal})`);
  }
  console.log(dim(`  ${title}: ${((Date.now() - started) / 1000).toFixed(1)}s`));
}

async function main() {
  const started = Date.now();
  rmSync(outRoot, { recursive: true, force: true });
  mkdirSync(outRoot, { recursive: true });
  const suites = [];

  const vsix = option('--vsix') ? resolve(option('--vsix')) : join(outRoot, 'tactful.vsix');
  // code-server first: its first install takes minutes, and the build below
  // should be as fresh as possible when the checks compare it with the
  // command line (both are built from the same sources in one go).
  let prepared;
  if (only !== 'neovim') {
    console.log(bold('Prepare code-server'));
    const { prepareCodeServer } = await import('./prepare-code-server.mjs');
    prepared = await prepareCodeServer();
  }
  console.log(bold('\nBuild'));
  if (!skipBuild) {
    // The server project only (engine, command line, language server): what
    // the command line and `npx tactful-language-server` run. The unit tests'
    // own compilation is `npm test`'s business.
    run(process.execPath, ['scripts/embed-rule-docs.mjs'], 'embed rule docs');
    run('npx', ['--no-install', 'tsc', '-b', 'server'], 'build (engine, command line, language server)');
  }
  if (only !== 'neovim' && !option('--vsix')) run('npm', ['run', '--silent', 'package', '--', '--out', vsix], 'package (.vsix)');

  if (only !== 'neovim') {
    if (!existsSync(vsix)) throw new Error(`no .vsix at ${vsix}`);
    const { runVSCodeSuite } = await import('./vscode.mjs');
    const vscodeSandbox = join(sandbox, 'vscode');
    mkdirSync(vscodeSandbox, { recursive: true });
    suites.push(await runVSCodeSuite({ repoRoot, vsix, prepared, outDir: join(outRoot, 'vscode'), sandbox: vscodeSandbox, onCleanup: (hook) => stopHooks.push(hook) }));
  }
  if (only !== 'vscode') {
    const { runNeovimSuite } = await import('./neovim.mjs');
    suites.push(await runNeovimSuite({ repoRoot, outDir: join(outRoot, 'neovim'), sandbox }));
  }

  const passed = suites.reduce((n, s) => n + s.passed, 0);
  const failed = suites.reduce((n, s) => n + s.failed, 0);
  console.log(bold('\nSummary'));
  for (const suite of suites) {
    for (const r of suite.results) {
      console.log(`  ${r.ok ? green('✓') : red('✗')} ${suite.name} › ${r.title} ${dim(`(${r.seconds}s)`)}`);
      if (!r.ok) {
        console.log(`      failed step: ${r.step}`);
        console.log(`      ${r.message.split('\n')[0]}`);
        if (r.screenshot) console.log(`      screenshot: ${suite.rel(r.screenshot)}`);
      }
    }
    suite.writeReport();
  }
  console.log(dim(`  screenshots and logs: ${join('test-output', 'e2e')}/  (${((Date.now() - started) / 1000).toFixed(0)}s in all)`));
  console.log(`\n${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0;
}

main()
  .then(async (ok) => { await cleanUp(); process.exit(ok ? 0 : 1); })
  .catch(async (error) => {
    console.error(red(`\ne2e: ${error.message}`));
    if (error.stack) console.error(dim(error.stack.split('\n').slice(1, 5).join('\n')));
    await cleanUp();
    console.log('\n0 passed, 1 failed');
    process.exit(1);
  });
