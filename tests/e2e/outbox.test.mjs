// A form that waits in the outbox (src/api.rs, src/pages/interest_sent.rs, src/pwa.rs): the
// page and its tab title say "saved on this device" while it waits, then "received", with the
// reference, once it is delivered — in the page and in the status line. And nothing fixed on
// screen covers a control, at phone, tablet and desktop widths, in kiosk mode.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady, axe } from './browser.mjs';
import { fillInterest } from './journeys.mjs';
import { FAMILY_QUERY } from './pages.mjs';

const TOKEN = process.env.EER_E2E_EXPORT_TOKEN;

/** Fills the interest form and sends it while the endpoint cannot be reached. */
async function queueForm(page, email, query = '') {
  await page.route('**/api/interest', (route) => route.abort('internetdisconnected'));
  await page.goto(`${BASE}/fr/interet?${FAMILY_QUERY}&regions=05${query}`);
  await appReady(page);
  await fillInterest(page, email);
  await page.click('form.interest button[type=submit]');
  await page.waitForURL(/\/fr\/interet\/envoye\?queued=1/);
  await page.waitForSelector('main h1');
}

async function exportedRow(email) {
  const res = await fetch(`${BASE}/api/submissions.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  const [header, ...rows] = (await res.text()).replace(/^\uFEFF/, '').split(/\r?\n/);
  const row = rows.find((r) => r.includes(email));
  return row && Object.fromEntries(header.split(',').map((h, i) => [h, row.split(',')[i]]));
}

test('a queued form says it is saved, then received with its reference once delivered', async () => {
  const { context, close } = await launch({ viewport: { width: 390, height: 844 } });
  try {
    const { page, problems } = await openPage(context);
    const email = `outbox.${Date.now()}@example.com`;
    await queueForm(page, email);
    assert.equal((await page.textContent('main h1')).trim(), 'Demande enregistrée sur cet appareil');
    assert.match(await page.title(), /^Demande enregistrée sur cet appareil — /, 'the tab says the same as the heading');
    assert.equal((await page.textContent('.outbox-status')).trim(), '1 demande en attente d’envoi');
    assert.equal(await page.locator('main .reference').count(), 0);
    assert.deepEqual(await axe(page), [], 'axe on the queued page');

    // The connection comes back.
    await page.unroute('**/api/interest');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForFunction(() => document.querySelector('main h1')?.textContent.trim() === 'Demande reçue', null, { timeout: 15000 });
    assert.match(await page.title(), /^Demande reçue — /);
    const reference = (await page.textContent('main .reference')).trim();
    const row = await exportedRow(email);
    assert.ok(row, 'delivered');
    assert.equal(reference, row.reference, 'the page shows the reference the endpoint gave');
    assert.equal((await page.textContent('.outbox-status')).trim(), `Demande envoyée. Numéro de référence : ${reference}`);
    assert.equal(await page.getAttribute('.outbox-status', 'role'), 'status', 'announced');
    assert.equal(await page.locator('main [role=status] .reference').count(), 1, 'announced where it shows');
    // Readable in both states (the confirmation's white text once sat on a white panel).
    assert.deepEqual(await axe(page), [], 'axe on the delivered page');
    assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  } finally {
    await close();
  }
});

/** Pairs of (fixed or sticky element, control) whose boxes overlap on screen now. */
function coveredControls(page) {
  return page.evaluate(() => {
    const visible = (r) => r.width > 1 && r.height > 1 && r.bottom > 0 && r.top < innerHeight;
    const name = (el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')} "${el.textContent.trim().slice(0, 30)}"`;
    const fixed = [...document.querySelectorAll('body *')].filter((el) => {
      const style = getComputedStyle(el);
      return ['fixed', 'sticky'].includes(style.position) && style.visibility !== 'hidden'
        && style.display !== 'none' && visible(el.getBoundingClientRect());
    });
    const controls = [...document.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])')]
      .filter((el) => visible(el.getBoundingClientRect()));
    const out = [];
    for (const f of fixed) {
      const a = f.getBoundingClientRect();
      for (const c of controls) {
        if (f.contains(c) || c.contains(f)) continue;
        const b = c.getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0 && h > 0) out.push(`${name(f)} covers ${name(c)} (${Math.round(w)}×${Math.round(h)})`);
      }
    }
    return out;
  });
}

for (const [size, viewport] of Object.entries({
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1280, height: 900 },
})) {
  test(`kiosk (${size}): nothing fixed covers a control, with a form waiting`, async () => {
    const { context, close } = await launch({ viewport });
    try {
      const { page } = await openPage(context);
      await page.goto(`${BASE}/fr/quiz?mode=kiosk`);
      await appReady(page);
      await queueForm(page, `cover.${size}.${Date.now()}@example.com`);
      await page.waitForSelector('.outbox-status:not(.outbox-status--empty)');
      assert.equal(await page.locator('.kiosk-finish button').count(), 1);
      const pages = [
        [page.url(), null],
        [`${BASE}/fr/resultats?${FAMILY_QUERY}`, 'main h1'],
        [`${BASE}/fr/quiz?v=1&live=mtl&q=status`, 'form.question input'],
      ];
      for (const [url, ready] of pages) {
        if (ready) {
          await page.goto(url);
          await page.waitForSelector(ready);
          await page.waitForSelector('.outbox-status:not(.outbox-status--empty)');
        }
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        for (let y = 0; y <= height; y += Math.floor(viewport.height / 2)) {
          await page.evaluate((top) => window.scrollTo(0, top), y);
          const covered = await coveredControls(page);
          assert.deepEqual(covered, [], `${url} scrolled to ${y}`);
        }
      }
    } finally {
      await close();
    }
  });
}
