// axe-core on every page of the app, in both languages: zero violations of WCAG 2.0, 2.1 and
// 2.2 at levels A and AA.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady, axe } from './browser.mjs';
import { PAGES } from './pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

for (const path of PAGES) {
  test(`axe finds nothing on ${path}`, async () => {
    const { page } = await openPage(browser.context);
    await page.goto(`${BASE}${path}`);
    await appReady(page);
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  });
}
