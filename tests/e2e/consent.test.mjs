// Consent to send the quiz answers with the interest form (src/pages/interest_answers.rs,
// Law 25 s. 14): a separate, unticked box with a preview of exactly what goes, in words, and a
// way to leave any answer out. What the endpoint stored is read back through the counsellors'
// export, as a counsellor would; the success page says how to use the reference.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady, axe } from './browser.mjs';
import { fillInterest } from './journeys.mjs';
import { FAMILY_QUERY } from './pages.mjs';

const TOKEN = process.env.EER_E2E_EXPORT_TOKEN;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The exported record with this email, as an object of the header's columns. */
async function storedRecord(email) {
  const res = await fetch(`${BASE}/api/submissions.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ''));
  const found = rows.filter((r) => r.includes(email));
  assert.equal(found.length, 1, `one record for ${email}`);
  return Object.fromEntries(header.map((name, i) => [name, found[0][i]]));
}

test('box left unticked: the form is received without any quiz answer', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/interet?${FAMILY_QUERY}&regions=05`);
  await appReady(page);
  // The box is there, unticked, with the preview of what it would send.
  assert.equal(await page.isChecked('#f-consent-answers'), false, 'never ticked in advance');
  assert.match(await page.textContent('#answers-preview'), /Rien de cette liste n’est envoyé sans elle/);
  const email = `sans-reponses-${Date.now()}@example.org`;
  await fillInterest(page, email);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/fr\/interet\/envoye\?ref=/);
  const record = await storedRecord(email);
  assert.equal(record.answers, '', 'no answers stored without the box');
  assert.equal(record.residence !== '', true, 'the form’s own fields are stored');
  assert.deepEqual(problems, []);
});

test('box ticked, one answer left out: exactly the previewed answers are stored', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/en/interest?${FAMILY_QUERY}&regions=05`);
  await appReady(page);
  // The preview gives each answer in words, in the page's language, from the questionnaire.
  const preview = await page.textContent('#answers-preview');
  assert.match(preview, /What monthly rent can you afford\?\s*\$900 to \$1,200/);
  assert.match(await page.textContent('label[for=f-answer-savings]'), /Some, but not enough/);
  assert.equal(await page.isChecked('#f-answer-savings'), true, 'every answer is in by default');
  await page.check('#f-consent-answers');
  assert.match(await page.textContent('#answers-preview'), /exactly what will be sent/);
  assert.deepEqual(await axe(page), [], 'the box and the preview pass axe-core');
  // Leave the savings out.
  await page.uncheck('#f-answer-savings');
  const email = `sans-epargne-${Date.now()}@example.org`;
  await fillInterest(page, email);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/en\/interest\/sent\?ref=/);
  const record = await storedRecord(email);
  assert.match(record.answers, /(^|&)live=mtl(&|$)/, 'the answers kept are stored');
  assert.match(record.answers, /(^|&)rent=900_1200(&|$)/);
  assert.doesNotMatch(record.answers, /savings=/, 'the answer left out is not stored');

  // The success page: the reference and how to use it for access, correction or deletion.
  const reference = (await page.textContent('.reference')).trim();
  assert.equal(reference, record.reference);
  const rights = await page.textContent('main');
  assert.match(rights, /Your rights over your information/);
  assert.match(rights, /corrected or have it deleted/);
  assert.equal(await page.getAttribute('a:has-text("Who to contact")', 'href'), '/en/privacy');
  assert.deepEqual(problems, []);
});
