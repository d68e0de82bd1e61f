// End-to-end scenarios in a real VS Code: code-server 4.139 (VS Code 1.139)
// in Debian's Chromium, with the packaged tactful.vsix installed the way a
// user installs a .vsix. Each scenario does what a user does and checks what
// the user sees; what Tactful should find comes from its command line (the
// same engine), so the checks follow the rules as they evolve.

import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from './lib/browser.mjs';
import { installExtension, startCodeServer, writeUserSettings } from './lib/code-server.mjs';
import { Suite, assert, waitFor, Mismatch, dim } from './lib/harness.mjs';
import { Oracle, applyFix, findingKeys, ruleDoc, visibleInProblems } from './lib/oracle.mjs';
import { Workbench } from './lib/workbench.mjs';

/**
 * Settings of the editor under test: quiet start-up, fix-on-save as the issue
 * asks, and no auto-save (code-server, as a web build, auto-saves after a
 * second by default; desktop VS Code does not, and explicit saves are what
 * `codeActionsOnSave: explicit` reacts to).
 */
export const SUITE_SETTINGS = {
  'files.autoSave': 'off',
  'workbench.editor.enablePreview': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.minimap.enabled': false,
  'extensions.ignoreRecommendations': true,
  'editor.codeActionsOnSave': { 'source.fixAll.tactful': 'explicit' },
};

/** A plain note outside `tactful.include`, and the same text in a macros/ folder (inside it). */
const PLAIN_NOTE = `# Shipping update for the team

We will ship the backlog ASAP, and I promise it will never happen again.
`;

/** A folder of macros large enough that the language server lints it in its batch worker thread. */
const LIBRARY_SIZE = 40;
function libraryMacro(i) {
  return ['---', `title: Library reply ${i}`, 'channel: email', '---', 'Hi {{customer.first_name | default: "there"}},', '',
    `Thank you for writing in about order ${1000 + i}. We will refund you right away.`, '', 'Best,', '{{agent.first_name}}', ''].join('\n');
}

function readManifest(repoRoot) {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
}

/** The name VS Code shows in the status bar for the `macro` language. */
function macroLanguageName(manifest) {
  const language = manifest.contributes?.languages?.find((l) => l.id === 'macro');
  return language?.aliases?.[0] ?? 'macro';
}

function describeFinding(f) {
  return `${f.rule} at ${f.line}:${f.column}`;
}

function rowsTable(rows) {
  return rows.map((r) => `    ${r.level.padEnd(7)} ${`${r.line}:${r.column}`.padEnd(7)} ${r.source}(${r.rule}) ${r.message.split('\n')[0]}`).join('\n');
}

/** Lines of `after` = lines of `before` with exactly one line inserted; returns { index, line }. */
function insertedLine(before, after) {
  const a = before.split('\n');
  const b = after.split('\n');
  if (b.length !== a.length + 1) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (b.slice(i + 1).join('\n') !== a.slice(i).join('\n')) return undefined;
  return { index: i, line: b[i] };
}

/**
 * Runs the VS Code scenarios. Returns the Suite (passed/failed counts).
 * @param {{ repoRoot: string, vsix: string, prepared: object, outDir: string, sandbox: string,
 *   onCleanup?: (hook: () => Promise<void>) => void }} options  onCleanup registers what to stop on Ctrl+C
 */
