// End-to-end scenario in Neovim's built-in LSP client over
// `npx tactful-language-server --stdio` (see neovim/lsp-scenario.lua).
//
// The macro has an emoji and curly quotes before the finding, so the server's
// UTF-16 columns, Neovim's byte columns and the command line's columns all
// differ: the positions must be converted exactly to land on "ASAP".

import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Suite, assert, Mismatch, dim } from './lib/harness.mjs';
import { Oracle, applyFix } from './lib/oracle.mjs';

export const NVIM = process.env.TACTFUL_NVIM ?? 'nvim';

const MACRO_NAME = 'neovim-check.macro.md';
const MACRO = `---
title: Neovim check — late order
tags: [delay]
channel: email
---
Hi {{customer.first_name | default: "there"}},

I'm sorry your order 🙂 is late. We will ship it “express” ASAP and let you know.

Best,
{{agent.first_name}}
`;
const TARGET = { rule: 'vague-timeline', actual: 'ASAP' };

/** A finding's 0-based line and byte columns in `text`, as Neovim stores them. */
function toNeovim(text, finding) {
  const lines = text.split('\n');
  const byteCol = (line, column) => Buffer.byteLength(lines[line - 1].slice(0, column - 1));
  return {
    lnum: finding.line - 1, col: byteCol(finding.line, finding.column),
    end_lnum: finding.endLine - 1, end_col: byteCol(finding.endLine, finding.endColumn),
  };
}

const key = (rule, lnum, col) => `${rule}:${lnum}:${col}`;

function nvimVersion() {
  const result = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
  if (result.error) throw new Error(`${NVIM} is missing: install Debian's neovim (apt-get install neovim), or set TACTFUL_NVIM`);
  return result.stdout.split('\n')[0];
}

/**
 * @param {{ repoRoot: string, outDir: string, sandbox: string }} options
 */
