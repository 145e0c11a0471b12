// The region explorer in the served release build: choose a region by click and by keyboard,
// switch what the map shows, the quiz fit, a comparison of three, the URL as the state, and an
// axe scan in French and English.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady, axe } from './browser.mjs';
import { FAMILY_QUERY } from './pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Opens an explorer address and waits for the map (its shapes are drawn after a fetch). */
async function openExplorer(page, path) {
  await page.goto(`${BASE}${path}`);
  await appReady(page);
  await page.waitForSelector('svg.map__svg path.region[role=button]');
}

const param = (page, key) => new URL(page.url()).searchParams.get(key);

test('a click on the map opens a region, with year and source, kept in the URL', async () => {
  const { page, problems } = await openPage(browser.context);
  await openExplorer(page, '/fr/explorer');
  assert.equal(await page.locator('svg path.region[role=button]').count(), 15);
  await page.click('svg path.region[data-code="05"]');
  await page.waitForSelector('#panel-title:text("Estrie")');
  assert.equal(param(page, 'r'), '05');
  // Every figure says its year and source, or "no data".
  const facts = await page.textContent('.facts');
  assert.match(facts, /Population\s*495\s283 \(2021, [^)]+\)/);
  assert.equal(await page.getAttribute('svg path[data-code="05"]', 'aria-pressed'), 'true');
  const interest = await page.getAttribute('.panel a.button', 'href');
  assert.match(interest, /^\/fr\/interet\?.*regions=05/);
  await page.reload();
  await appReady(page);
  await page.waitForSelector('#panel-title:text("Estrie")');
  assert.deepEqual(problems, []);
});

test('the keyboard reaches each region once, in order, and Enter or Space opens it', async () => {
  const { page, problems } = await openPage(browser.context);
  await openExplorer(page, '/en/explorer');
  // Tab from the figure chooser into the map.
  await page.focus('#explorer-show');
  const seen = [];
  for (let i = 0; i < 20 && seen.length < 15; i++) {
    await page.keyboard.press('Tab');
    const code = await page.evaluate(() => document.activeElement.getAttribute('data-code'));
    if (code) seen.push(code);
  }
  assert.equal(seen.length, 15);
  assert.equal(new Set(seen).size, 15, 'no region twice');
  // West to east: Abitibi-Témiscamingue (08) before Outaouais (07), the south map first.
  assert.ok(seen.indexOf('08') < seen.indexOf('07'));
  assert.ok(seen.indexOf('12') < seen.indexOf('10'));
  const name = await page.getAttribute('svg path[data-code="07"]', 'aria-label');
  assert.match(name, /^Outaouais: \d+(\.\d)?%$/);
  await page.focus('svg path[data-code="07"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel-title:text("Outaouais")');
  assert.equal(param(page, 'r'), '07');
  // The focus stays on the map so the next region is one Tab away.
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('data-code')), '07');
  await page.focus('svg path[data-code="10"]');
  await page.keyboard.press('Space');
  await page.waitForSelector('#panel-title:text("Nord-du-Québec")');
  assert.equal(param(page, 'r'), '10');
  assert.deepEqual(problems, []);
});

test('switching the figure changes the legend, the names and the list', async () => {
  const { page, problems } = await openPage(browser.context);
  await openExplorer(page, '/fr/explorer');
  const legendBefore = await page.textContent('.legend');
  assert.match(legendBefore, /Taux de postes vacants/);
  await page.selectOption('#explorer-show', 'rent');
  await page.waitForFunction(() => document.querySelector('.legend').textContent.includes('Loyer'));
  assert.equal(param(page, 'show'), 'rent');
  const legend = await page.textContent('.legend');
  assert.match(legend, /aucune donnée/, 'missing rents are shown as such');
  assert.match(legend, /Source : 2024, SCHL/);
  assert.match(await page.getAttribute('svg path[data-code="05"]', 'aria-label'), /^Estrie\u00a0: 1\s028\s\$$/);
  // A region without a rent is hatched, and named so.
  const hatched = await page.$$eval('svg.map__svg path.region[role=button]', (ps) =>
    ps.filter((p) => p.getAttribute('fill').startsWith('url(')).map((p) => p.getAttribute('aria-label')));
  assert.ok(hatched.length > 0);
  for (const h of hatched) assert.match(h, /aucune donnée$/);
  assert.match(await page.textContent('.region-list caption'), /Loyer/);
  await page.reload();
  await appReady(page);
  assert.equal(await page.$eval('#explorer-show', (s) => s.value), 'rent');
  assert.deepEqual(problems, []);
});

