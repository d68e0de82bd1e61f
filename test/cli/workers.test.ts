import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fingerprint, similarity, nearDuplicateIn, sameTitleIn, type MacroFingerprint, type WorkspaceIndex } from 'tactful-server';
import { repoRoot } from '../helpers.js';

const BIN = join(repoRoot, 'server', 'bin', 'tactful.js');

function tactful(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const SENTENCES = [
  'Thank you for letting me know about your order.',
  'We will ship the replacement right away.',
  'I checked the tracking page and the parcel is at the local depot.',
  'Your refund is on its way and should reach your card within five working days.',
  'I\'m sorry you feel that way about the delay.',
  'If anything is still unclear, reply to this email and I will pick it up myself.',
  'We guarantee a reply within two hours.',
  'I have added a note to your account so nobody asks you to repeat yourself.',
];

/** A varied macro; every 40th is a near copy of the one before, every 50th shares a title. */
function macro(i: number): string {
  const title = i % 50 === 49 ? 'Shared title' : `Macro ${i}`;
  const base = i % 40 === 39 ? i - 1 : i;
  const body = Array.from({ length: 6 }, (_, k) => SENTENCES[(base * 7 + k * 3) % SENTENCES.length]!.replace('order', `order ${base}-${k}`)).join(' ');
  const greeting = i % 3 === 0 ? 'Hi {{customer.first_name}},' : 'Hi {{customer.first_name | default: "there"}},';
  const broken = i % 17 === 0 ? ' Your case is {{ticket.id' : '';
  return `---\ntitle: ${title}\nchannel: email\n---\n${greeting}\n\n${body}${broken}\n\nBest,\n{{agent.first_name}}\n`;
}

describe('tactful CLI in worker threads', function () {
  this.timeout(300_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'tactful-workers-'));
    mkdirSync(join(dir, 'strict'));
    // A configuration for part of the library, with a mistake that is reported once.
    writeFileSync(join(dir, 'strict', '.tactful.yaml'), 'rules:\n  no-overpromise: error\n  no-such-rule: off\n');
    for (let i = 0; i < 250; i++) writeFileSync(join(dir, i % 5 === 0 ? 'strict' : '.', `m${String(i).padStart(3, '0')}.macro.md`), macro(i));
    writeFileSync(join(dir, 'binary.macro.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lints 250 files in workers to the same JSON, stderr and exit code as in one thread', () => {
    const single = tactful(['--format', 'json', '--threads', '1', '.'], dir);
    const parallel = tactful(['--format', 'json', '--threads', '3', '.'], dir);
    const automatic = tactful(['--format', 'json', '.'], dir);
    assert.equal(single.code, 1, single.stderr);
    const results = JSON.parse(single.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    assert.equal(results.length, 252, 'every macro, the binary file and the broken configuration');
    const ruleIds = new Set(results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const id of ['duplicate-macro', 'no-overpromise', 'placeholder-syntax', 'config']) assert.ok(ruleIds.has(id), `${id} fired`);
    for (const run of [parallel, automatic]) {
      assert.equal(run.stdout, single.stdout);
      assert.equal(run.stderr, single.stderr);
      assert.equal(run.code, single.code);
    }
    assert.equal(single.stderr.match(/unknown rule "no-such-rule"/g)?.length, 1, 'a configuration mistake is reported once');
  });

  it('fixes files in workers as in one thread', () => {
    const copy = (name: string) => {
      const target = mkdtempSync(join(tmpdir(), `tactful-workers-${name}-`));
      for (let i = 0; i < 220; i++) writeFileSync(join(target, `m${String(i).padStart(3, '0')}.macro.md`), macro(i));
      return target;
    };
    const one = copy('one');
    const three = copy('three');
    try {
      const a = tactful(['--fix', '--format', 'json', '--threads', '1', '.'], one);
      const b = tactful(['--fix', '--format', 'json', '--threads', '3', '.'], three);
      assert.equal(b.stdout.replaceAll(three, one), a.stdout);
      for (let i = 0; i < 220; i += 11) {
        const name = `m${String(i).padStart(3, '0')}.macro.md`;
        assert.equal(readFileSync(join(three, name), 'utf8'), readFileSync(join(one, name), 'utf8'));
      }
      assert.notEqual(readFileSync(join(one, 'm001.macro.md'), 'utf8'), macro(1), 'something was fixed');
    } finally {
      rmSync(one, { recursive: true, force: true });
      rmSync(three, { recursive: true, force: true });
    }
  });

  it('refuses --threads that is not a whole number of at least 1', () => {
    for (const value of ['0', 'many', '1.5']) {
      const run = tactful(['--threads', value, '.'], dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /^tactful: --threads/);
    }
  });
});

describe('duplicate lookups', () => {
  it('find what comparing with every macro finds', () => {
    const macros: MacroFingerprint[] = [];
    for (let i = 0; i < 300; i++) macros.push(fingerprint(`/lib/m${i}.macro.md`, macro(i)));
    // Exact and near copies under other names.
    macros.push(fingerprint('/lib/copy.macro.md', macro(10)));
    macros.push(fingerprint('/lib/near.macro.md', macro(20).replace('Thank you', 'Thanks')));
    const workspace: WorkspaceIndex = { macros };
    let found = 0;
    for (const threshold of [0, 0.3, 0.85, 1]) {
      for (const self of macros) {
        const others = macros.filter((m) => m.file !== self.file);
        const expected = others.find((m) => m.wordCount >= 25 && similarity(self.shingles, m.shingles) >= threshold);
        assert.equal(nearDuplicateIn(workspace, self, threshold, 25), expected, `${self.file} at ${threshold}`);
        if (expected && threshold > 0) found++;
        const title = self.title ? others.find((m) => m.title?.toLowerCase() === self.title!.toLowerCase()) : undefined;
        assert.equal(sameTitleIn(workspace, self), title);
      }
    }
    assert.ok(found > 10, `near duplicates were found (${found})`);
  });

  it('notice a workspace that changed since they were built', () => {
    const a = fingerprint('/lib/a.macro.md', macro(1));
    const workspace: WorkspaceIndex = { macros: [a] };
    const self = fingerprint('/lib/b.macro.md', macro(1));
    assert.equal(nearDuplicateIn(workspace, self, 0.85, 25), a);
    workspace.macros = [fingerprint('/lib/c.macro.md', macro(2))];
    assert.equal(nearDuplicateIn(workspace, self, 0.85, 25), undefined);
    workspace.macros.push(a);
    assert.equal(nearDuplicateIn(workspace, self, 0.85, 25), a);
  });
});
