// The interest form in the served release build, against the real endpoint and SQLite:
// prefilled from the quiz; errors the GOV.UK way with nothing typed lost; a submission
// received and exported once; offline, queued in the outbox and delivered exactly once when
// the network returns.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady } from './browser.mjs';
import { fillInterest } from './journeys.mjs';
import { FAMILY_QUERY } from './pages.mjs';

const TOKEN = process.env.EER_E2E_EXPORT_TOKEN;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The counsellors' CSV export, as rows of the header's columns. */
async function exported() {
  const res = await fetch(`${BASE}/api/submissions.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  return res.text();
}

test('the form is prefilled from the quiz and the chosen regions', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/interet?${FAMILY_QUERY}&regions=05,02,17`);
  await appReady(page);
  assert.equal(await page.isChecked('input[name="situation.residence"][value="montreal"]'), true);
  assert.equal(await page.isChecked('input[name="project.kind"][value="job"]'), true);
  for (const code of ['05', '02', '17']) {
    assert.equal(await page.isChecked(`input[name="regions"][value="${code}"]`), true, code);
  }
  assert.equal(await page.isChecked('input[name="regions"][value="03"]'), false);
  assert.equal(await page.inputValue('#f-situation-adults'), '2');
  assert.equal(await page.inputValue('#f-situation-children'), '2');
  // Consents are never ticked in advance (Law 25).
  assert.equal(await page.isChecked('#f-consent-contact'), false);
  assert.equal(await page.isChecked('#f-consent-share-with-partner'), false);
  // The honeypot is off screen, hidden from assistive technology and out of the tab order.
  const box = await page.locator('#f-website').boundingBox();
  assert.ok(box.x + box.width <= 0, `the honeypot is off screen: ${JSON.stringify(box)}`);
  assert.equal(await page.getAttribute('.honeypot', 'aria-hidden'), 'true');
  assert.equal(await page.getAttribute('#f-website', 'tabindex'), '-1');
  assert.deepEqual(problems, []);
});

test('errors are listed, focused, specific, and nothing typed is lost', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/interet`);
  await appReady(page);
  await page.fill('#f-contact-first-name', 'Amina');
  await page.fill('#f-contact-email', 'amina.example.com');
  await page.click('form.interest button[type=submit]');
  await page.waitForSelector('.error-summary:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /courriel/i);
  assert.match(summary, /Cochez la case/);
  assert.doesNotMatch(summary, /prénom/i, 'the filled first name is not in error');
  assert.equal(await page.inputValue('#f-contact-first-name'), 'Amina');
  assert.equal(await page.inputValue('#f-contact-email'), 'amina.example.com');
  await page.click('.error-summary a[href="#f-contact-email"]');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'f-contact-email');
  assert.equal(await page.getAttribute('#f-contact-email', 'aria-invalid'), 'true');
});

test('a valid form is received, with a reference, and exported once', async () => {
  const { page, problems } = await openPage(browser.context);
  const email = `amina.${Date.now()}@example.com`;
  await page.goto(`${BASE}/fr/interet?${FAMILY_QUERY}&regions=05`);
  await appReady(page);
  await fillInterest(page, email);
  await page.check('#f-consent-share-with-partner');
  await page.click('form.interest button[type=submit]');
  await page.waitForURL(/\/fr\/interet\/envoye\?ref=/);
  assert.match(await page.textContent('.reference'), /^EER-\d+/);
  // No callback delay is promised unless the organisations configure one (the default).
  await page.waitForFunction(() => /Une personne conseillère vous joindra/.test(document.querySelector('main').textContent));
  assert.doesNotMatch(await page.textContent('main'), /jours ouvrables|bientôt/);
  const csv = await exported();
  assert.equal(csv.split(email).length - 1, 1, 'stored exactly once');
  assert.deepEqual(problems, []);
});

test('offline, the form waits in the outbox and arrives exactly once when back online', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openPage(context);
    const email = `offline.${Date.now()}@example.com`;
    await page.goto(`${BASE}/en/interest?regions=02`);
    await appReady(page);
    await fillInterest(page, email);
    await context.setOffline(true);
    await page.click('form.interest button[type=submit]');
    await page.waitForURL(/\/en\/interest\/sent\?queued=1/);
    assert.match(await page.textContent('main h1'), /saved on this device/);
    assert.match(await page.textContent('main [role=status]'), /: 1$/);
    assert.equal((await exported()).includes(email), false, 'not received while offline');
    await context.setOffline(false);
    // Delivered: the page becomes the confirmation, with the reference the endpoint gave.
    await page.waitForFunction(() => document.querySelector('main h1').textContent.trim() === 'Request received', null, { timeout: 15000 });
    const csv = await exported();
    assert.equal(csv.split(email).length - 1, 1, 'delivered exactly once');
    const row = csv.split('\n').find((line) => line.includes(email));
    assert.equal((await page.textContent('main .reference')).trim(), row.split(',')[0]);
    // Another flush (a reload starts one) sends nothing twice.
    await page.reload();
    await appReady(page);
    await page.waitForTimeout(500);
    assert.equal((await exported()).split(email).length - 1, 1);
  } finally {
    await close();
  }
});