test('with quiz answers the map shows the fit, out of 100', async () => {
  const { page, problems } = await openPage(browser.context);
  await openExplorer(page, `/fr/explorer?${FAMILY_QUERY}&show=fit`);
  assert.equal(await page.$eval('#explorer-show', (s) => s.value), 'fit');
  assert.match(await page.textContent('.legend'), /Correspondance avec vos réponses/);
  assert.match(await page.getAttribute('svg path[data-code="05"]', 'aria-label'), /correspondance de \d+ sur 100$/);
  await page.click('svg path.region[data-code="05"]');
  await page.waitForSelector('.panel__fit');
  // The answers stay in the URL, and go on to the interest form.
  assert.equal(param(page, 'field'), 'health');
  assert.match(await page.getAttribute('.panel a.button', 'href'), /field=health.*regions=05/);
  assert.deepEqual(problems, []);
});

test('three regions side by side, in the URL', async () => {
  const { page, problems } = await openPage(browser.context);
  await openExplorer(page, '/fr/explorer');
  await page.check('#cmp-05');
  await page.check('#cmp-07');
  await page.click('svg path.region[data-code="16"]');
  await page.click('.panel button:text("Ajouter à la comparaison")');
  await page.waitForSelector('table.compare');
  assert.equal(param(page, 'cmp'), '05,07,16');
  assert.equal(await page.locator('table.compare thead th').count(), 3);
  // A fourth is refused: the other boxes are disabled.
  assert.ok(await page.isDisabled('#cmp-01'));
  const table = await page.textContent('table.compare');
  assert.match(table, /Estrie.*Outaouais.*Montérégie/s);
  assert.match(table, /\(2021, [^)]+\)/);
  // The scroll box of the table is named and focusable (WCAG 1.4.10 at phone width).
  assert.equal(await page.getAttribute('.table-scroll', 'tabindex'), '0');
  await page.reload();
  await appReady(page);
  await page.waitForSelector('table.compare');
  assert.equal(await page.locator('table.compare thead th').count(), 3);
  assert.deepEqual(problems, []);
});

test('a cold visit fetches the outlines once: the shell preloads them and the map uses that', async () => {
  // A fresh profile: nothing cached, no service worker yet. A preload the app's fetch could
  // not reuse (another credentials mode) would show as a second request and a console warning.
  const cold = await launch();
  const { page, problems } = await openPage(cold.context);
  const outlines = [];
  const warnings = [];
  page.on('request', (r) => { if (r.url().endsWith('/data/region-paths.json')) outlines.push(r.url()); });
  page.on('console', (m) => { if (m.type() === 'warning' && /preload/.test(m.text()) && /region-paths/.test(m.text())) warnings.push(m.text()); });
  await openExplorer(page, '/fr/explorer');
  assert.equal(await page.locator('link[rel=preload][href="/data/region-paths.json"]').count(), 1);
  assert.equal(outlines.length, 1, outlines.join('\n'));
  assert.deepEqual(warnings, []);
  assert.deepEqual(problems, []);
  await cold.close();
});

test('the list\'s column titles break between words, never inside one, on a phone and a tablet', async () => {
  const { page } = await openPage(browser.context);
  for (const [width, height] of [[390, 844], [1024, 768]]) {
    await page.setViewportSize({ width, height });
    for (const path of ['/fr/explorer', '/en/explorer']) {
      await openExplorer(page, path);
      // Each word of each title is measured alone: a word drawn on two lines was cut ("Compar|e").
      const cut = await page.$$eval('.region-list thead th', (cells) => cells.flatMap((th) => {
        const node = th.firstChild;
        const words = [];
        for (const m of node.textContent.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (lines.size > 1) words.push(m[0]);
        }
        return words;
      }));
      assert.deepEqual(cut, [], `${path} at ${width}px`);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
});

test('without the map the explorer still works as a list', async () => {
  // A browser of its own without the service worker, whose fetches the route would not see.
  const alone = await launch({ serviceWorkers: 'block' });
  const { page } = await openPage(alone.context);
  await page.route('**/data/region-paths.json', (route) => route.fulfill({ status: 503, body: '' }));
  await page.goto(`${BASE}/en/explorer`);
  await appReady(page);
  await page.waitForSelector('text=The map is not available right now');
  await page.click('.region-list button:text("Estrie (Eastern Townships)")');
  await page.waitForSelector('#panel-title:text("Estrie")');
  await alone.close();
});

for (const path of ['/fr/explorer?show=rent&r=05&cmp=05,07,16', `/en/explorer?${FAMILY_QUERY}&show=fit&r=07&cmp=07,15`]) {
  test(`axe finds nothing on ${path.slice(0, 40)}`, async () => {
    const { page, problems } = await openPage(browser.context);
    await openExplorer(page, path);
    await page.waitForSelector('table.compare');
    const violations = await axe(page);
    assert.deepEqual(violations, []);
    assert.deepEqual(problems, []);
  });
}
