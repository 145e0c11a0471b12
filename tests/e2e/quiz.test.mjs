// Journeys through the self-assessment in the served release build: the households of the
// issue, a change from the check page, a reload mid-quiz, a shared link, errors and keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** The question on screen: its id (the inputs' name) and the caption "Question n sur N". */
async function currentQuestion(page) {
  await page.waitForSelector('form.question input');
  const name = await page.getAttribute('form.question input', 'name');
  const caption = await page.textContent('form.question .caption');
  return { name, caption };
}

/**
 * Answers questions until the check page, choosing from `choices` by question id (a value,
 * or several joined by commas, or a number); unlisted questions get their first option.
 * Returns the ids of the questions asked, in order.
 */
async function answerAll(page, choices, { keyboard = false } = {}) {
  const asked = [];
  for (let i = 0; i < 25; i++) {
    if (new URL(page.url()).pathname.match(/\/quiz\/(verifier|check)$/)) return asked;
    const { name } = await currentQuestion(page);
    asked.push(name);
    const wanted = choices[name];
    const type = await page.getAttribute('form.question input', 'type');
    if (type === 'text') {
      await page.fill(`input[name="${name}"]`, String(wanted ?? 0));
    } else {
      const values = wanted ? String(wanted).split(',') : [await page.getAttribute('form.question input', 'value')];
      for (const v of values) {
        const input = page.locator(`input[name="${name}"][value="${v}"]`);
        if (keyboard) {
          await input.focus();
          await page.keyboard.press('Space');
        } else {
          await input.check();
        }
      }
    }
    const before = page.url();
    if (keyboard) {
      await page.keyboard.press('Enter');
    } else {
      await page.click('form.question button[type=submit]');
    }
    await page.waitForURL((u) => u.toString() !== before);
  }
  throw new Error(`the quiz did not end: ${asked.join(', ')}`);
}

async function startQuiz(page, lang = 'fr') {
  await page.goto(`${BASE}/${lang}/quiz`);
  await appReady(page);
  await page.click('a.button--start');
}

async function seeResults(page) {
  await page.click('main a.button');
  await page.waitForURL(/\/(resultats|results)\?/);
  await page.waitForSelector('.fit');
}

const FAMILY = {
  live: 'mtl', status: 'pr', project: 'job', field: 'health', french: 'work', diploma: 'in_progress',
  spouse: 'job', spouse_field: 'education', children: 2, licence: 'qc', savings: 'some',
  size: 'town', distance: 'mid', english: 'no', winter: 'fine', rent: '900_1200',
};

