// Builds the VS Code extension: bundles the client (CJS, `vscode` external)
// and the server (one file with all its dependencies) with esbuild, then packs
// the .vsix with vsce, without node_modules. Works offline.
//
//   node scripts/package.mjs [--out <file.vsix>] [--bundle-only]
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { DICTIONARY_PACKAGES, expandDictionaries } from './expand-dictionaries.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild options shared by both bundles. VS Code 1.85 runs extensions on Node 18. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};

// ESM dependencies bundled into CJS: give `import.meta.url` its CJS meaning.
const serverBanner = 'var __tactfulImportMetaUrl=require("url").pathToFileURL(__filename).href;';

/** The dictionaries are built into the server bundle (scripts/expand-dictionaries.mjs); their licences ship beside it. */
function copyDictionaryLicences() {
  const requireFromServer = createRequire(join(root, 'server', 'package.json'));
  const target = join(root, 'server', 'dist', 'data');
  rmSync(target, { recursive: true, force: true });
  for (const name of DICTIONARY_PACKAGES) {
    const folder = dirname(requireFromServer.resolve(name));
    mkdirSync(join(target, name), { recursive: true });
    copyFileSync(join(folder, 'license'), join(target, name, 'license'));
  }
}

export async function bundle() {
  // The rule docs and the dictionaries are built into the engine.
  execFileSync(process.execPath, [join(root, 'scripts', 'embed-rule-docs.mjs')], { stdio: 'inherit' });
  expandDictionaries();
  await Promise.all([
    build({
      ...common,
      entryPoints: ['client/src/extension.ts'],
      outfile: 'client/dist/extension.js',
      external: ['vscode'],
    }),
    build({
      ...common,
      // The server and its batch lint worker in one file (bundle-entry.ts picks the role).
      entryPoints: ['server/src/bundle-entry.ts'],
      outfile: 'server/dist/server.js',
      define: { 'import.meta.url': '__tactfulImportMetaUrl' },
      banner: { js: serverBanner },
    }),
  ]);
  copyDictionaryLicences();
}

export async function packageExtension(out) {
  await bundle();
  const { version, name } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const packagePath = resolve(out ?? join(root, `${name}-${version}.vsix`));
  const { createVSIX } = await import('@vscode/vsce');
  await createVSIX({
    cwd: root,
    packagePath,
    dependencies: false,
    prepublish: false,
    allowMissingRepository: true,
    skipLicense: true,
    rewriteRelativeLinks: false,
  });
  return packagePath;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf('--out');
  if (args.includes('--bundle-only')) {
    await bundle();
  } else {
    const file = await packageExtension(outAt === -1 ? undefined : args[outAt + 1]);
    console.log(`${file} (${Math.round(statSync(file).size / 1024)} KB)`);
  }
}
