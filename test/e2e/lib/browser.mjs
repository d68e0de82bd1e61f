// Debian's Chromium driven by playwright-core (no browser download: we never
// run `npx playwright install`). A fresh profile in the sandbox every time.

import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sandboxEnv } from './code-server.mjs';

export const CHROMIUM = process.env.TACTFUL_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Returns { context, page, close() }. */
export async function launchBrowser(root, { width = 1400, height = 900 } = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium), or set TACTFUL_CHROMIUM`);
  }
  const profile = join(root, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  mkdirSync(join(root, 'home'), { recursive: true });
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    // Chromium's own caches, crash reports and dconf go into the sandbox too.
    env: { ...sandboxEnv(root), HOME: join(root, 'home') },
    viewport: { width, height },
    // Clipboard access lets the workbench paste without asking.
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page, close: () => context.close() };
}
