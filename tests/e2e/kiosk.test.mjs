// Kiosk mode and offline use in the served release build (src/kiosk.rs, src/pwa.rs,
// public/sw.js): the idle warning and the full reset, with short delays that only a loopback
// host accepts (`&idle=2&warn=4`; elsewhere at least 30 s and 20 s); the warning's
// accessibility; links that would leave the app; and a journey with the network cut, served
// by the service worker, ending in a queued form delivered exactly once.
//
// EER_KIOSK_SHOTS=<dir> also saves screenshots of the warning and a kiosk page at 1024×768.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, launch, openPage, appReady, axe } from './browser.mjs';
import { fillInterest } from './journeys.mjs';
import { FAMILY_QUERY } from './pages.mjs';

const TOKEN = process.env.EER_E2E_EXPORT_TOKEN;
const SHOTS = process.env.EER_KIOSK_SHOTS;
const TABLET = { viewport: { width: 1024, height: 768 } };

async function exported() {
  const res = await fetch(`${BASE}/api/submissions.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  return res.text();
}

async function shot(page, name, fullPage = false) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

/** Every key of both storages. */
function storageKeys(page) {
  return page.evaluate(() => ({
    local: Object.keys(localStorage).sort(),
    session: Object.keys(sessionStorage).sort(),
  }));
}

test('idle: a warning with one tap to continue, then a full reset for the next visitor', async () => {
  const { context, close } = await launch(TABLET);
  try {
    const { page, problems } = await openPage(context);
    await page.goto(`${BASE}/fr/quiz?mode=kiosk&idle=2&warn=4`);
    await appReady(page);
    assert.equal(new URL(page.url()).search.includes('mode='), false, 'the mode leaves the address');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true);

    // A visitor's journey: results in the address, something in each storage, an unsent form.
    await page.goto(`${BASE}/fr/resultats?${FAMILY_QUERY}`);
    await appReady(page);
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true, 'the mode survives a full load');
    const resultsTitle = await page.textContent('main h1');
    // One more page, so that Back after the reset would reach the results.
    await page.goto(`${BASE}/fr/explorer?${FAMILY_QUERY}`);
    await appReady(page);
    // (Set after the last load, which would try to send the outbox: a stand-in the endpoint
    // refuses would leave it.)
    await page.evaluate(() => {
      localStorage.setItem('eer.visitor', 'answers');
      sessionStorage.setItem('eer.visitor', 'answers');
      localStorage.setItem('eer.outbox', '[{"key":"kiosk-test-key-0001","body":"{}"}]');
    });

    const dialog = page.locator('[role=alertdialog]');
    await dialog.waitFor({ timeout: 6000 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'idle-warning-continue', 'focus moves into the warning');
    assert.match(await dialog.textContent(), /[1-4] secondes/);
    assert.equal(await page.getAttribute('#main', 'inert'), '', 'the page behind is inert');
    await page.click('#idle-warning-continue');
    await dialog.waitFor({ state: 'detached' });
    assert.match(page.url(), /explorer\?.*live=mtl/, 'continue keeps the visit');
    assert.equal(await page.getAttribute('#main', 'inert'), null);

    // Now nobody answers: the warning comes back and runs out.
    await dialog.waitFor({ timeout: 6000 });
    await page.waitForURL((u) => u.pathname === '/fr/quiz' && !u.search.includes('live='), { timeout: 10000 });
    await appReady(page);
    const keys = await storageKeys(page);
    assert.deepEqual(keys.local, ['eer.outbox'], 'only the outbox is left in local storage');
    assert.deepEqual(keys.session, ['eer.kiosk', 'eer.mode'], 'only the kiosk mode is left in session storage');
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('kiosk')), true, 'still a kiosk');

    // (The stand-in outbox entry has done its work: a full app page would try to send it.)
    await page.evaluate(() => localStorage.removeItem('eer.outbox'));
    // Back does not bring the previous visitor's answers back.
    await page.goBack().catch(() => {});
    await page.waitForURL((u) => u.pathname === '/fr/quiz', { timeout: 10000 });
    await appReady(page);
    assert.equal(page.url().includes('live=mtl'), false);
    assert.notEqual(await page.textContent('main h1'), resultsTitle);
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('the idle warning is an accessible dialog (axe)', async () => {
  const { context, close } = await launch(TABLET);
  try {
    const { page } = await openPage(context);
    await page.goto(`${BASE}/fr/explorer?mode=kiosk&idle=3&warn=60`);
    await appReady(page);
    await shot(page, 'kiosk-explorer-fr');
    const dialog = page.locator('[role=alertdialog]');
    await dialog.waitFor({ timeout: 5000 });
    assert.equal(await dialog.getAttribute('aria-modal'), 'true');
    assert.ok(await dialog.getAttribute('aria-labelledby'));
    assert.equal(await page.locator('[role=alertdialog] [aria-live=polite]').count(), 1);
    const button = await page.locator('#idle-warning-continue').boundingBox();
    assert.ok(button.height >= 44 && button.width >= 44, `Continue is ${button.width}×${button.height}`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'idle-warning-continue', 'Tab stays in the dialog');
    await shot(page, 'kiosk-idle-warning-fr');
    const violations = await axe(page);
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  } finally {
    await close();
  }
});

test('in kiosk mode, links that leave the app do nothing; targets are at least 44 px', async () => {
  const { context, close } = await launch(TABLET);
  try {
    const { page, hosts } = await openPage(context);
    await page.goto(`${BASE}/fr/resultats?${FAMILY_QUERY}&mode=kiosk`);
    await appReady(page);
    await shot(page, 'kiosk-results-fr', true);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = '<a id="out" href="https://example.org/">ailleurs</a> '
        + '<a id="mail" href="mailto:info@example.org">courriel</a> '
        + '<a id="tab" href="/fr/explorer" target="_blank">onglet</a>';
      document.querySelector('main').append(p);
    });
    const before = page.url();
    for (const id of ['out', 'mail', 'tab']) {
      assert.equal(await page.$eval(`#${id}`, (a) => getComputedStyle(a).pointerEvents), 'none', id);
      // From the keyboard (or a script), the click is stopped too.
      await page.focus(`#${id}`);
      await page.keyboard.press('Enter');
      await page.$eval(`#${id}`, (a) => a.click());
    }
    await page.waitForTimeout(300);
    assert.equal(page.url(), before);
    assert.equal(context.pages().length, 1, 'no new window');
    assert.deepEqual([...hosts], ['127.0.0.1']);
    // Every button and stand-alone link is a large enough target.
    const small = await page.$$eval('main .button, main button, .site-header a', (els) => els
      .filter((el) => el.offsetParent !== null)
      .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect().height])
      .filter(([, h]) => h < 44));
    assert.deepEqual(small, []);
  } finally {
    await close();
  }
});

