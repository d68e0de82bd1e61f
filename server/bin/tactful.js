#!/usr/bin/env node
import { statSync } from 'node:fs';

// The bundle (scripts/bundle-cli.mjs, built by `npm run build` after tsc)
// starts several times faster than the compiled modules in out/. It is used
// unless TACTFUL_UNBUNDLED is set, it is missing, or tsc has built out/ since
// it was made (a `tsc -b` or `tsc --watch` alone would otherwise run stale code).
const BUNDLE = new URL('../dist/cli/cli.js', import.meta.url);
const COMPILED = new URL('../out/cli/cli.js', import.meta.url);
const TSC_BUILD_INFO = new URL('../tsconfig.tsbuildinfo', import.meta.url);

function bundleIsCurrent() {
  if (process.env.TACTFUL_UNBUNDLED) return false;
  const bundle = statSync(BUNDLE, { throwIfNoEntry: false });
  const built = statSync(TSC_BUILD_INFO, { throwIfNoEntry: false });
  return bundle !== undefined && (built === undefined || bundle.mtimeMs >= built.mtimeMs);
}

const { runCli } = await import(bundleIsCurrent() ? BUNDLE : COMPILED);

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
});
