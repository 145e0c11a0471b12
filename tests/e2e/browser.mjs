// Shared helpers for the end-to-end tests, the screenshots and the benchmark: Debian's
// chromium driven by playwright-core (Playwright's own browser download cannot work here),
// each run in a fresh profile, with the flags that keep Chromium off the network.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

export const BASE = process.env.EER_BASE_URL ?? 'http://127.0.0.1:8080';

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fresh browser context (its own empty profile); `close()` removes the profile. */
export async function launch(options = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'eer-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { context, close };
}

/**
 * Opens a page that records console errors, page errors and every request's host, so a test
 * can assert there were none and that nothing left 127.0.0.1 (Law 25: no third parties).
 */
export async function openPage(context) {
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  const hosts = new Set();
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol.startsWith('http')) hosts.add(url.hostname);
  });
  return { page, problems, hosts };
}

/** Waits until the app has mounted (the no-JS fallback is gone and a heading is shown). */
export async function appReady(page) {
  await page.waitForSelector('#nojs', { state: 'detached' });
  await page.waitForSelector('main h1');
}

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page for WCAG 2.0/2.1/2.2 A and AA; returns the violations. */
export async function axe(page) {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    }));
  });
}