test('an eligible household in Montréal, with a spouse and children', async () => {
  const { page, problems } = await openPage(browser.context);
  await startQuiz(page);
  const first = await currentQuestion(page);
  assert.match(first.caption, /^Question 1 sur \d+$/);
  const asked = await answerAll(page, FAMILY);
  assert.ok(asked.includes('spouse_field'), 'a spouse with a job plan gets the spouse questions');
  assert.ok(!asked.includes('csq'), 'no CSQ question for someone living in Montréal');
  assert.match(await page.textContent('main h1'), /Vérifiez vos réponses/);
  await seeResults(page);
  assert.match(await page.textContent('.outcome__label'), /Admissible/);
  assert.equal(await page.locator('.fit').count(), 5);
  const firstCard = await page.textContent('.fit');
  assert.match(firstCard, /\d+\/100/);
  // Figures come with their year and source, in the page's language.
  const reasons = await page.locator('.fit__reasons li').allTextContents();
  const cited = reasons.filter((r) => /\d/.test(r) && /\((19|20)\d\d/.test(r));
  assert.ok(cited.length >= 5, `figures with year and source: ${reasons.join(' | ')}`);
  assert.ok(reasons.every((r) => !/third party|from Statistics Canada/.test(r)), 'no English in French reasons');
  assert.ok(await page.locator('.checklist').count() > 0, 'the readiness checklist');
  const form = await page.getAttribute('.call a.button', 'href');
  assert.match(form, /^\/fr\/interet\?v=1&.*regions=\d\d,\d\d,\d\d/);
  assert.deepEqual(problems, []);
});

test('a CSQ holder abroad is told of the pre-departure pilot, to confirm', async () => {
  const { page, problems } = await openPage(browser.context);
  await startQuiz(page, 'en');
  const asked = await answerAll(page, { ...FAMILY, live: 'abroad', csq: 'yes', spouse: 'no' });
  assert.ok(asked.includes('csq'), 'living abroad asks about the CSQ');
  assert.ok(!asked.includes('status') && !asked.includes('spouse_field'));
  await seeResults(page);
  // A 2023-2024 pilot on referral by the ministry: "to confirm", not "eligible" (issue 19).
  assert.match(await page.textContent('.outcome__label'), /To confirm/);
  assert.match(await page.textContent('.outcome'), /pilot project .*2023-2024/i);
  assert.deepEqual(problems, []);
});

test('a person born in Québec gets a referral, not a bare no', async () => {
  const { page } = await openPage(browser.context);
  await startQuiz(page);
  const asked = await answerAll(page, { ...FAMILY, status: 'born_qc', age: '18_35' });
  assert.ok(asked.includes('age'));
  await seeResults(page);
  assert.match(await page.textContent('.outcome__label'), /autre service/);
  const referral = await page.textContent('.referral');
  assert.match(referral, /Place aux jeunes/);
  assert.ok(await page.getAttribute('.referral a', 'href'));
});

test('changing an answer from the check page comes back to it', async () => {
  const { page } = await openPage(browser.context);
  await startQuiz(page);
  await answerAll(page, { ...FAMILY, spouse: 'no' });
  const checkUrl = page.url();
  assert.doesNotMatch(await page.textContent('.summary-list'), /Enseignement/);
  // Change "spouse" to a job plan: the newly relevant spouse_field question comes next.
  await page.click('.summary-list__row:has(a[href*="q=spouse&"]) a');
  await page.check('input[name="spouse"][value="job"]');
  await page.click('form.question button[type=submit]');
  await page.waitForURL(/q=spouse_field/);
  await page.check('input[name="spouse_field"][value="education"]');
  await page.click('form.question button[type=submit]');
  await page.waitForURL(/\/fr\/quiz\/verifier\?/);
  assert.notEqual(page.url(), checkUrl);
  assert.match(await page.textContent('.summary-list'), /Enseignement/);
});

test('a reload in the middle of the quiz loses nothing', async () => {
  const { page } = await openPage(browser.context);
  await startQuiz(page);
  await page.check('input[name="live"][value="mtl"]');
  await page.click('form.question button[type=submit]');
  await page.waitForURL(/q=status/);
  await page.check('input[name="status"][value="citizen"]');
  await page.click('form.question button[type=submit]');
  await page.waitForURL(/q=project/);
  await page.reload();
  await appReady(page);
  assert.equal((await currentQuestion(page)).name, 'project');
  assert.match((await currentQuestion(page)).caption, /^Question 3 sur/);
  await page.click('a.back-link');
  await page.waitForURL(/q=status/);
  assert.equal(await page.isChecked('input[name="status"][value="citizen"]'), true);
  // The browser's back button too.
  await page.goBack();
  await page.waitForURL(/q=project/);
  await page.goBack();
  await page.waitForURL(/q=status/);
  assert.equal(await page.isChecked('input[name="status"][value="citizen"]'), true);
});

test('a shared link reopens the same results elsewhere', async () => {
  const { page } = await openPage(browser.context);
  await startQuiz(page);
  await answerAll(page, FAMILY);
  await seeResults(page);
  const link = await page.inputValue('#share-link');
  assert.equal(link, page.url());
  const names = await page.locator('.fit__name').allTextContents();
  assert.ok(await page.locator('svg.qr path').count() === 1, 'a QR code is drawn');
  const other = await launch();
  try {
    const { page: p2 } = await openPage(other.context);
    await p2.goto(link);
    await p2.waitForSelector('.fit');
    assert.deepEqual(await p2.locator('.fit__name').allTextContents(), names);
  } finally {
    await other.close();
  }
});

test('Continue without an answer shows the error summary, focused, linking to the field', async () => {
  const { page } = await openPage(browser.context);
  await startQuiz(page);
  await page.click('form.question button[type=submit]');
  await page.waitForSelector('.error-summary:not([hidden])');
  assert.equal(await page.evaluate(() => document.activeElement?.classList.contains('error-summary')), true);
  assert.match(await page.title(), /^Erreur/);
  assert.match(await page.textContent('.error-message'), /Choisissez une réponse/);
  await page.click('.error-summary a');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q-live-0');
});

test('the whole quiz works with the keyboard alone', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/quiz`);
  await appReady(page);
  await page.focus('a.button--start');
  await page.keyboard.press('Enter');
  await answerAll(page, FAMILY, { keyboard: true });
  await page.focus('main a.button');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.fit');
  assert.match(await page.textContent('.outcome__label'), /Admissible/);
});
