// What a user does in VS Code (code-server in Chromium), as Playwright calls:
// open a file, read the status bar and the Problems panel, hover, Ctrl+.,
// type, save. Every wait is on something the user would see.

import { basename } from 'node:path';
import { Mismatch, waitFor } from './harness.mjs';

/** CSS for an element id with dots in it ("status.editor.mode"). */
const byId = (id) => `[id="${id}"]`;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Workbench {
  /** @param {import('playwright-core').Page} page */
  constructor(page) {
    this.page = page;
    this.problemsFilter = undefined;
  }

  /** Loads the workbench and waits until the Explorer lists the folder. */
  async load(url) {
    await this.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 90_000 });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 90_000 });
  }

  /** Closes menus, hovers and widgets: back to a plain editor. */
  async escape() {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  /** The tab of the active editor. */
  activeTab() {
    return this.page.locator('.editor-group-container.active .tabs-container .tab.active');
  }

  /** Runs a command from the Command Palette (F1), as a user would. */
  async command(label) {
    const input = await this.quickInput('F1');
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ timeout: 10_000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  }

  /** Opens the quick input with `key`; retried because a key pressed while the workbench is still starting can be lost. */
  async quickInput(key) {
    const input = this.page.locator('.quick-input-widget .quick-input-box input');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press(key);
      try {
        await input.waitFor({ state: 'visible', timeout: 3000 });
        return input;
      } catch (error) {
        if (attempt === 4) throw new Mismatch(`pressing ${key} did not open the quick input`);
        // Give the workbench the keyboard focus, then try again.
        await this.page.locator('.part.editor').click({ position: { x: 200, y: 200 } }).catch(() => {});
      }
    }
  }

  /** Quick Open (Ctrl+P) a workspace-relative path; waits until it is the active editor. */
  async openFile(path) {
    const name = basename(path);
    const tab = this.page.locator(`.editor-group-container.active .tabs-container .tab.active[data-resource-name="${name}"]`);
    for (let attempt = 1; ; attempt++) {
      const input = await this.quickInput('Control+P');
      await input.fill(path);
      // The row for exactly this file: its label is the name, its description the folder.
      const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row')
        .filter({ has: this.page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) }).first();
      await row.waitFor({ timeout: 15_000 });
      await row.click();
      try {
        await tab.waitFor({ timeout: 10_000 });
        break;
      } catch (error) {
        if (attempt === 3) {
          const active = await this.activeTab().getAttribute('data-resource-name').catch(() => '(none)');
          throw new Mismatch(`Quick Open did not make ${path} the active editor`, `active tab: ${active}`);
        }
        await this.escape();
      }
    }
    await this.page.locator('.editor-group-container.active .monaco-editor.focused').waitFor({ timeout: 15_000 });
  }

  /** The language name in the status bar ("Support macro", "Markdown"). */
  languageName() {
    return this.page.locator(byId('status.editor.mode')).innerText();
  }

  async waitForLanguage(name) {
    return waitFor(`the status bar to show the language "${name}"`, () => this.languageName(), (text) => text.trim() === name);
  }

  /** Moves the cursor with Go to Line/Column (Ctrl+G "line:column"). */
  async goTo(line, column) {
    const input = await this.quickInput('Control+G');
    // Go to Line opens with ":" typed; keep it (without it the text is a file search).
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await waitFor(`the cursor to be at Ln ${line}, Col ${column}`,
      () => this.page.locator(byId('status.editor.selection')).innerText(),
      (text) => text.startsWith(`Ln ${line}, Col ${column}`), { timeout: 10_000 });
  }

  /** Squiggles in the active editor by kind: { error, warning, info }. */
  async squiggles() {
    const editor = this.page.locator('.editor-group-container.active .monaco-editor').first();
    const count = (kind) => editor.locator(`.squiggly-${kind}`).count();
    return { error: await count('error'), warning: await count('warning'), info: await count('info') };
  }

  // ------------------------------------------------------------- Problems

  async showProblems() {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ timeout: 10_000 });
    }
  }

  /** Types a filter into the Problems panel: only `name`'s problems are listed. */
  async filterProblems(name) {
    await this.showProblems();
    const filter = `**/${name}`;
    if (this.problemsFilter === filter) return;
    const input = this.page.locator('.viewpane-filter input').first();
    await input.fill(filter);
    this.problemsFilter = filter;
    // Typing the filter moved the keyboard focus to the panel: give it back to the editor.
    await this.focusEditor();
  }

  /** Puts the keyboard focus back in the active editor (Ctrl+1). */
  async focusEditor() {
    const focused = this.page.locator('.editor-group-container.active .monaco-editor.focused');
    if (await focused.count()) return;
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+1');
      try {
        await focused.first().waitFor({ timeout: 2000 });
        return;
      } catch (error) {
        if (attempt === 3) throw new Mismatch('Ctrl+1 did not put the keyboard focus into the editor');
      }
    }
  }

  /**
   * The Problems panel's rows for `name`: { file, level, message, source,
   * rule, line, column }. Scrolls through the (virtual) list to read all.
   */
  async problems(name) {
    await this.filterProblems(name);
    const list = this.page.locator('.markers-panel .monaco-list');
    const read = () => list.locator('.monaco-list-row').evaluateAll((rows) => rows.map((row) => {
      const index = Number(row.getAttribute('data-index'));
      if (row.getAttribute('aria-level') === '1') {
        return { index, header: true, file: row.querySelector('.label-name')?.textContent ?? '',
          count: Number(row.querySelector('.monaco-count-badge')?.textContent ?? 0) };
      }
      const icon = row.querySelector('.marker-icon');
      const level = ['error', 'warning', 'info'].find((kind) => icon?.classList.contains(kind)) ?? 'unknown';
      const where = /Ln (\d+), Col (\d+)/.exec(row.querySelector('.marker-line')?.textContent ?? '');
      return {
        index, level,
        message: [...row.querySelectorAll('.marker-message')].map((m) => m.textContent).join('\n'),
        source: row.querySelector('.marker-source')?.textContent ?? '',
        rule: row.querySelector('.marker-code')?.textContent ?? '',
        line: where ? Number(where[1]) : 0,
        column: where ? Number(where[2]) : 0,
      };
    }));
    const seen = new Map();
    let box = null;
    for (let round = 0; round < 40; round++) {
      const rows = await read();
      const before = seen.size;
      for (const row of rows) seen.set(row.index, row);
      const headers = [...seen.values()].filter((r) => r.header);
      const expected = headers.reduce((sum, h) => sum + 1 + h.count, 0);
      if (seen.size >= expected || (round > 0 && seen.size === before)) break;
      box ??= await list.boundingBox();
      if (!box) break;
      await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await this.page.mouse.wheel(0, box.height * 0.8);
    }
    if (box) await this.page.mouse.wheel(0, -100_000);
    const rows = [...seen.values()].sort((a, b) => a.index - b.index);
    const out = [];
    let file = '';
    for (const row of rows) {
      if (row.header) { file = row.file; continue; }
      if (file === name) out.push({ file, ...row });
    }
    return out;
  }

  /** Waits until the Problems panel lists exactly `keys` ("rule line:col") for `name`. */
  async waitForProblems(name, keys, { timeout = 30_000 } = {}) {
    const want = [...keys].sort();
    return waitFor(`the Problems panel to list for ${name}:\n    ${want.join('\n    ') || '(nothing)'}`,
      () => this.problems(name),
      (rows) => JSON.stringify(rows.map((r) => `${r.rule} ${r.line}:${r.column}`).sort()) === JSON.stringify(want),
      { timeout });
  }

  // ---------------------------------------------------------- the editor

  /** The pixel position of the cursor in the active editor. */
  async cursorBox() {
    const cursor = this.page.locator('.editor-group-container.active .monaco-editor.focused .cursors-layer .cursor').first();
    await cursor.waitFor({ state: 'attached', timeout: 5000 });
    const box = await cursor.boundingBox();
    if (!box) throw new Mismatch('the cursor is not visible');
    return box;
  }

  /** Hovers the mouse over the character right of the cursor; returns the hover's text. */
  async hoverAtCursor(expectText) {
    const box = await this.cursorBox();
    const hover = this.page.locator('.monaco-hover:visible', expectText ? { hasText: expectText } : {}).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.mouse.move(box.x + 3, box.y + box.height / 2);
      await this.page.mouse.move(box.x + 6, box.y + box.height / 2, { steps: 3 });
      try {
        await hover.waitFor({ timeout: 5000 });
        return hover.innerText();
      } catch (error) {
        if (attempt === 3) throw new Mismatch(`no hover${expectText ? ` mentioning "${expectText}"` : ''} appeared over the finding`);
        await this.page.mouse.move(box.x + 200, box.y + 200);
      }
    }
  }

  async moveMouseAway() {
    await this.page.mouse.move(5, 5);
  }

  /** Ctrl+. at the cursor; returns the titles in the Quick Fix menu. Retried: the first Ctrl+. occasionally opens nothing. */
  async openCodeActions(expectTitle) {
    await this.focusEditor();
    const rows = this.page.locator('.action-widget:not(.action-list-submenu-panel) .monaco-list-row.action');
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+.');
      try {
        if (expectTitle) await rows.filter({ hasText: expectTitle }).first().waitFor({ timeout: 4000 });
        else await rows.first().waitFor({ timeout: 4000 });
        return (await rows.allInnerTexts()).map((t) => t.trim());
      } catch (error) {
        if (attempt === 4) {
          const seen = (await rows.allInnerTexts().catch(() => [])).map((t) => t.trim());
          throw new Mismatch(`Ctrl+. did not offer ${expectTitle ? `"${expectTitle}"` : 'any action'} (tried ${attempt} times)`,
            `offered: ${JSON.stringify(seen)}`);
        }
        await this.page.keyboard.press('Escape');
      }
    }
  }

  async chooseCodeAction(title) {
    const row = this.page.locator('.action-widget:not(.action-list-submenu-panel) .monaco-list-row.action')
      .filter({ has: this.page.getByText(title, { exact: true }) }).first();
    await row.click();
    await row.waitFor({ state: 'hidden', timeout: 5000 });
  }

  /** The active editor's text, as the user would copy it (Ctrl+A, Ctrl+C). */
  async editorText() {
    await this.focusEditor();
    await this.page.evaluate(() => navigator.clipboard.writeText('\u0000'));
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    const text = await waitFor('the editor text on the clipboard',
      () => this.page.evaluate(() => navigator.clipboard.readText()), (t) => t !== '\u0000', { timeout: 5000 });
    await this.page.keyboard.press('Control+Home');
    return text;
  }

  /** Replaces the active editor's text by pasting (no auto-indent, as a paste). */
  async pasteAll(text) {
    await this.focusEditor();
    await this.page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+V');
    await waitFor('the pasted text in the editor', () => this.editorText(), (t) => t === text, { timeout: 10_000 });
  }

  async isDirty() {
    return (await this.activeTab().getAttribute('class')).split(/\s+/).includes('dirty');
  }

  /** Ctrl+S; waits until the tab no longer shows unsaved changes. */
  async save() {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
    await waitFor('the file to be saved (no unsaved-changes dot on its tab)', () => this.isDirty(), (dirty) => !dirty, { timeout: 20_000 });
  }

  /**
   * Labels in the suggestion list, which typing a trigger character opened.
   * If it did not open (the server was still busy), Ctrl+Space asks again, as a user would.
   */
  async suggestions(expectLabel) {
    const rows = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
    const wanted = expectLabel ? rows.filter({ has: this.page.locator('.label-name', { hasText: expectLabel }) }).first() : rows.first();
    for (let attempt = 1; ; attempt++) {
      try {
        await wanted.waitFor({ timeout: 5000 });
        break;
      } catch (error) {
        if (attempt === 3) {
          const seen = await rows.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent)).catch(() => []);
          throw new Mismatch(`the suggestion list did not offer ${expectLabel ? `"${expectLabel}"` : 'anything'}`, `offered: ${JSON.stringify(seen)}`);
        }
        await this.page.keyboard.press('Control+Space');
      }
    }
    return rows.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent ?? el.textContent));
  }

  /** Moves through the suggestion list with the arrow keys to `label`, then presses Enter. */
  async acceptSuggestion(label) {
    await this.suggestions(label);
    const focused = this.page.locator('.editor-widget.suggest-widget.visible .monaco-list-row.focused .label-name');
    for (let i = 0; i < 30; i++) {
      if ((await focused.textContent({ timeout: 2000 }).catch(() => '')) === label) {
        await this.page.keyboard.press('Enter');
        await this.page.locator('.editor-widget.suggest-widget.visible').waitFor({ state: 'hidden', timeout: 5000 });
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Mismatch(`could not reach "${label}" in the suggestion list with the arrow keys`);
  }
}
