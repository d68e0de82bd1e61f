// Bundles the command line into server/dist/cli/ with esbuild (part of
// `npm run build`, after tsc): loading a few files starts much faster than
// loading the several hundred ES modules of server/out/, in the main thread
// and in every lint worker. server/bin/tactful.js prefers the bundle.
//
//   node scripts/bundle-cli.mjs
//
// cli.js and lint-worker.js are entries and share chunks; the engine sits in
// a chunk cli.js imports only when there is something to lint, so `--help`
// and `--version` load nothing of it. The bundle stays inside the server
// package on purpose: the engine finds data files (retext-equality's
// patterns; the Hunspell dictionaries are built in) by resolving their packages from
// `import.meta.url`, which from server/dist/cli/ finds the same node_modules
// as server/out/ does, and version.ts reads ../../package.json.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_BUNDLE_DIR = join(root, 'server', 'dist', 'cli');

export async function bundleCli() {
  rmSync(CLI_BUNDLE_DIR, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/src/cli/cli.ts', 'server/src/cli/lint-worker.ts'],
    outdir: CLI_BUNDLE_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Less to parse and compile (≈ 0.1 s of CPU a run); names are kept, so stack
    // traces stay readable, and `node --enable-source-maps` maps them to the sources.
    minifyWhitespace: true,
    minifySyntax: true,
    sourcemap: true,
    legalComments: 'none',
    logLevel: 'warning',
    // CommonJS dependencies (nspell, ajv, pluralize …) call `require` for Node's built-ins,
    // which an ES module does not have.
    banner: { js: 'import { createRequire as __tactfulCreateRequire } from "node:module"; const require = __tactfulCreateRequire(import.meta.url);' },
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await bundleCli();