test('offline: the quiz, the explorer and the form load from the service worker; the form arrives once', async () => {
  const { context, close } = await launch(TABLET);
  try {
    const { page } = await openPage(context);
    await page.goto(`${BASE}/fr/quiz?mode=kiosk`);
    await appReady(page);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 15000 });

    await context.setOffline(true);
    await page.reload();
    await appReady(page);
    // Answer the first question from the cached quiz.
    await page.click('a.button--start');
    await page.waitForSelector('form.question input');
    await page.check('form.question input >> nth=0');
    const before = page.url();
    await page.click('form.question button[type=submit]');
    await page.waitForURL((u) => u.toString() !== before);

    await page.goto(`${BASE}/fr/explorer`);
    await appReady(page);
    assert.match(await page.textContent('main h1'), /région/i);

    const email = `kiosk.${Date.now()}@example.com`;
    await page.goto(`${BASE}/fr/interet?${FAMILY_QUERY}&regions=05`);
    await appReady(page);
    await fillInterest(page, email);
    await page.click('form.interest button[type=submit]');
    await page.waitForURL(/\/fr\/interet\/envoye\?queued=1/);
    await page.waitForSelector('.outbox-status:not(.outbox-status--empty)');
    assert.equal((await page.textContent('.outbox-status')).trim(), '1 demande en attente d’envoi');
    // The end of a kiosk visit: a QR code of the results (answers only) and "Finish".
    assert.equal(await page.locator('.kiosk-finish svg.qr').count(), 1);
    assert.equal(await page.locator('.kiosk-finish button').count(), 1);
    await shot(page, 'kiosk-queued-fr', true);
    assert.equal((await exported()).includes(email), false, 'not received while offline');

    await context.setOffline(false);
    // Delivered: the status line gives the reference in place of the count.
    await page.waitForFunction(() => /Numéro de référence : EER-/.test(document.querySelector('.outbox-status').textContent), null, { timeout: 40000 });
    const csv = await exported();
    assert.equal(csv.split(email).length - 1, 1, 'delivered exactly once');
    const row = csv.split('\n').find((line) => line.includes(email));
    assert.match(row, /(^|,)kiosk(,|\r?$)/, 'recorded as coming from a kiosk');
    // Finish wipes the visit but not the (now empty) outbox; nothing is sent twice.
    await page.click('.kiosk-finish button');
    await page.waitForURL((u) => u.pathname === '/fr/quiz', { timeout: 10000 });
    await appReady(page);
    await page.waitForTimeout(500);
    assert.equal((await exported()).split(email).length - 1, 1);
  } finally {
    await close();
  }
});
