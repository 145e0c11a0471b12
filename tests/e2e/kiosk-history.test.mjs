// The shared tablet's history after the idle reset (src/kiosk.rs, src/nav.rs): a visitor
// answers questions in the quiz bundle (each answer replaces then pushes an entry), opens
// the results (a full load of the full app) and moves to the explorer in place (a push).
// After the reset the next visitor presses Back again and again:
// no entry may show anything of the previous visit — not in the address once it settles, not
// a ticked answer, not the results — at phone and tablet sizes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady } from './browser.mjs';
import { answerFirst } from './journeys.mjs';

const SIZES = {
  phone: { width: 390, height: 844 },
  tablet: { width: 1024, height: 768 },
};

/** What the page shows once it settles (an entry of an earlier visit leaves for the start). */
async function settled(page) {
  await page.waitForLoadState('load').catch(() => {});
  await page.waitForFunction(() => !document.documentElement.classList.contains('kiosk-leaving')
    && document.querySelector('main h1') && !document.getElementById('nojs'), null, { timeout: 15000 });
  await page.waitForTimeout(250);
  return page.evaluate(() => ({
    url: location.href,
    title: document.querySelector('main h1').textContent.trim(),
    checked: document.querySelectorAll('main input:checked').length,
    text: document.querySelector('main').innerText,
  }));
}

for (const [size, viewport] of Object.entries(SIZES)) {
  test(`kiosk (${size}): after the reset, Back never leads to the previous visitor's answers`, async () => {
    const { context, close } = await launch({ viewport });
    try {
      const { page, problems } = await openPage(context);
      await page.goto(`${BASE}/fr/quiz?mode=kiosk&idle=4&warn=1`);
      await appReady(page);
      const startTitle = (await page.textContent('main h1')).trim();

      // The visit: four answers in the quiz bundle, in-app pushes and replaces.
      await page.click('a.button--start');
      for (let i = 0; i < 4; i++) await answerFirst(page);
      assert.match(page.url(), /live=/, 'the answers are in the address during the visit');
      // The results: a full load of the other bundle.
      await page.goto(`${BASE}/fr/resultats${new URL(page.url()).search.replace(/&?q=[^&]*/, '')}`);
      await appReady(page);
      const resultsTitle = (await page.textContent('main h1')).trim();
      // The explorer in place (a push), then a region chosen (a replace).
      await page.evaluate(() => {
        const a = document.createElement('a');
        a.href = `/fr/explorer${location.search}`;
        a.id = 'to-explorer';
        a.textContent = 'explorer';
        document.querySelector('main').append(a);
      });
      await page.click('#to-explorer');
      await page.waitForURL(/\/fr\/explorer/);
      await page.waitForSelector('main h1');

      // Nobody touches the tablet: the reset comes.
      await page.waitForURL((u) => u.pathname === '/fr/quiz' && u.search === '', { timeout: 20000 });
      const fresh = await settled(page);
      assert.equal(fresh.title, startTitle);

      // The next visitor presses Back, again and again (more times than the visit has entries).
      const seen = [];
      for (let i = 0; i < 12; i++) {
        await page.goBack({ waitUntil: 'commit', timeout: 5000 }).catch(() => {});
        // The blank page the browser opened with, before the kiosk: nothing more to go back to.
        if (page.url() === 'about:blank') break;
        const now = await settled(page);
        seen.push(now.url);
        const where = `Back ×${i + 1}: ${now.url}`;
        assert.equal(new URL(now.url).search, '', `${where}: no answer in the address`);
        assert.equal(now.checked, 0, `${where}: no answer ticked`);
        assert.notEqual(now.title, resultsTitle, `${where}: not the results`);
        assert.doesNotMatch(now.text, /Question \d+ sur/, `${where}: no question of the visit`);
      }
      assert.ok(seen.length >= 7, `Back went through every entry of the visit: ${seen.length}`);
      assert.ok(seen.every((u) => new URL(u).pathname === '/fr/quiz'), seen.join('\n'));
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
}
