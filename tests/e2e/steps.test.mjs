// Each step starts at the top, its heading focused (so a screen reader announces the new
// question) on a phone: every question of the quiz, the check page, a Back link, the browser's
// Back, and the form's error summary (src/nav.rs: a new step is a new screen; src/app.rs moves
// focus to the heading; the error summary takes focus itself).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady } from './browser.mjs';
import { answerFirst } from './journeys.mjs';

const PHONE = { viewport: { width: 390, height: 844 } };
let browser;
before(async () => { browser = await launch(PHONE); });
after(async () => { await browser.close(); });

/** Waits until `selector` has the focus; returns where it is on the screen. */
async function focusedInView(page, selector, where) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return el && document.activeElement === el;
  }, selector, { timeout: 5000 }).catch(async () => {
    const active = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
    assert.fail(`${where}: ${selector} does not have the focus (${active})`);
  });
  const box = await page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: innerHeight, scroll: scrollY };
  }, selector);
  // Its top on screen (a long error summary may go on below the fold).
  assert.ok(box.top >= 0 && box.top < box.height - 40, `${where}: ${selector} is off screen (${JSON.stringify(box)})`);
  return box;
}

test('phone: every question, the check page and Back start at the top, heading focused', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/quiz`);
  await appReady(page);
  await page.click('a.button--start');
  let steps = 0;
  while (!new URL(page.url()).pathname.endsWith('/verifier')) {
    await page.waitForSelector('form.question input');
    const name = await page.getAttribute('form.question input', 'name');
    await focusedInView(page, 'main h1', `question ${name}`);
    // One Tab from the heading reaches the first answer.
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement?.tagName === 'INPUT'
      && document.activeElement.closest('form.question') !== null), `question ${name}: one Tab to the answers`);
    await answerFirst(page);
    steps += 1;
    assert.ok(steps < 25, 'the quiz ends');
  }
  assert.ok(steps >= 8, `${steps} questions`);
  await focusedInView(page, 'main h1', 'the check page');

  // A change from the check page, then its Back link (in place), then the browser's Back.
  await page.click('main a[href*="q="] >> nth=0');
  await page.waitForSelector('form.question input');
  await focusedInView(page, 'main h1', 'a change from the check page');
  await page.goBack();
  await page.waitForURL(/\/verifier/);
  await focusedInView(page, 'main h1', 'Back to the check page');
  await page.goto(`${BASE}/fr/quiz?v=1&live=mtl&status=pr&q=project`);
  await appReady(page);
  await page.click('a.back-link');
  await page.waitForURL(/q=status/);
  await focusedInView(page, 'main h1', 'the Back link');
  await page.goBack();
  await page.waitForURL(/q=project/);
  await focusedInView(page, 'main h1', 'the browser’s Back');
  assert.deepEqual(problems, []);
});

test('phone: a question sent without an answer shows the error summary, focused, in view', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/quiz?v=1&live=mtl&status=pr&q=project`);
  await appReady(page);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.click('form.question button[type=submit]');
  await focusedInView(page, '.error-summary', 'the question’s error summary');
});

test('phone: the interest form sent with errors shows the error summary, focused, in view', async () => {
  const { page } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/interet`);
  await appReady(page);
  await page.click('form.interest button[type=submit]');
  await focusedInView(page, '.error-summary', 'the form’s error summary');
});
