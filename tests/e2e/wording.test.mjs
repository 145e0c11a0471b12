// What a visitor reads and sees (issue 12, items 6-8), in the served release build: the
// legend's source in the page's language, one term for the person who helps, no internal
// notes, referrals that name an organisation or a place to find one, natural phrasing,
// city-size bands that do not overlap, the metric chooser whole on a phone, the header on one
// row at 820 px, and reasons that say what they mean for the person.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady } from './browser.mjs';
import { FAMILY_QUERY } from './pages.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** Results pages that show every kind of sentence: each eligibility rule, rent, winter. */
const RESULTS = [
  `/fr/resultats?${FAMILY_QUERY}&rent=lt900`.replace('winter=fine', 'winter=milder'),
  '/fr/resultats?v=1&live=region&status=pr',
  '/fr/resultats?v=1&live=mtl&status=born_ca&age=18_35',
  '/fr/resultats?v=1&live=mtl&status=born_qc&age=36plus',
  '/fr/resultats?v=1&live=abroad&csq=no',
  '/fr/resultats?v=1&live=abroad&csq=yes&project=business&savings=yes',
  '/fr/resultats?v=1&live=mtl&status=work&savings=some',
];

async function mainText(page, path) {
  await page.goto(`${BASE}${path}`);
  await appReady(page);
  return (await page.textContent('main')).replace(/\s+/g, ' ');
}

test('the legend source is in the page language (item 6)', async () => {
  const { page, problems } = await openPage(browser.context);
  for (const show of ['job_vacancy_rate', 'rent', 'population', 'employment']) {
    await page.goto(`${BASE}/fr/explorer?show=${show}`);
    await appReady(page);
    const source = await page.textContent('.legend__source');
    assert.doesNotMatch(source, /\bfrom\b|Statistics Canada|third-party|Government of/, `${show}: ${source}`);
  }
  assert.deepEqual(problems, []);
});

test('one term for the counsellor, no internal notes, natural phrasing (item 7)', async () => {
  const { page, problems } = await openPage(browser.context);
  for (const path of RESULTS) {
    const text = await mainText(page, path);
    assert.doesNotMatch(text, /intervenant|un conseiller|conseillère ou conseiller/i, path);
    assert.doesNotMatch(text, /à confirmer par le programme/, path);
    assert.doesNotMatch(text, /À vos 18/, path);
  }
  for (const path of ['/fr/interet', '/fr/regions/estrie', '/fr/explorer?r=05']) {
    const text = await mainText(page, path).catch(async () => {
      await page.goto(`${BASE}${path}`);
      return (await page.textContent('main')).replace(/\s+/g, ' ');
    });
    assert.doesNotMatch(text, /intervenant|un conseiller|conseillère ou conseiller/i, path);
  }
  assert.deepEqual(problems, []);
});

test('every referral names an organisation with a link to it or to where to find one (item 7)', async () => {
  const { page, problems } = await openPage(browser.context);
  let referrals = 0;
  for (const path of RESULTS) {
    await page.goto(`${BASE}${path}`);
    await appReady(page);
    for (const referral of await page.locator('.referral').all()) {
      referrals += 1;
      const link = referral.locator('a[href]');
      assert.equal(await link.count(), 1, `${path}: a referral without a link`);
      assert.ok((await link.textContent()).trim().length > 3, path);
    }
  }
  assert.ok(referrals >= 4, `${referrals} referrals`);
  assert.deepEqual(problems, []);
});

test('the city-size bands do not overlap (item 7)', async () => {
  const { page, problems } = await openPage(browser.context);
  await page.goto(`${BASE}/fr/quiz?v=1&q=size`);
  await appReady(page);
  const hints = (await page.textContent('main')).replace(/\s+/g, ' ');
  const number = (s) => Number(s.replace(/[\s\u00a0\u202f]/g, ''));
  const city = hints.match(/Plus de ([\d\s\u00a0\u202f]+) habitants/);
  const town = hints.match(/De ([\d\s\u00a0\u202f]+) à ([\d\s\u00a0\u202f]+) habitants/);
  assert.ok(city && town, hints);
  assert.ok(number(town[2]) <= number(city[1]), `town up to ${town[2]}, city from ${city[1]}`);
  assert.deepEqual(problems, []);
});

test('on a phone the metric chooser shows its whole choice (item 7)', async () => {
  const phone = await launch({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(phone.context);
    for (const lang of ['fr', 'en']) {
      // With answers, so that the fit is among the choices too.
      await page.goto(`${BASE}/${lang}/explorer?${FAMILY_QUERY}`);
      await appReady(page);
      const select = page.locator('#explorer-show');
      const values = await select.locator('option').evaluateAll((os) => os.map((o) => o.value));
      for (const value of values) {
        await select.selectOption(value);
        const { text, room } = await select.evaluate((el) => {
          const style = getComputedStyle(el);
          const canvas = document.createElement('canvas').getContext('2d');
          canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const text = el.options[el.selectedIndex].text;
          // The text's width against the box less its padding and the arrow (about 1.5em).
          const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)
            - 1.5 * parseFloat(style.fontSize);
          return { text, room, width: canvas.measureText(text).width };
        }).then((r) => ({ text: r.text, room: r.room - r.width }));
        assert.ok(room >= 0, `${lang}: "${text}" is cut by ${-room}px`);
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await phone.close();
  }
});

test('at 820 px the header keeps the language switch on the row of the links (item 7)', async () => {
  const tablet = await launch({ viewport: { width: 820, height: 1180 } });
  try {
    const { page, problems } = await openPage(tablet.context);
    for (const path of ['/fr/quiz', '/en/quiz', '/fr/regions', '/en/regions']) {
      await page.goto(`${BASE}${path}`);
      await page.waitForSelector('.lang-switch');
      const [nav, lang] = await Promise.all([
        page.locator('.site-nav').boundingBox(),
        page.locator('.lang-switch').boundingBox(),
      ]);
      const overlap = Math.min(nav.y + nav.height, lang.y + lang.height) - Math.max(nav.y, lang.y);
      assert.ok(overlap > 0, `${path}: the language switch is on its own row (${JSON.stringify({ nav, lang })})`);
    }
    assert.deepEqual(problems, []);
  } finally {
    await tablet.close();
  }
});

test('reasons say what they mean for the person (item 8)', async () => {
  const { page, problems } = await openPage(browser.context);
  const text = await mainText(page, RESULTS[0]);
  assert.doesNotMatch(text, /Non compté dans le score|citée par un site tiers/);
  assert.match(text, /Pour information seulement : le loyer ne compte pas dans le score, car il manque pour cinq régions/);
  assert.match(text, /SCHL, Enquête sur les logements locatifs d’octobre|SCHL, Enquête sur les logements locatifs d'octobre/);
  const en = await mainText(page, `/en/results?${FAMILY_QUERY}&rent=lt900`);
  assert.doesNotMatch(en, /Not counted in the score|third-party site/);
  assert.deepEqual(problems, []);
});
