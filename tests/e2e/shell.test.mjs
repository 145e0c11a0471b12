// The app shell against the served release build: French by default, the language switch
// keeps the page and its query, the not-found page, the skip link, no console errors and no
// request to any host but 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('home loads in French, with no console error and no third-party request', async () => {
  const { page, problems, hosts } = await openPage(browser.context);
  const response = await page.goto(`${BASE}/`);
  assert.equal(response.status(), 200);
  await appReady(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.match(await page.textContent('main h1'), /S’établir en région/);
  assert.match(await page.title(), /Emplois en régions/);
  assert.deepEqual(problems, []);
  assert.deepEqual([...hosts], ['127.0.0.1']);
});

test('the language switch keeps the page and its query', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/resultats?v=1&x=2`);
  await appReady(page);
  assert.match(await page.textContent('main h1'), /Vos résultats/);
  await page.click('a.lang-switch');
  await page.waitForURL(`${BASE}/en/results?v=1&x=2`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('main h1'), /Your results/);
  assert.match(await page.title(), /Your results/);
  // And back, through the same switch, now labelled in French.
  assert.equal(await page.textContent('a.lang-switch'), 'Français');
  await page.click('a.lang-switch');
  await page.waitForURL(`${BASE}/fr/resultats?v=1&x=2`);
  // The browser's back button returns to the English page.
  await page.goBack();
  await page.waitForURL(`${BASE}/en/results?v=1&x=2`);
  assert.match(await page.textContent('main h1'), /Your results/);
  assert.deepEqual(problems, []);
});

test('links within a bundle navigate without a reload and move focus to the new heading', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/interet`);
  await appReady(page);
  await page.evaluate(() => { window.__sameDocument = true; });
  // The same page in the other language: the same bundle, so followed in place.
  await page.click('a.lang-switch');
  await page.waitForURL(`${BASE}/en/interest`);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'no full reload');
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1');
  assert.equal(await page.getAttribute('.site-nav a[href="/en/interest"]', 'aria-current'), 'page');
  assert.deepEqual(problems, []);
});

test('each screen family is its own bundle; links, Back and Forward cross them', async () => {
  const { page, problems } = await openPage(browser.context);
  const wasm = [];
  page.on('request', (r) => { if (r.url().endsWith('.wasm')) wasm.push(new URL(r.url()).pathname); });
  await page.goto(`${BASE}/fr/quiz`);
  await appReady(page);
  assert.equal(wasm.length, 1);
  await page.click('.site-nav a[href="/fr/interet"]');
  await page.waitForURL(`${BASE}/fr/interet`);
  await page.waitForSelector('form.interest');
  await page.click('.site-nav a[href="/fr/explorer"]');
  await page.waitForURL(`${BASE}/fr/explorer`);
  await page.waitForSelector('svg.map__svg path');
  assert.equal(new Set(wasm).size, 3, `one wasm per family: ${wasm}`);
  assert.ok(wasm.every((w) => !w.startsWith('/eer-web-')), `never the full app: ${wasm}`);
  await page.goBack();
  await page.waitForURL(`${BASE}/fr/interet`);
  await page.waitForSelector('form.interest');
  await page.goBack();
  await page.waitForURL(`${BASE}/fr/quiz`);
  await page.waitForSelector('a.button--start');
  await page.goForward();
  await page.waitForURL(`${BASE}/fr/interet`);
  await page.waitForSelector('form.interest');
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  assert.deepEqual(problems, []);
});

test('an unknown address gets a 404 and a way back, in its language', async () => {
  const { page } = await openPage(browser.context);
  const response = await page.goto(`${BASE}/en/no-such-page`);
  assert.equal(response.status(), 404);
  await appReady(page);
  assert.match(await page.textContent('main h1'), /Page not found/);
  assert.equal(await page.getAttribute('main a', 'href'), '/en/');
});

test('the skip link is the first stop for the keyboard and reaches the main content', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/`);
  await appReady(page);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Aller au contenu principal');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
});

test('without JavaScript the shell still says what the service is', async () => {
  const { context, close } = await launch({ javaScriptEnabled: false });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${BASE}/fr/`);
    assert.match(await page.textContent('h1'), /S’établir en région/);
  } finally {
    await close();
  }
});
