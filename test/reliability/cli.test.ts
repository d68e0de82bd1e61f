/**
 * The `tactful` command line on hostile files and configurations, and
 * `--fix` as a safe writer: the fixed bytes are exactly the engine's, line
 * breaks, BOM and final newline are the file's own, the write goes through
 * a temporary file and a rename (links stay links, modes stay), a full disk
 * or a kill never leaves a truncated macro, and text saved while the fix ran
 * is never overwritten.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { ENGINE_NOTICE_ID, defaultConfig, fixText, lint, rules } from 'tactful-server';
import { repoRoot } from '../helpers.js';
import { removeDir, tempDir } from '../lsp/harness.js';
import { HOSTILE_CONFIGS, HOSTILE_MACROS, MACRO, NOTICED, junkBytes } from './hostile.js';
import { macroArb } from './macros.js';
import { runsFor, seedFor } from './property.js';

const BIN = join(repoRoot, 'server', 'bin', 'tactful.js');
const PRELOAD = pathToFileURL(join(repoRoot, 'test', 'out', 'reliability', 'preload.js')).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function tactful(args: string[], cwd: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Run {
  const run = spawnSync(process.execPath, [...nodeArgs, BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface JsonResult {
  filePath: string;
  messages: { ruleId: string | null; severity: number; level: string; message: string; line: number; column: number; fatal?: true }[];
}

/** No stack trace reaches the user. */
function assertNoStack(run: Run): void {
  assert.doesNotMatch(run.stderr, /\n\s+at .+:\d+:\d+/, run.stderr);
  assert.doesNotMatch(run.stdout, /\n\s+at .+:\d+:\d+/);
}

/** What `tactful --fix` should write for `source`: the engine's fix-all, as the CLI runs it. */
function expectedFix(source: string): string {
  const config = defaultConfig();
  return fixText(source, (text) => lint(text, { rules, config }).findings).output;
}

const temporaryFiles = (dir: string) => readdirSync(dir).filter((name) => name.includes('.tactful-') && name.endsWith('.tmp'));

