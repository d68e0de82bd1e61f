// A small scenario runner for the end-to-end suites. A scenario is a list of
// steps a user takes; each step waits on what the user would see, then a
// screenshot is saved (when the scenario has a page). The first failing step
// ends its scenario, and the report names the step and its screenshot.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
export const green = (text) => paint(32, text);
export const red = (text) => paint(31, text);
export const dim = (text) => paint(2, text);
export const bold = (text) => paint(1, text);

export function slug(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/** An assertion failure that says what was expected and what was seen. */
export class Mismatch extends Error {
  constructor(message, details) {
    super(details ? `${message}\n${details}` : message);
    this.name = 'Mismatch';
  }
}

export function assert(condition, message, details) {
  if (!condition) throw new Mismatch(message, details);
}

/** Polls `probe` until `accept(value)` holds; throws the last value on timeout. Never a blind sleep. */
export async function waitFor(describe, probe, accept = Boolean, { timeout = 30_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  let lastError;
  for (;;) {
    try {
      last = await probe();
      lastError = undefined;
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError ? `last error: ${lastError.message}` : `last seen: ${typeof last === 'string' ? last : JSON.stringify(last, null, 2)}`;
      throw new Mismatch(`timed out after ${timeout / 1000}s waiting for ${describe}`, seen);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

export class Suite {
  /**
   * @param {string} name      shown in the report ("VS Code (code-server 4.139.1)")
   * @param {string} outDir    screenshots and logs go here
   * @param {string} repoRoot  paths are printed relative to it
   */
  constructor(name, outDir, repoRoot) {
    this.name = name;
    this.outDir = outDir;
    this.repoRoot = repoRoot;
    this.results = [];
    this.page = undefined;
    this.scenarioCount = 0;
    mkdirSync(outDir, { recursive: true });
  }

  rel(path) {
    const r = relative(this.repoRoot, path);
    return r.startsWith('..') ? path : r;
  }

  async screenshot(file) {
    if (!this.page || this.page.isClosed()) return undefined;
    const path = join(this.outDir, file);
    try {
      await this.page.screenshot({ path, timeout: 10_000 });
      return path;
    } catch (error) {
      console.log(dim(`      (no screenshot: ${error.message.split('\n')[0]})`));
      return undefined;
    }
  }

  /**
   * Runs one scenario. `body(step)` calls `await step('what the user does or
   * sees', async () => { … })` for each step. `onFailure()` runs after a
   * failed step (e.g. to reset the editor for the next scenario).
   */
  async scenario(title, body, { onFailure } = {}) {
    const number = String(++this.scenarioCount).padStart(2, '0');
    const started = Date.now();
    console.log(`\n${bold(`${this.name} › ${title}`)}`);
    let stepNumber = 0;
    const screenshots = [];
    const step = async (what, fn) => {
      const stepStarted = Date.now();
      const id = `${number}-${slug(title)}-${String(++stepNumber).padStart(2, '0')}-${slug(what)}`;
      try {
        const value = await fn();
        const shot = await this.screenshot(`${id}.png`);
        if (shot) screenshots.push(shot);
        const seconds = ((Date.now() - stepStarted) / 1000).toFixed(1);
        console.log(`  ${green('✓')} ${what} ${dim(`(${seconds}s)`)}${shot ? `\n      ${dim(this.rel(shot))}` : ''}`);
        return value;
      } catch (error) {
        const shot = await this.screenshot(`${id}-FAILED.png`);
        error.step = what;
        error.screenshot = shot;
        throw error;
      }
    };
    try {
      await body(step);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      this.results.push({ title, ok: true, seconds, screenshots });
      console.log(`  ${green('passed')} ${dim(`in ${seconds}s`)}`);
    } catch (error) {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const failure = {
        title, ok: false, seconds, screenshots,
        step: error.step ?? '(setting up)', message: error.message, screenshot: error.screenshot,
      };
      this.results.push(failure);
      console.log(`  ${red('✗ FAILED at step:')} ${failure.step}`);
      console.log(indent(error.message, '      '));
      if (!(error instanceof Mismatch) && error.stack) console.log(dim(indent(error.stack.split('\n').slice(1, 6).join('\n'), '    ')));
      if (failure.screenshot) console.log(`      screenshot: ${this.rel(failure.screenshot)}`);
      if (onFailure) {
        try { await onFailure(); } catch (resetError) { console.log(dim(`      (reset after the failure failed too: ${resetError.message})`)); }
      }
    }
  }

  get passed() { return this.results.filter((r) => r.ok).length; }
  get failed() { return this.results.filter((r) => !r.ok).length; }

  writeReport() {
    const file = join(this.outDir, 'report.json');
    writeFileSync(file, JSON.stringify({ suite: this.name, results: this.results }, null, 2));
    return file;
  }
}

export function indent(text, prefix) {
  return String(text).split('\n').map((line) => prefix + line).join('\n');
}