export async function runVSCodeSuite({ repoRoot, vsix, prepared, outDir, sandbox, onCleanup = () => {} }) {
  const suite = new Suite(`VS Code ${prepared.version ? `(code-server ${prepared.version})` : ''}`.trim(), outDir, repoRoot);
  const manifest = readManifest(repoRoot);
  const languageName = macroLanguageName(manifest);
  const { platforms } = await import(pathToFileURL(join(repoRoot, 'server', 'out', 'index.js')).href);

  // The workspace: a copy of examples/ plus two Markdown notes.
  const workspace = join(sandbox, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  mkdirSync(join(workspace, 'notes'), { recursive: true });
  mkdirSync(join(workspace, 'macros'), { recursive: true });
  writeFileSync(join(workspace, 'notes', 'shipping-update.md'), PLAIN_NOTE);
  writeFileSync(join(workspace, 'macros', 'shipping-update-reply.md'), PLAIN_NOTE);
  mkdirSync(join(workspace, 'library'), { recursive: true });
  const libraryFiles = Array.from({ length: LIBRARY_SIZE }, (_, i) => join(workspace, 'library', `reply-${i}.macro.md`));
  libraryFiles.forEach((file, i) => writeFileSync(file, libraryMacro(i)));
  const config = join(workspace, '.tactful.yaml');
  const oracle = new Oracle(repoRoot, sandbox);
  const ws = (name) => join(workspace, name);

  const extensionsDir = join(sandbox, 'extensions');
  mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(sandbox, SUITE_SETTINGS);

  let server;
  let browser;
  let wb;
  const codeServerLog = join(outDir, 'code-server.log');
  const cleanup = async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    copyLogs(sandbox, outDir);
  };
  onCleanup(cleanup);

  try {
    await suite.scenario('Install the packaged extension and start VS Code', async (step) => {
      await step(`code-server --install-extension ${basename(vsix)}`, async () => {
        installExtension(prepared, { root: sandbox, extensionsDir, vsix });
        const installed = readdirSync(extensionsDir).filter((d) => d.startsWith(`${manifest.publisher}.${manifest.name}-`));
        assert(installed.length === 1, `the extension is not in ${extensionsDir}`, `found: ${readdirSync(extensionsDir).join(', ')}`);
      });
      await step('start code-server on 127.0.0.1 (answers /healthz)', async () => {
        server = await startCodeServer(prepared, { root: sandbox, extensionsDir, folder: workspace, logFile: codeServerLog });
        console.log(dim(`      ${server.url}`));
      });
      await step('open the workbench in Chromium: the Explorer lists the examples', async () => {
        browser = await launchBrowser(sandbox);
        suite.page = browser.page;
        wb = new Workbench(browser.page);
        await wb.load(server.url);
        await browser.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'delayed-order.macro.md' }).waitFor();
      });
    });
    if (!wb) return suite;

    const reset = async () => {
      // A failed step may leave a menu, hover or quick input open: close them, focus the editor.
      await wb.moveMouseAway();
      await wb.escape();
      await wb.focusEditor().catch(() => {});
    };

    // ------------------------------------------------------------------
    const delayed = 'delayed-order.macro.md';
    const reset2 = 'password-reset.macro.md';
    const upgrade = 'plan-upgrade.macro.md';
    const control = 'macros/shipping-update-reply.md';
    // What the command line finds in the untouched workspace, in one run.
    const initial = oracle.findingsByFile([delayed, reset2, upgrade, control].map(ws));
    const delayedFindings = initial.get(ws(delayed));

    await suite.scenario(`Open a faulty macro (${delayed})`, async (step) => {
      await step(`open ${delayed} with Quick Open (Ctrl+P)`, () => wb.openFile(delayed));
      await step(`the status bar shows the language "${languageName}"`, () => wb.waitForLanguage(languageName));
      const levels = [...new Set(visibleInProblems(delayedFindings).map((f) => f.level))];
      await step(`squiggles appear (${levels.join(', ')})`, async () => {
        assert(levels.length > 0, `the command line finds nothing to show in ${delayed}; the scenario needs a faulty macro`);
        await waitFor(`${levels.join(' and ')} squiggles in the editor`, () => wb.squiggles(),
          (counts) => levels.every((level) => counts[level] > 0));
      });
      await step('the Problems panel lists every Tactful finding with its rule id', async () => {
        const want = visibleInProblems(delayedFindings);
        const rows = await wb.waitForProblems(delayed, findingKeys(want));
        for (const finding of want) {
          const row = rows.find((r) => r.rule === finding.rule && r.line === finding.line && r.column === finding.column);
          assert(row.source === 'tactful', `${describeFinding(finding)}: source is "${row.source}", expected "tactful"`);
          assert(row.level === finding.level, `${describeFinding(finding)}: shown as ${row.level}, the command line says ${finding.level}`);
          assert(row.message.split('\n')[0] === finding.message.split('\n')[0],
            `${describeFinding(finding)}: the message differs`, `    panel: ${row.message}\n    cli:   ${finding.message}`);
        }
        console.log(dim(rowsTable(rows)));
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    const hoverTarget = delayedFindings.find((f) => f.rule === 'vague-timeline') ?? visibleInProblems(delayedFindings)[0];
    await suite.scenario('Hover a finding: the rule\'s explanation shows', async (step) => {
      assert(hoverTarget, `no finding in ${delayed} to hover`);
      const doc = ruleDoc(repoRoot, hoverTarget.rule);
      await step(`open ${delayed} and put the cursor on the ${hoverTarget.rule} finding (${hoverTarget.line}:${hoverTarget.column})`, async () => {
        await wb.openFile(delayed);
        await wb.waitForProblems(delayed, findingKeys(visibleInProblems(delayedFindings)));
        await wb.goTo(hoverTarget.line, hoverTarget.column);
      });
      await step(`hover it: the hover names ${hoverTarget.rule} and explains the rule`, async () => {
        const text = await wb.hoverAtCursor(hoverTarget.rule);
        const flat = text.replace(/\s+/g, ' ');
        assert(flat.includes(hoverTarget.message.replace(/\s+/g, ' ')), 'the hover does not show the finding\'s message', `hover: ${text}`);
        assert(doc, `docs/rules/${hoverTarget.rule}.md is missing (run npm run docs)`);
        if (doc.title) assert(flat.includes(doc.title), `the hover does not show the rule's title "${doc.title}"`, `hover: ${text}`);
        if (doc.guideline) assert(flat.includes(doc.guideline), `the hover does not show the rule's guideline "${doc.guideline}"`, `hover: ${text}`);
        console.log(dim(`      hover: ${flat.slice(0, 220)}…`));
      });
      await step('move the mouse away: the hover closes', async () => {
        await wb.moveMouseAway();
        await wb.escape();
        await browser.page.locator('.monaco-hover:visible').first().waitFor({ state: 'hidden', timeout: 10_000 });
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    const rewriteTarget = delayedFindings.find((f) => f.rule === 'vague-timeline' && f.suggestions.length > 0)
      ?? [...delayedFindings].sort((a, b) => b.suggestions.length - a.suggestions.length)[0];
    await suite.scenario('Ctrl+. offers the rewrites; choosing one changes exactly that text', async (step) => {
      assert(rewriteTarget?.suggestions.length, `no finding with a rewrite in ${delayed}`);
      const original = readFileSync(ws(delayed), 'utf8');
      const actual = original.slice(...rewriteTarget.suggestions[0].range);
      const titles = rewriteTarget.suggestions.map((s) => s.title);
      const chosen = rewriteTarget.suggestions[0];
      let after;
      await step(`Ctrl+. on "${actual}" (${rewriteTarget.rule}) offers ${titles.map((t) => `"${t}"`).join(', ')}`, async () => {
        await wb.openFile(delayed);
        await wb.waitForProblems(delayed, findingKeys(visibleInProblems(delayedFindings)));
        await wb.goTo(rewriteTarget.line, rewriteTarget.column);
        const offered = await wb.openCodeActions(titles[0]);
        for (const title of titles) assert(offered.includes(title), `the Quick Fix menu does not offer "${title}"`, `offered: ${JSON.stringify(offered)}`);
        assert(offered.indexOf(titles[0]) === 0, `the preferred rewrite "${titles[0]}" is not first`, `offered: ${JSON.stringify(offered)}`);
      });
      await step(`choose "${chosen.title}": only "${actual}" changes`, async () => {
        await wb.chooseCodeAction(chosen.title);
        const expected = applyFix(original, chosen);
        after = await waitFor('the rewrite in the editor', () => wb.editorText(), (t) => t !== original, { timeout: 10_000 });
        assert(after === expected, 'the editor text is not the original with exactly that rewrite applied',
          `expected line: ${expected.split('\n')[rewriteTarget.line - 1]}\nactual line:   ${after.split('\n')[rewriteTarget.line - 1]}`);
      });
      await step(`the ${rewriteTarget.rule} finding disappears from the Problems panel`, async () => {
        const now = oracle.findingsForText(after, delayed, { config });
        const rows = await wb.waitForProblems(delayed, findingKeys(visibleInProblems(now)));
        assert(!rows.some((r) => r.rule === rewriteTarget.rule && r.line === rewriteTarget.line && r.column === rewriteTarget.column),
          `${describeFinding(rewriteTarget)} is still listed`);
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    const resetFindings = initial.get(ws(reset2));
    // A finding on one line whose rule fires once there, so "it disappears" is unambiguous.
    // Preferably a phrase (it has a rewrite and starts inside the line).
    const unique = (f) => f.line === f.endLine && resetFindings.filter((g) => g.rule === f.rule && g.line === f.line).length === 1;
    const disableTarget = visibleInProblems(resetFindings).find((f) => unique(f) && f.suggestions.length > 0 && f.column > 1)
      ?? visibleInProblems(resetFindings).find(unique) ?? visibleInProblems(resetFindings)[0];
    await suite.scenario('"Disable <rule> for this line" inserts the directive; the finding disappears', async (step) => {
      assert(disableTarget, `no finding in ${reset2} to disable`);
      const title = `Disable ${disableTarget.rule} for this line`;
      const original = readFileSync(ws(reset2), 'utf8');
      let after;
      await step(`open ${reset2}; Ctrl+. on the ${disableTarget.rule} finding offers "${title}"`, async () => {
        await wb.openFile(reset2);
        await wb.waitForProblems(reset2, findingKeys(visibleInProblems(resetFindings)));
        await wb.goTo(disableTarget.line, disableTarget.column);
        await wb.openCodeActions(title);
      });
      await step(`choose "${title}": a tactful-disable-next-line comment is inserted above line ${disableTarget.line}`, async () => {
        await wb.chooseCodeAction(title);
        after = await waitFor('the directive in the editor', () => wb.editorText(), (t) => t !== original, { timeout: 10_000 });
        const inserted = insertedLine(original, after);
        assert(inserted, 'the action did not just insert one line', `editor text now:\n${after}`);
        assert(inserted.index === disableTarget.line - 1, `the line was inserted at line ${inserted.index + 1}, not above line ${disableTarget.line}`);
        const directive = new RegExp(`^\\s*<!--\\s*tactful-disable-next-line\\s+${disableTarget.rule}\\s*-->\\s*$`);
        assert(directive.test(inserted.line), `the inserted line is not a tactful-disable-next-line ${disableTarget.rule} comment`, `inserted: ${inserted.line}`);
      });
      await step(`the ${disableTarget.rule} finding disappears; the others stay`, async () => {
        const now = oracle.findingsForText(after, reset2, { config });
        assert(!now.some((f) => f.rule === disableTarget.rule && f.line === disableTarget.line + 1),
          `the command line still reports ${disableTarget.rule} on the disabled line`);
        await wb.waitForProblems(reset2, findingKeys(visibleInProblems(now)));
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    await suite.scenario('Saving with codeActionsOnSave source.fixAll.tactful fixes every fixable finding', async (step) => {
      const before = initial.get(ws(upgrade));
      const fixable = before.filter((f) => f.suggestions.length > 0);
      const typed = 'P.S. We will reply ASAP.';
      let edited;
      let expected;
      await step(`open ${upgrade}: ${fixable.length} of its ${before.length} findings are fixable`, async () => {
        assert(fixable.length > 0, `nothing in ${upgrade} is fixable`);
        await wb.openFile(upgrade);
        await wb.waitForProblems(upgrade, findingKeys(visibleInProblems(before)));
      });
      await step(`type "${typed}" at the end (one more fixable finding)`, async () => {
        await wb.focusEditor();
        await browser.page.keyboard.press('Control+End');
        await browser.page.keyboard.type(typed);
        await waitFor('the unsaved-changes dot on the tab', () => wb.isDirty(), Boolean, { timeout: 5000 });
        edited = await wb.editorText();
        assert(edited.endsWith(typed), 'the typed text is not at the end of the editor', edited);
        expected = oracle.fixedTextFor(edited, upgrade, { config });
      });
      await step('save (Ctrl+S): the file is saved with every fix applied', async () => {
        await wb.save();
        const onDisk = await waitFor('the fixed text on disk', () => readFileSync(ws(upgrade), 'utf8'), (t) => t === expected, { timeout: 15_000 })
          .catch((error) => {
            const disk = readFileSync(ws(upgrade), 'utf8');
            throw new Mismatch('the saved file is not what `tactful --fix` writes', `saved:\n${disk}\n\nexpected:\n${expected}\n(${error.message.split('\n')[0]})`);
          });
        assert(await wb.editorText() === onDisk, 'the editor does not show the saved text');
      });
      await step('only findings without a fix are left in the Problems panel', async () => {
        const now = oracle.findings(ws(upgrade));
        assert(now.every((f) => f.suggestions.length === 0), 'the command line still finds fixable findings after the fix',
          now.filter((f) => f.suggestions.length).map(describeFinding).join(', '));
        await wb.waitForProblems(upgrade, findingKeys(visibleInProblems(now)));
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    await suite.scenario('Typing {{ offers the platform\'s placeholders', async (step) => {
      const text = readFileSync(ws(upgrade), 'utf8');
      const platformId = /^platform:\s*(\w+)/m.exec(text)?.[1];
      const platform = platforms[platformId];
      const other = platforms.generic;
      const names = platform?.placeholders.map((p) => p.name) ?? [];
      const pick = platform?.agentName;
      await step(`open ${upgrade} (platform: ${platformId}) and type {{ on a new line`, async () => {
        assert(platform && platform.syntax === 'mustache', `${upgrade} should name a {{…}} platform in its front matter (found ${platformId})`);
        await wb.openFile(upgrade);
        await wb.focusEditor();
        await browser.page.keyboard.press('Control+End');
        await browser.page.keyboard.press('Enter');
        await browser.page.keyboard.press('Enter');
        await browser.page.keyboard.type('{{');
      });
      await step(`the suggestions are ${platform?.label ?? platformId}'s placeholders`, async () => {
        const offered = await wb.suggestions(platform.customerFirstName);
        // The widget renders at most 12 rows; when fewer are offered, all of them are on screen.
        const expectedHere = offered.length < 12 ? names : [platform.customerFirstName, platform.agentName];
        const missing = expectedHere.filter((n) => !offered.includes(n));
        assert(missing.length === 0, `placeholders missing from the list: ${missing.join(', ')}`, `offered: ${JSON.stringify(offered)}`);
        const foreign = offered.filter((o) => !names.includes(o) && other.placeholders.some((p) => p.name === o));
        assert(foreign.length === 0, `placeholders of another platform are offered: ${foreign.join(', ')}`, `offered: ${JSON.stringify(offered)}`);
        console.log(dim(`      offered: ${offered.join(', ')}`));
      });
      await step(`type "${pick.slice(0, 4)}", arrow to ${pick}, press Enter: the line reads {{${pick}}}`, async () => {
        await browser.page.keyboard.type(pick.slice(0, 4));
        await wb.acceptSuggestion(pick);
        const after = await waitFor('the placeholder in the editor', () => wb.editorText(), (t) => t.trimEnd().endsWith('}}'), { timeout: 10_000 });
        const lastLine = after.trimEnd().split('\n').at(-1);
        assert(lastLine === `{{${pick}}}`, `the new line reads "${lastLine}", expected "{{${pick}}}"`);
      });
      await step('File: Revert File puts the macro back', async () => {
        await wb.command('File: Revert File');
        await waitFor('the tab to show no unsaved changes', () => wb.isDirty(), (dirty) => !dirty, { timeout: 10_000 });
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    await suite.scenario('Turning a rule off in .tactful.yaml removes its findings from open files', async (step) => {
      const current = oracle.findings(ws(delayed));
      const counts = new Map();
      for (const f of visibleInProblems(current)) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
      const rule = counts.has('corporate-speak') ? 'corporate-speak' : [...counts.keys()][0];
      const originalConfig = readFileSync(config, 'utf8');
      const lines = originalConfig.split('\n');
      const rulesAt = lines.findIndex((l) => /^rules:\s*$/.test(l));
      const newConfig = rulesAt >= 0
        ? [...lines.slice(0, rulesAt + 1), `  ${rule}: off`, ...lines.slice(rulesAt + 1)].join('\n')
        : `${originalConfig.trimEnd()}\nrules:\n  ${rule}: off\n`;
      let shown;
      await step(`open ${delayed} (saved copy): ${counts.get(rule) ?? 0} ${rule} findings are listed`, async () => {
        assert(rule, `no finding in ${delayed}`);
        // Scenario 3 left an unsaved rewrite in it: revert to the file on disk first.
        await wb.openFile(delayed);
        if (await wb.isDirty()) {
          await wb.command('File: Revert File');
          await waitFor('the revert', () => wb.isDirty(), (dirty) => !dirty, { timeout: 10_000 });
        }
        shown = await wb.waitForProblems(delayed, findingKeys(visibleInProblems(current)));
      });
      await step(`open .tactful.yaml, add "${rule}: off" under rules:, save`, async () => {
        await wb.openFile('.tactful.yaml');
        await wb.pasteAll(newConfig);
        await wb.save();
        assert(readFileSync(config, 'utf8') === newConfig, '.tactful.yaml on disk is not what was typed');
      });
      await step(`back in ${delayed}: its ${rule} findings are gone, the others stay`, async () => {
        await wb.openFile(delayed);
        const want = visibleInProblems(current).filter((f) => f.rule !== rule);
        const rows = await wb.waitForProblems(delayed, findingKeys(want));
        assert(rows.length === shown.length - (counts.get(rule) ?? 0), 'the other findings changed too');
      });
      await step(`restore .tactful.yaml: the ${rule} findings come back`, async () => {
        await wb.openFile('.tactful.yaml');
        await wb.pasteAll(originalConfig);
        await wb.save();
        await wb.openFile(delayed);
        await wb.waitForProblems(delayed, findingKeys(visibleInProblems(current)));
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    await suite.scenario('A plain Markdown file outside tactful.include gets no findings', async (step) => {
      const inside = initial.get(ws(control));
      await step('open notes/shipping-update.md: the status bar shows "Markdown"', async () => {
        await wb.openFile('notes/shipping-update.md');
        await wb.waitForLanguage('Markdown');
      });
      await step('open the same text as macros/shipping-update-reply.md (inside tactful.include): it gets its findings', async () => {
        assert(visibleInProblems(inside).length > 0, 'the command line finds nothing in the control file');
        await wb.openFile('macros/shipping-update-reply.md');
        await wb.waitForLanguage('Markdown');
        await wb.waitForProblems('shipping-update-reply.md', findingKeys(visibleInProblems(inside)));
      });
      await step('back in notes/shipping-update.md: no squiggles, nothing in the Problems panel', async () => {
        await wb.openFile('notes/shipping-update.md');
        const rows = await wb.problems('shipping-update.md');
        assert(rows.length === 0, 'the plain note has findings', rowsTable(rows));
        const squiggles = await wb.squiggles();
        assert(squiggles.error + squiggles.warning + squiggles.info === 0, `the plain note has squiggles: ${JSON.stringify(squiggles)}`);
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    await suite.scenario(`"Lint all macros in the workspace" lints a folder of ${LIBRARY_SIZE} macros in the server's worker thread`, async (step) => {
      const library = oracle.findingsByFile(libraryFiles);
      const libraryProblems = [...library.values()].reduce((sum, findings) => sum + findings.length, 0);
      let message;
      await step('run "Tactful: Lint all macros in the workspace": the notification counts the library', async () => {
        assert(libraryProblems >= LIBRARY_SIZE, `the command line finds ${libraryProblems} problems in the library`);
        await wb.command('Tactful: Lint all macros in the workspace');
        const toast = browser.page.locator('.notifications-toasts .notification-list-item-message', { hasText: 'Tactful linted' }).first();
        await toast.waitFor({ timeout: 60_000 });
        message = await toast.innerText();
        const [, files, problems, withProblems] = /Tactful linted (\d+) macros.*?: (\d+) problems in (\d+) files/.exec(message) ?? [];
        assert(Number(files) >= LIBRARY_SIZE && Number(withProblems) >= LIBRARY_SIZE && Number(problems) >= libraryProblems,
          `the notification does not count the ${LIBRARY_SIZE} library macros and their ${libraryProblems} problems`, message);
      });
      await step('the Tactful output channel says the worker thread linted them and stopped', async () => {
        const said = await waitFor('the worker\'s report in the Tactful output channel', () => workerReport(sandbox), (n) => n !== undefined, { timeout: 20_000 });
        assert(said >= LIBRARY_SIZE, `the worker linted ${said} documents`, message);
      });
      await step('the Problems panel lists a closed library macro\'s findings, as the command line finds them', async () => {
        const [file, findings] = [...library.entries()][0];
        await wb.waitForProblems(basename(file), findingKeys(visibleInProblems(findings)));
      });
      await wb.escape();
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    // The extension is deactivated and activated again: the last scenario then also reads what the old
    // extension host logged while the language client stopped.
    await suite.scenario('Reload the window: Tactful starts again and finds what the command line finds', async (step) => {
      await step('run "Developer: Reload Window"; the workbench loads again', async () => {
        const reloaded = wb.page.waitForEvent('load', { timeout: 90_000 });
        const input = await wb.quickInput('F1');
        await input.fill('>Developer: Reload Window');
        await wb.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: 'Developer: Reload Window' }).first().waitFor({ timeout: 10_000 });
        await wb.page.keyboard.press('Enter');
        await reloaded;
        // The reload dropped the Problems panel's filter.
        wb.problemsFilter = undefined;
        await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: delayed }).waitFor({ timeout: 90_000 });
      });
      await step(`open ${delayed}: the Problems panel lists its findings again`, async () => {
        await wb.openFile(delayed);
        const now = oracle.findingsByFile([ws(delayed)]).get(ws(delayed));
        await wb.waitForProblems(delayed, findingKeys(visibleInProblems(now)), { timeout: 60_000 });
      });
    }, { onFailure: reset });

    // ------------------------------------------------------------------
    await suite.scenario('The extension host logged no errors from Tactful', async (step) => {
      await step('read the extension host log and the Tactful output channel', async () => {
        const problems = scanLogs(sandbox);
        assert(problems.length === 0, 'errors in the logs', problems.join('\n'));
      });
    });
  } finally {
    await cleanup();
  }
  return suite;
}

/** How many documents the language server's batch worker says it linted, from Tactful's output channel (the last report). */
function workerReport(sandbox) {
  let linted;
  for (const file of walk(join(sandbox, 'user-data', 'logs'))) {
    if (!/tactful/i.test(basename(file))) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(/the lint worker linted (\d+) documents and stopped/g)) linted = Number(match[1]);
  }
  return linted;
}

/** Error lines about Tactful in code-server's logs (extension host, Tactful's output channel). */
export function scanLogs(sandbox) {
  const logs = join(sandbox, 'user-data', 'logs');
  const found = [];
  for (const file of walk(logs)) {
    const name = basename(file);
    const isTactfulChannel = /tactful/i.test(name);
    if (!isTactfulChannel && !/exthost\.log$/.test(name)) continue;
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [i, line] of lines.entries()) {
      const error = /\[error\]|Activating extension .* failed|Cannot find module|is not a function|TypeError|ReferenceError/.test(line);
      if (error && (isTactfulChannel || /tactful/i.test(line))) found.push(`${file}:${i + 1}: ${line.slice(0, 400)}`);
    }
  }
  return found;
}

function* walk(dir) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Keeps code-server's logs (extension host, Tactful's output channel) with the screenshots. */
function copyLogs(sandbox, outDir) {
  const logs = join(sandbox, 'user-data', 'logs');
  if (existsSync(logs)) cpSync(logs, join(outDir, 'logs'), { recursive: true });
}