describe('reliability: command line', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir('tactful-rel-cli-');
  });
  afterEach(() => removeDir(dir));

  it('reports every hostile file, with a clear message for those it cannot read, and no stack trace', () => {
    for (const [name, make] of Object.entries(HOSTILE_MACROS)) writeFileSync(join(dir, `${slug(name)}.macro.md`), make());
    writeFileSync(join(dir, 'binary-bytes.macro.md'), junkBytes(4096));
    writeFileSync(join(dir, 'latin1-bytes.macro.md'), Buffer.from('Caf\xe9 \xab right away \xbb\n', 'latin1'));
    writeFileSync(join(dir, 'bom-bytes.macro.md'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(MACRO)]));
    const run = tactful(['--format', 'json', '.'], dir);
    assertNoStack(run);
    assert.ok(run.code === 0 || run.code === 1, `exit ${run.code}: ${run.stderr}`);
    const results = JSON.parse(run.stdout) as JsonResult[];
    const byName = new Map(results.map((r) => [r.filePath.slice(dir.length + 1), r]));
    assert.equal(byName.size, Object.keys(HOSTILE_MACROS).length + 3, 'one result per file');
    assert.match(byName.get('binary-bytes.macro.md')!.messages[0]!.message, /binary/);
    assert.equal(byName.get('binary-bytes.macro.md')!.messages[0]!.fatal, true);
    assert.match(byName.get('latin1-bytes.macro.md')!.messages[0]!.message, /UTF-8/);
    assert.ok(byName.get('bom-bytes.macro.md')!.messages.some((m) => m.ruleId === 'no-overpromise'), 'a BOM is no reason not to lint');
    for (const name of NOTICED) {
      const notice = byName.get(`${slug(name)}.macro.md`)!.messages.filter((m) => m.ruleId === ENGINE_NOTICE_ID);
      assert.equal(notice.length, 1, name);
      assert.deepEqual({ line: notice[0]!.line, column: notice[0]!.column, level: notice[0]!.level }, { line: 1, column: 1, level: 'info' });
    }
  });

  describe('hostile configuration files (one run over a folder each)', () => {
    let root: string;
    let run: Run;
    let results: JsonResult[];
    const folders = Object.keys(HOSTILE_CONFIGS).map((name, i) => ({ name, folder: `config${i}`, ...HOSTILE_CONFIGS[name]!() }));
    before(() => {
      root = tempDir('tactful-rel-cli-config-');
      for (const { folder, files } of folders) {
        mkdirSync(join(root, folder));
        for (const [file, text] of Object.entries(files)) writeFileSync(join(root, folder, file), text);
        writeFileSync(join(root, folder, 'refund.macro.md'), MACRO);
      }
      run = tactful(['--format', 'json', ...folders.map((f) => f.folder)], root);
      results = JSON.parse(run.stdout) as JsonResult[];
    });
    after(() => removeDir(root));

    it('exits 1 for the broken configurations, with no stack trace', () => {
      assertNoStack(run);
      assert.equal(run.code, 1, run.stderr);
    });

    for (const { name, folder, reportedIn } of folders) {
      it(`${name}: says what is wrong and where, and lints the macro anyway`, () => {
        const macro = results.find((r) => r.filePath === join(root, folder, 'refund.macro.md'))!;
        assert.ok(macro.messages.some((m) => m.ruleId === 'no-overpromise'), JSON.stringify(macro.messages.map((m) => m.ruleId)));
        const configResults = results.filter((r) => r.filePath.startsWith(join(root, folder)) && !r.filePath.endsWith('.macro.md'));
        if (reportedIn) {
          const path = join(root, folder, reportedIn);
          assert.ok(run.stderr.split('\n').some((line) => line.startsWith(`tactful: ${path}`)), run.stderr);
          assert.ok(configResults.some((r) => r.filePath === path && r.messages.length > 0 && r.messages.every((m) => m.ruleId === 'config' && m.severity === 2)));
        } else {
          assert.deepEqual(configResults, []);
          assert.doesNotMatch(run.stderr, new RegExp(folder + '/'));
        }
      });
    }
  });

  it(`--fix writes exactly the engine's fixed text, keeping line breaks, BOM and final newline (${runsFor(30)} generated macros)`, () => {
    const seed = seedFor('cli --fix');
    const macros = fc.sample(macroArb(), { numRuns: runsFor(30), seed });
    macros.forEach((macro, i) => writeFileSync(join(dir, `m${String(i).padStart(3, '0')}.macro.md`), macro.text));
    const run = tactful(['--fix', '--format', 'json', '.'], dir);
    assertNoStack(run);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    macros.forEach((macro, i) => {
      const name = `m${String(i).padStart(3, '0')}.macro.md`;
      const written = readFileSync(join(dir, name));
      const replay = `(replay: TACTFUL_SEED=${seed}, ${name}, source ${JSON.stringify(macro.text)})`;
      assert.ok(written.equals(Buffer.from(expectedFix(macro.text), 'utf8')), `${name} is not the engine's fixed text ${replay}`);
      const text = written.toString('utf8');
      assert.equal(text.startsWith('\uFEFF'), macro.bom, `BOM ${replay}`);
      assert.equal(text.endsWith('\n'), macro.finalNewline, `final newline ${replay}`);
      if (macro.eol === '\r\n') assert.doesNotMatch(text, /(?<!\r)\n/, `a bare LF in a CRLF file ${replay}`);
      if (macro.eol === '\n') assert.doesNotMatch(text, /\r/, `a CR in an LF file ${replay}`);
    });
    assert.deepEqual(temporaryFiles(dir), []);
  });

  it('--fix writes through a temporary file and a rename: a new inode, the mode kept, a link kept a link', () => {
    const file = join(dir, 'refund.macro.md');
    writeFileSync(file, MACRO);
    chmodSync(file, 0o640);
    const before = statSync(file);
    mkdirSync(join(dir, 'shared'));
    writeFileSync(join(dir, 'shared', 'target.macro.md'), MACRO);
    symlinkSync(join('shared', 'target.macro.md'), join(dir, 'link.macro.md'));
    const run = tactful(['--fix', 'refund.macro.md', 'link.macro.md'], dir);
    assertNoStack(run);
    const after = statSync(file);
    assert.notEqual(after.ino, before.ino, 'replaced by a rename, not rewritten in place');
    assert.equal(after.mode & 0o777, 0o640);
    assert.equal(readFileSync(file, 'utf8'), expectedFix(MACRO));
    assert.notEqual(readFileSync(file, 'utf8'), MACRO);
    assert.ok(lstatSync(join(dir, 'link.macro.md')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(join(dir, 'link.macro.md')), join('shared', 'target.macro.md'));
    assert.equal(readFileSync(join(dir, 'shared', 'target.macro.md'), 'utf8'), expectedFix(MACRO), 'the link target is fixed');
    assert.deepEqual([...temporaryFiles(dir), ...temporaryFiles(join(dir, 'shared'))], []);
  });

  it('--fix on a full disk leaves the file as it was, says so, and cleans up', function () {
    if (process.platform !== 'linux' || spawnSync('bash', ['-c', 'true']).status !== 0) this.skip();
    const file = join(dir, 'big.macro.md');
    const source = MACRO + 'We will replace it right away.\n'.repeat(500);
    writeFileSync(file, source);
    // A file-size limit of 8 KiB: writing the fixed copy fails with EFBIG, as on a full disk.
    const run = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" "${BIN}" --fix big.macro.md`], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^tactful: cannot write ".*big\.macro\.md": (EFBIG|ENOSPC)\n$/);
    assert.equal(readFileSync(file, 'utf8'), source, 'the original is untouched');
    assert.deepEqual(temporaryFiles(dir), []);
  });

  it('--fix killed part-way leaves every macro either as it was or fully fixed, never truncated', async () => {
    const count = 240;
    const sources: string[] = [];
    for (let i = 0; i < count; i++) {
      const source = MACRO.replace('Refund on its way', `Refund ${i}`) + `We will ship order ${i} right away.\n`.repeat(1 + (i % 7) * 40);
      sources.push(source);
      writeFileSync(join(dir, `m${String(i).padStart(3, '0')}.macro.md`), source);
    }
    const child = spawn(process.execPath, [BIN, '--fix', '.'], { cwd: dir, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Killed at the first sign of writing: the first temporary file or rename.
    await new Promise<void>((resolve) => {
      const watcher = watch(dir, () => {
        watcher.close();
        resolve();
      });
      void exited.then(() => {
        watcher.close();
        resolve();
      });
    });
    child.kill('SIGKILL');
    await exited;
    for (let i = 0; i < count; i++) {
      const text = readFileSync(join(dir, `m${String(i).padStart(3, '0')}.macro.md`), 'utf8');
      if (text === sources[i]) continue;
      assert.equal(text, expectedFix(sources[i]!), `m${i} is neither the original nor the fixed text`);
    }
    // Leftover temporary files are possible after a kill; they are never the macro itself.
    for (const name of temporaryFiles(dir)) assert.match(name, /^\.m\d{3}\.macro\.md\.tactful-\d+-\d+\.tmp$/);
  });

  it('--fix does not overwrite text saved while it was fixing', () => {
    const file = join(dir, 'refund.macro.md');
    writeFileSync(file, MACRO);
    const run = tactful(['--fix', 'refund.macro.md'], dir, { TACTFUL_TEST_EDIT_DURING_FIX: '1' }, ['--import', PRELOAD]);
    assertNoStack(run);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /changed while it was being fixed/);
    assert.equal(readFileSync(file, 'utf8'), `${MACRO}\nA line the writer added meanwhile.\n`, "the writer's text is kept");
    assert.deepEqual(temporaryFiles(dir), []);
  });

  it('a rule that throws is one error for that rule; the other rules still report', () => {
    writeFileSync(join(dir, 'refund.macro.md'), MACRO);
    // The preload adds the rule to server/out's rule list, which the bundle does not share.
    const run = tactful(['--format', 'json', 'refund.macro.md'], dir, { TACTFUL_TEST_BROKEN_RULE: '1', TACTFUL_UNBUNDLED: '1' }, ['--import', PRELOAD]);
    assertNoStack(run);
    const [result] = JSON.parse(run.stdout) as JsonResult[];
    const broken = result!.messages.filter((m) => m.ruleId === 'test-broken-rule');
    assert.equal(broken.length, 1);
    assert.equal(broken[0]!.severity, 2);
    assert.match(broken[0]!.message, /"test-broken-rule" failed/);
    assert.ok(result!.messages.some((m) => m.ruleId === 'no-overpromise'));
  });
});

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
