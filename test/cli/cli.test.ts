import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';

const BIN = join(repoRoot, 'server', 'bin', 'tactful.js');

function tactful(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const FAULTY = '---\ntitle: Shipping delay\nchannel: email\n---\nHi {{customer.first_name | default: "there"}},\n\nThank you for your order. We will ship it right away 🚚.\n\nIf anything is unclear, reply to this email and I will be happy to help.\n\nBest,\n{{agent.first_name}}\n';
const CLEAN = '---\ntitle: Shipping update\nchannel: email\n---\nHi {{customer.first_name | default: "there"}},\n\nThank you for your order. Your parcel left our warehouse today.\n\nIf anything is unclear, reply to this email and I will be happy to help.\n\nBest,\n{{agent.first_name}}\n';
const BROKEN = '---\ntitle: Broken\n---\nHi {{customer.first_name,\n';

describe('tactful CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tactful-cli-'));
    writeFileSync(join(dir, 'faulty.macro.md'), FAULTY);
    writeFileSync(join(dir, 'clean.macro.md'), CLEAN);
    // Only macros are linted when a folder is named: these two must be skipped.
    mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'pkg', 'x.macro.md'), FAULTY);
    writeFileSync(join(dir, 'README.md'), 'We will ship it right away.\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints ESLint-shaped JSON with 1-based UTF-16 columns and exclusive ends', () => {
    const run = tactful(['--format', 'json', '.'], dir);
    assert.equal(run.code, 0, run.stderr);
    const results = JSON.parse(run.stdout);
    assert.deepEqual(results.map((r: { filePath: string }) => r.filePath), [join(dir, 'clean.macro.md'), join(dir, 'faulty.macro.md')]);
    const faulty = results[1];
    const message = faulty.messages.find((m: { ruleId: string }) => m.ruleId === 'no-overpromise');
    assert.deepEqual(
      { line: message.line, column: message.column, endLine: message.endLine, endColumn: message.endColumn, severity: message.severity, level: message.level },
      { line: 7, column: 43, endLine: 7, endColumn: 53, severity: 1, level: 'warning' },
    );
    assert.deepEqual(message.fix, { range: [FAULTY.indexOf('right away'), FAULTY.indexOf('right away') + 10], text: 'as soon as we can' });
    assert.ok(message.suggestions.length >= 2);
    for (const key of ['errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'fatalErrorCount']) assert.equal(typeof faulty[key], 'number');
    assert.equal(faulty.warningCount, 1);
    assert.equal(faulty.fixableWarningCount, 1);
  });

  it('exits 1 when a finding is an error, and names the rule in the stylish report', () => {
    writeFileSync(join(dir, 'broken.macro.md'), BROKEN);
    const run = tactful(['broken.macro.md'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /broken\.macro\.md\n[\s\S]*4:4\s+error\s+Broken placeholder.*placeholder-syntax/);
    assert.match(run.stdout, /✖ \d+ problems? \(1 error/);
  });

  it('exits 0 and prints nothing for a clean macro', () => {
    const run = tactful(['clean.macro.md'], dir);
    assert.equal(run.code, 0);
    assert.equal(run.stdout, '');
  });

  it('writes SARIF 2.1.0 with rule descriptors and UTF-16 regions', () => {
    const run = tactful(['--format', 'sarif', 'faulty.macro.md'], dir);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const [sarifRun] = sarif.runs;
    assert.equal(sarifRun.tool.driver.name, 'Tactful');
    assert.equal(sarifRun.columnKind, 'utf16CodeUnits');
    const result = sarifRun.results.find((r: { ruleId: string }) => r.ruleId === 'no-overpromise');
    assert.equal(result.level, 'warning');
    assert.equal(sarifRun.tool.driver.rules[result.ruleIndex].id, 'no-overpromise');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 7, startColumn: 43, endLine: 7, endColumn: 53 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'faulty.macro.md');
  });

  it('--fix writes the preferred rewrite and leaves the rest of the file byte for byte', () => {
    const crlf = FAULTY.replace(/\n/g, '\r\n');
    writeFileSync(join(dir, 'faulty.macro.md'), crlf);
    const run = tactful(['--fix', 'faulty.macro.md'], dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const fixed = readFileSync(join(dir, 'faulty.macro.md'), 'utf8');
    assert.equal(fixed, crlf.replace('right away', 'as soon as we can'));
    assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp')), [], 'no temporary file is left behind');
  });

  it('--fix-dry-run prints the fixed text without writing', () => {
    const run = tactful(['--fix-dry-run', '--format', 'json', 'faulty.macro.md'], dir);
    const [result] = JSON.parse(run.stdout);
    assert.equal(result.output, FAULTY.replace('right away', 'as soon as we can'));
    assert.equal(readFileSync(join(dir, 'faulty.macro.md'), 'utf8'), FAULTY);
  });

  it('--rule id=off silences a rule and --rule id=error raises it', () => {
    assert.equal(tactful(['--rule', 'no-overpromise=off', '--format', 'json', 'faulty.macro.md'], dir).stdout.includes('no-overpromise'), false);
    const raised = tactful(['--rule', 'no-overpromise=error', 'faulty.macro.md'], dir);
    assert.equal(raised.code, 1);
    assert.match(raised.stdout, /7:43\s+error/);
  });

  it('--max-warnings turns too many warnings into exit 1, --quiet hides them', () => {
    assert.equal(tactful(['--max-warnings', '0', 'faulty.macro.md'], dir).code, 1);
    assert.equal(tactful(['--max-warnings', '1', 'faulty.macro.md'], dir).code, 0);
    assert.equal(tactful(['--quiet', 'faulty.macro.md'], dir).stdout, '');
  });

  it('reads the nearest .tactful.yaml, and --config points at another', () => {
    writeFileSync(join(dir, '.tactful.yaml'), 'rules:\n  no-overpromise: error\n');
    assert.equal(tactful(['faulty.macro.md'], dir).code, 1);
    writeFileSync(join(dir, 'quiet.yaml'), 'rules:\n  no-overpromise: off\n');
    assert.equal(tactful(['--config', 'quiet.yaml', '--format', 'json', 'faulty.macro.md'], dir).stdout.includes('no-overpromise'), false);
  });

  it('reports a broken configuration with its file and key, and still lints with the rest', () => {
    writeFileSync(join(dir, '.tactful.yaml'), 'rules:\n  no-overpromise: loud\n  no-such-rule: off\n');
    const run = tactful(['--format', 'json', 'faulty.macro.md'], dir);
    assert.equal(run.code, 1);
    assert.match(run.stderr, /\.tactful\.yaml: rules\.no-overpromise: must be one of off, error, warning, info, hint/);
    assert.match(run.stderr, /\.tactful\.yaml: rules\.no-such-rule: unknown rule/);
    const results = JSON.parse(run.stdout);
    assert.ok(results.some((r: { filePath: string }) => r.filePath.endsWith('.tactful.yaml')));
    assert.ok(results.some((r: { messages: { ruleId: string }[] }) => r.messages.some((m) => m.ruleId === 'no-overpromise')));
  });

  it('expands globs and reports a pattern that matches nothing', () => {
    const run = tactful(['--format', 'json', '*.macro.md'], dir);
    assert.equal(JSON.parse(run.stdout).length, 2);
    const missing = tactful(['nothing/*.macro.md'], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /"nothing\/\*\.macro\.md"/);
  });

  it('exits 2 with a one-line message for usage errors', () => {
    for (const args of [['--format', 'xml', '.'], ['--bogus', '.'], ['--rule', 'nope=off', '.'], ['--max-warnings', 'many', '.'], ['missing.macro.md'], [], ['--config', 'absent.yaml', '.']]) {
      const run = tactful(args, dir);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /^tactful: /);
    }
  });

  it('reports binary and non-UTF-8 files instead of crashing', () => {
    writeFileSync(join(dir, 'junk.macro.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]));
    writeFileSync(join(dir, 'latin1.macro.md'), Buffer.from('Caf\xe9 right away\n', 'latin1'));
    const run = tactful(['--format', 'json', 'junk.macro.md', 'latin1.macro.md'], dir);
    assert.equal(run.code, 1);
    const results = JSON.parse(run.stdout);
    assert.match(results[0].messages[0].message, /binary/);
    assert.match(results[1].messages[0].message, /UTF-8/);
    assert.equal(results[0].fatalErrorCount, 1);
  });

  it('prints --version and --help', () => {
    assert.match(tactful(['--version'], dir).stdout, /^\d+\.\d+\.\d+\n$/);
    const help = tactful(['--help'], dir);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--format <name>/);
  });
});
