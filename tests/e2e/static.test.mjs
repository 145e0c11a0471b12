// The static site (xtask/src/site) with JavaScript off, as on a slow phone abroad or a
// cautious browser: every page of sitemap.xml, in both languages, answers 200 with its language,
// title, description and one h1; nothing is requested from another host; axe finds nothing;
// the language switch leads to the same page in the other language; and a crawl over HTTP of
// every internal link and asset of every page finds no 404.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, axe } from './browser.mjs';

let browser;
let pages = [];
before(async () => {
  browser = await launch({ javaScriptEnabled: false });
  const res = await fetch(`${BASE}/sitemap.xml`);
  assert.equal(res.status, 200, 'sitemap.xml');
  const xml = await res.text();
  // <loc> is absolute when EER_SITE_ORIGIN was set at build time, root-relative otherwise.
  pages = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1], BASE).pathname);
});
after(async () => { await browser.close(); });

test('the sitemap lists every static page in French and English', () => {
  assert.ok(pages.length >= 40, `${pages.length} pages`);
  const fr = pages.filter((p) => p.startsWith('/fr/'));
  const en = pages.filter((p) => p.startsWith('/en/'));
  assert.equal(fr.length, en.length);
  for (const p of ['/fr/', '/en/', '/fr/regions', '/fr/regions/estrie', '/en/regions/estrie',
    '/fr/confidentialite', '/en/privacy', '/fr/partenaires', '/en/partners', '/fr/sources', '/en/sources']) {
    assert.ok(pages.includes(p), `${p} in sitemap`);
  }
});

test('robots.txt allows crawling', async () => {
  const res = await fetch(`${BASE}/robots.txt`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), /User-agent: \*/);
});

test('every static page reads without JavaScript and stays on our host', async () => {
  const { page, hosts } = await openPage(browser.context);
  const base = new URL(BASE).hostname;
  for (const path of pages) {
    const response = await page.goto(`${BASE}${path}`);
    assert.equal(response.status(), 200, path);
    const lang = path.slice(1, 3);
    assert.equal(await page.getAttribute('html', 'lang'), lang, path);
    assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
    assert.ok((await page.textContent('h1')).trim().length > 0, `${path}: h1 text`);
    assert.match(await page.title(), /Emplois en régions/, path);
    const description = await page.getAttribute('meta[name="description"]', 'content');
    assert.ok(description && description.length > 50, `${path}: description`);
    const other = lang === 'fr' ? 'en' : 'fr';
    assert.equal(await page.locator(`link[rel="alternate"][hreflang="${other}"]`).count(), 1, path);
    assert.ok(await page.locator('footer .attributions li').count() >= 5, `${path}: attributions`);
  }
  assert.deepEqual([...hosts], [base], 'no request to another host');
});

// axe is a script: it runs in a context with JavaScript on, over the same pages (which have
// no script of their own, so the DOM it checks is the one a reader without JavaScript gets).
test('axe finds nothing on any static page', async () => {
  const withJs = await launch();
  try {
    const { page } = await openPage(withJs.context);
    for (const path of pages) {
      await page.goto(`${BASE}${path}`);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
    }
  } finally {
    await withJs.close();
  }
});

test('the address without a trailing slash is the page itself, not a redirect', async () => {
  const res = await fetch(`${BASE}/fr/regions/estrie`, { redirect: 'manual' });
  assert.equal(res.status, 200);
  assert.match(await res.text(), /<h1>Estrie<\/h1>/);
});

test('the language switch leads to the same page in the other language', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/regions/estrie`);
  await page.click('a.lang-switch');
  await page.waitForURL(`${BASE}/en/regions/estrie`);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Estrie/);
  await page.click('a.lang-switch');
  await page.waitForURL(`${BASE}/fr/regions/estrie`);
  await page.goto(`${BASE}/en/privacy`);
  await page.click('a.lang-switch');
  await page.waitForURL(`${BASE}/fr/confidentialite`);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
});

test('a crawl of every internal link and asset finds no 404', async () => {
  const seen = new Map(); // path -> status
  const queue = [...pages];
  const links = [];
  while (queue.length) {
    const path = queue.shift();
    if (seen.has(path)) continue;
    const res = await fetch(`${BASE}${path}`, { redirect: 'manual' });
    seen.set(path, res.status);
    const type = res.headers.get('content-type') ?? '';
    if (!type.startsWith('text/html') || !pages.includes(path)) { await res.arrayBuffer(); continue; }
    const html = await res.text();
    for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
      const url = new URL(m[1].replaceAll('&amp;', '&'), `${BASE}${path}`);
      if (url.origin !== new URL(BASE).origin) continue;
      links.push(`${path} -> ${url.pathname}`);
      if (!seen.has(url.pathname)) queue.push(url.pathname);
    }
  }
  const broken = [...seen].filter(([, status]) => status !== 200);
  assert.deepEqual(broken, [], 'every internal link answers 200');
  assert.ok([...seen.keys()].some((p) => p.startsWith('/map/')), 'the maps were reached');
  assert.ok([...seen.keys()].some((p) => p.endsWith('.css')), 'the stylesheets were reached');
  assert.ok(links.length > 500, `${links.length} links followed`);
});