export async function runNeovimSuite({ repoRoot, outDir, sandbox }) {
  const suite = new Suite('Neovim', outDir, repoRoot);
  const root = join(sandbox, 'neovim');
  const folder = join(root, 'workspace');
  mkdirSync(folder, { recursive: true });
  copyFileSync(join(repoRoot, 'examples', '.tactful.yaml'), join(folder, '.tactful.yaml'));
  const file = join(folder, MACRO_NAME);
  writeFileSync(file, MACRO);
  const oracle = new Oracle(repoRoot, root);

  await suite.scenario('Diagnostics at exact positions, a code action applied, the finding gone', async (step) => {
    let version;
    let before;
    let target;
    let chosen;
    let expectedText;
    let after;
    let result;
    await step('the command line and Neovim are ready', async () => {
      version = nvimVersion();
      before = oracle.findings(file);
      target = before.find((f) => f.rule === TARGET.rule);
      assert(target, `the command line does not report ${TARGET.rule} in the fixture`, JSON.stringify(before, null, 2));
      const nvim = toNeovim(MACRO, target);
      const lineText = MACRO.split('\n')[target.line - 1];
      // The hard fact this scenario rests on: the finding covers exactly "ASAP" on line 8.
      assert(target.line === 8 && lineText.slice(target.column - 1, target.endColumn - 1) === TARGET.actual,
        `the ${TARGET.rule} finding does not cover "${TARGET.actual}"`, JSON.stringify(target));
      assert(nvim.col === Buffer.byteLength(lineText.slice(0, lineText.indexOf(TARGET.actual))) && nvim.col !== target.column - 1,
        'the fixture must have multi-byte characters before the finding');
      chosen = target.suggestions[0];
      assert(chosen, `${TARGET.rule} offers no rewrite`);
      expectedText = applyFix(MACRO, chosen);
      after = oracle.findingsForText(expectedText, MACRO_NAME, { config: join(folder, '.tactful.yaml') });
      console.log(dim(`      ${version}; ${before.length} findings expected, ${TARGET.rule} at line ${target.line}, UTF-16 column ${target.column - 1}, byte column ${nvim.col}`));
    });

    await step(`nvim --headless: attach to ${MACRO_NAME}, wait for the diagnostics, vim.lsp.buf.code_action() → "${chosen.title}", :write`, async () => {
      const expectFile = join(root, 'expect.json');
      const resultFile = join(outDir, 'neovim-result.json');
      const nv = toNeovim(MACRO, target);
      writeFileSync(expectFile, JSON.stringify({
        before: before.map((f) => { const p = toNeovim(MACRO, f); return key(f.rule, p.lnum, p.col); }).sort(),
        after: after.map((f) => { const p = toNeovim(expectedText, f); return key(f.rule, p.lnum, p.col); }).sort(),
        rule: target.rule, line: nv.lnum, byte_col: nv.col, action: chosen.title, timeout: 30_000,
      }));
      const xdg = join(root, 'xdg');
      const env = {
        ...process.env,
        XDG_CACHE_HOME: join(xdg, 'cache'), XDG_STATE_HOME: join(xdg, 'state'),
        XDG_DATA_HOME: join(xdg, 'data'), XDG_CONFIG_HOME: join(xdg, 'config'),
        TMPDIR: join(root, 'tmp'),
        TACTFUL_NVIM_ROOT: folder, TACTFUL_NVIM_CWD: repoRoot,
        TACTFUL_NVIM_EXPECT: expectFile, TACTFUL_NVIM_RESULT: resultFile,
      };
      for (const dir of [env.XDG_CACHE_HOME, env.XDG_STATE_HOME, env.XDG_DATA_HOME, env.XDG_CONFIG_HOME, env.TMPDIR]) mkdirSync(dir, { recursive: true });
      for (const k of Object.keys(env)) if (k.startsWith('npm_')) delete env[k];
      const script = join(repoRoot, 'test', 'e2e', 'neovim', 'lsp-scenario.lua');
      const { code, output } = await runNvim(['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${script}`, file], { env, cwd: folder, timeout: 120_000 });
      writeFileSync(join(outDir, 'neovim-output.txt'), output);
      result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : {};
      console.log(dim(`      steps in Neovim: ${(result.steps ?? []).join(' → ')}`));
      if (code !== 0 || result.error) {
        throw new Mismatch(`Neovim failed at "${result.step ?? 'start-up'}": ${result.error ?? `exit ${code}`}`,
          [
            result.before ? `diagnostics: ${JSON.stringify(result.before.map((d) => key(d.code, d.lnum, d.col)))}` : '',
            result.offered ? `offered actions: ${JSON.stringify(result.offered)}` : '',
            result.messages?.length ? `server messages:\n${result.messages.join('\n')}` : '',
            output.trim() ? `nvim output:\n${output.trim()}` : '',
            `result: ${resultFile}`,
          ].filter(Boolean).join('\n'));
      }
    });

    await step('the diagnostics were at the exact positions the command line reports', async () => {
      for (const f of before) {
        const want = toNeovim(MACRO, f);
        const got = result.before.find((d) => d.code === f.rule && d.lnum === want.lnum && d.col === want.col);
        assert(got, `no ${f.rule} diagnostic at line ${want.lnum}, byte column ${want.col}`);
        assert(got.end_lnum === want.end_lnum && got.end_col === want.end_col,
          `${f.rule}: the diagnostic ends at ${got.end_lnum}:${got.end_col}, expected ${want.end_lnum}:${want.end_col}`);
        assert(got.source === 'tactful', `${f.rule}: source is ${got.source}`);
        assert(got.message === f.message, `${f.rule}: the message differs`, `nvim: ${got.message}\ncli:  ${f.message}`);
      }
      const asap = result.before.find((d) => d.code === TARGET.rule);
      const line = MACRO.split('\n')[asap.lnum];
      assert(Buffer.from(line).subarray(asap.col, asap.end_col).toString() === TARGET.actual,
        `the ${TARGET.rule} diagnostic does not cover exactly "${TARGET.actual}" in Neovim's buffer`);
      console.log(dim(`      ${result.before.length} diagnostics; ${TARGET.rule} at ${asap.lnum}:${asap.col}-${asap.end_col} (bytes) = "${TARGET.actual}"`));
    });

    await step(`"${chosen.title}" was offered and changed exactly "${TARGET.actual}"`, async () => {
      assert(result.offered?.includes(chosen.title), `"${chosen.title}" was not offered`, JSON.stringify(result.offered));
      for (const s of target.suggestions) assert(result.offered.includes(s.title), `"${s.title}" was not offered`, JSON.stringify(result.offered));
      const saved = readFileSync(file, 'utf8');
      assert(saved === expectedText, 'the saved file is not the original with exactly that rewrite', `saved line: ${saved.split('\n')[target.line - 1]}\nexpected:   ${expectedText.split('\n')[target.line - 1]}`);
      console.log(dim(`      ${result.line_before}\n      → ${result.line_after}`));
    });

    await step(`the ${TARGET.rule} finding is gone; the other diagnostics match the command line`, async () => {
      assert(!result.after.some((d) => d.code === TARGET.rule && d.lnum === target.line - 1), `${TARGET.rule} is still reported`);
      const got = result.after.map((d) => key(d.code, d.lnum, d.col)).sort();
      const want = after.map((f) => { const p = toNeovim(expectedText, f); return key(f.rule, p.lnum, p.col); }).sort();
      assert(JSON.stringify(got) === JSON.stringify(want), 'the diagnostics after the fix differ from the command line', `nvim: ${got.join(', ')}\ncli:  ${want.join(', ')}`);
    });
  });
  return suite;
}

function runNvim(args, { env, cwd, timeout }) {
  return new Promise((resolve) => {
    const child = spawn(NVIM, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (d) => { output += d; });
    child.stderr.on('data', (d) => { output += d; });
    const timer = setTimeout(() => {
      output += `\n(killed after ${timeout / 1000}s)`;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ }
    }, timeout);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      // The language server runs in nvim's process group; make sure nothing outlives the scenario.
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* all gone */ }
      resolve({ code: code ?? signal, output });
    });
  });
}
