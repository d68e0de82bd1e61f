/**
 * Configuration is data only: nothing in a workspace is ever executed or
 * required, by the command line or by the language server. Every file here
 * would leave a marker behind if it ran; none may.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers.js';
import { LspClient, codesOf, fileUri, removeDir, tempDir } from '../lsp/harness.js';
import { MACRO } from './hostile.js';

const BIN = join(repoRoot, 'server', 'bin', 'tactful.js');

/** JavaScript that leaves `marker` in `dir` when it runs, as CommonJS or as a module. */
function leavesMarker(dir: string, marker: string, module = false): string {
  const path = JSON.stringify(join(dir, marker));
  return module
    ? `import { writeFileSync } from 'node:fs';\nwriteFileSync(${path}, 'ran');\nexport default { rules: {} };\n`
    : `require('node:fs').writeFileSync(${path}, 'ran');\nmodule.exports = { rules: {} };\n`;
}

function plantWorkspace(dir: string): void {
  writeFileSync(join(dir, '.tactful.js'), leavesMarker(dir, 'ran-tactful-js'));
  writeFileSync(join(dir, '.tactful.cjs'), leavesMarker(dir, 'ran-tactful-cjs'));
  writeFileSync(join(dir, '.tactful.mjs'), leavesMarker(dir, 'ran-tactful-mjs', true));
  writeFileSync(join(dir, 'tactful.config.js'), leavesMarker(dir, 'ran-tactful-config-js'));
  writeFileSync(join(dir, 'evil.js'), leavesMarker(dir, 'ran-evil-js'));
  mkdirSync(join(dir, 'node_modules', 'tactful-config-evil'), { recursive: true });
  writeFileSync(join(dir, 'node_modules', 'tactful-config-evil', 'package.json'), '{"name":"tactful-config-evil","main":"index.js"}');
  writeFileSync(join(dir, 'node_modules', 'tactful-config-evil', 'index.js'), leavesMarker(dir, 'ran-package'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'macros', tactful: { extends: './evil.js' }, scripts: { postinstall: 'node evil.js' } }));
  writeFileSync(join(dir, '.tactful.yaml'), [
    'extends: [./evil.js, tactful-config-evil]',
    'phrases:',
    '  corporate-speak:',
    '    - match: !!js/function "function () { require(\'fs\').writeFileSync(\'ran-tag\', \'ran\') }"',
    'words: [Tactful]',
  ].join('\n'));
  mkdirSync(join(dir, 'macros'));
  writeFileSync(join(dir, 'macros', 'refund.macro.md'), MACRO);
  writeFileSync(join(dir, 'macros', 'tagged.macro.md'), `---\ntitle: !!js/function "function () { process.exit(9) }"\n---\nWe will refund you right away.\n`);
}

const markers = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('ran-'));

describe('reliability: nothing in a workspace is executed', function () {
  this.timeout(60_000);
  let dir: string;
  beforeEach(() => {
    dir = tempDir('tactful-rel-exec-');
    plantWorkspace(dir);
  });
  afterEach(() => removeDir(dir));

  it('the command line reads configuration as data, reports what it cannot read, and runs nothing', () => {
    const runs = [
      spawnSync(process.execPath, [BIN, '--format', 'json', '.'], { cwd: dir, encoding: 'utf8' }),
      spawnSync(process.execPath, [BIN, '--config', 'evil.js', 'macros'], { cwd: dir, encoding: 'utf8' }),
      spawnSync(process.execPath, [BIN, '--config', 'tactful.config.js', '--fix', 'macros'], { cwd: dir, encoding: 'utf8' }),
    ];
    for (const run of runs) {
      assert.equal(run.status, 1, run.stderr);
      assert.match(run.stderr, /evil\.js|tactful\.config\.js/);
    }
    assert.match(runs[0]!.stderr, /tactful-config-evil" does not exist/);
    assert.deepEqual(markers(dir), []);
    assert.equal(existsSync(join(dir, 'ran-tag')), false);
  });

  it('the language server lints, reports configuration problems, and runs nothing', async () => {
    const client = await LspClient.start({ folders: [dir] });
    try {
      const doc = fileUri(join(dir, 'macros', 'refund.macro.md'));
      await client.open(doc, MACRO);
      assert.ok(codesOf((await client.diagnosticsAt(doc, 1)).diagnostics).includes('no-overpromise'));
      const tagged = fileUri(join(dir, 'macros', 'tagged.macro.md'));
      await client.open(tagged, `---\ntitle: !!js/function "function () { process.exit(9) }"\n---\nWe will refund you right away.\n`);
      await client.diagnosticsAt(tagged, 1);
      await client.request('tactful/lintWorkspace', {});
      const config = await client.diagnostics(fileUri(join(dir, '.tactful.yaml')), (p) => p.diagnostics.length > 0);
      assert.ok(config.diagnostics.every((d) => d.code === 'config'));
      assert.equal(client.process.exitCode, null);
    } finally {
      await client.stop();
    }
    assert.deepEqual(markers(dir), []);
  });
});
