/**
 * `npm run build` bundles the command line into server/dist/cli/, and
 * server/bin/tactful.js prefers the bundle: it must behave exactly as the
 * compiled modules in server/out/ do (TACTFUL_UNBUNDLED=1 runs those), find
 * the spelling dictionaries and start its lint workers.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

const BIN = join(repoRoot, 'server', 'bin', 'tactful.js');
const BUNDLE = join(repoRoot, 'server', 'dist', 'cli', 'cli.js');
const TSC_BUILD_INFO = join(repoRoot, 'server', 'tsconfig.tsbuildinfo');

function tactful(args: string[], cwd: string, unbundled = false) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  if (unbundled) env.TACTFUL_UNBUNDLED = '1';
  else delete env.TACTFUL_UNBUNDLED;
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the bundled command line', function () {
  this.timeout(120_000);

  before(() => {
    // What the bin checks before it takes the bundle; `npm test` builds it.
    assert.ok(statSync(BUNDLE).mtimeMs >= statSync(TSC_BUILD_INFO).mtimeMs, 'the bundle is built after tsc (run `npm run build`)');
  });

  for (const format of ['stylish', 'json', 'sarif']) {
    it(`reports the rule fixtures and examples in ${format} exactly as the compiled modules do`, () => {
      const args = ['--format', format, '--threads', '1', 'test/fixtures/rules', 'examples'];
      const bundled = tactful(args, repoRoot);
      const compiled = tactful(args, repoRoot, true);
      assert.equal(bundled.code, 1, bundled.stderr);
      assert.equal(bundled.stdout, compiled.stdout);
      assert.equal(bundled.stderr, compiled.stderr);
      assert.equal(bundled.code, compiled.code);
    });
  }

  it('lints in worker threads from the bundle to the same report as one compiled thread', () => {
    const bundled = tactful(['--format', 'json', '--threads', '2', 'test/fixtures/rules'], repoRoot);
    const compiled = tactful(['--format', 'json', '--threads', '1', 'test/fixtures/rules'], repoRoot, true);
    assert.equal(bundled.stdout, compiled.stdout);
    assert.equal(bundled.stderr, compiled.stderr);
  });

  it('finds the spelling dictionaries, US and British', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tactful-bundle-'));
    try {
      writeFileSync(join(dir, 'typo.macro.md'), '---\ntitle: Refund\n---\nHi {{customer.first_name}},\n\nYou will recieve the refund for the colour you cancelled.\n\nBest,\n{{agent.first_name}}\n');
      const run = tactful(['--format', 'json', 'typo.macro.md'], dir);
      assert.equal(run.stderr, '');
      const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string; fix?: { text: string } }[] }[];
      const spelling = result!.messages.filter((m) => m.ruleId === 'retext-spell');
      assert.deepEqual(spelling.map((m) => m.fix?.text), ['receive'], JSON.stringify(spelling));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints the version and the help', () => {
    const version = tactful(['--version'], repoRoot);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    assert.equal(version.code, 0);
    const help = tactful(['--help'], repoRoot);
    assert.match(help.stdout, /--threads <n>/);
  });
});

describe('the tactful bin', () => {
  /** A copy of the bin with stand-in modules that say which of them ran. */
  let server: string;
  const run = (env: Record<string, string> = {}) => {
    const child = spawnSync(process.execPath, [join(server, 'bin', 'tactful.js')], { encoding: 'utf8', env: { ...process.env, TACTFUL_UNBUNDLED: '', ...env } });
    return child.stdout;
  };
  const standIn = (path: string, name: string) => {
    mkdirSync(join(server, path, '..'), { recursive: true });
    writeFileSync(join(server, path), `export async function runCli(_argv, io) { io.stdout('${name}'); return 0; }\n`);
  };

  beforeEach(() => {
    server = mkdtempSync(join(tmpdir(), 'tactful-bin-'));
    mkdirSync(join(server, 'bin'));
    copyFileSync(BIN, join(server, 'bin', 'tactful.js'));
    writeFileSync(join(server, 'package.json'), '{"type":"module"}\n');
    standIn('out/cli/cli.js', 'compiled');
    writeFileSync(join(server, 'tsconfig.tsbuildinfo'), '{}');
    utimesSync(join(server, 'tsconfig.tsbuildinfo'), new Date(1_000_000), new Date(1_000_000));
  });
  afterEach(() => rmSync(server, { recursive: true, force: true }));

  it('runs the compiled modules when there is no bundle', () => {
    assert.equal(run(), 'compiled');
  });

  it('prefers a bundle built after tsc, unless TACTFUL_UNBUNDLED is set', () => {
    standIn('dist/cli/cli.js', 'bundle');
    assert.equal(run(), 'bundle');
    assert.equal(run({ TACTFUL_UNBUNDLED: '1' }), 'compiled');
  });

  it('ignores a bundle older than the last tsc build', () => {
    standIn('dist/cli/cli.js', 'bundle');
    utimesSync(join(server, 'dist', 'cli', 'cli.js'), new Date(500_000), new Date(500_000));
    assert.equal(run(), 'compiled');
  });
});
