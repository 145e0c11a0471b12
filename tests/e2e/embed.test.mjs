// The app embedded on a partner's website by the one-line loader (`/embed.js`): the demo
// partner page (tests/embed/server.mjs) on another loopback origin (`localhost` instead of
// 127.0.0.1), started beside the app as `cargo xtask run` starts it (xtask/src/partner_demo.rs;
// EER_E2E_PARTNER_ORIGIN, set by `cargo xtask test`; http://localhost:8081 beside a
// `cargo xtask run`), its origin listed in EER_ALLOWED_ORIGINS. The tests serve the same page
// on the next port: an origin that is not on the list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, appReady, axe } from './browser.mjs';
import { servePartner } from '../embed/server.mjs';

const TOKEN = process.env.EER_E2E_EXPORT_TOKEN;
const PARTNER = process.env.EER_E2E_PARTNER_ORIGIN ?? 'http://localhost:8081';
const PORT = Number(new URL(PARTNER).port);
const UNLISTED = `http://localhost:${PORT + 1}`;
const APP = new URL(BASE).origin;

let browser;
const closers = [];
before(async () => {
  // Without the partner origin on the endpoint's list every test below would fail obscurely.
  const csp = (await fetch(`${BASE}/`)).headers.get('content-security-policy') ?? '';
  assert.match(csp, new RegExp(`frame-ancestors [^;]*${PARTNER.replace(/[.]/g, '\\.')}`),
    `start the endpoint with EER_ALLOWED_ORIGINS=${PARTNER} (the tests' partner origin)`);
  closers.push(await servePartner(PORT + 1, APP));
  browser = await launch();
});
after(async () => {
  await browser.close();
  for (const close of closers) await close();
});

/** Every `Set-Cookie` the page's requests got back, from any origin. */
function watchCookies(page) {
  const seen = [];
  page.on('response', async (response) => {
    const headers = await response.allHeaders().catch(() => ({}));
    if (headers['set-cookie']) seen.push(`${response.url()}: ${headers['set-cookie']}`);
  });
  return seen;
}

test('the start-up serves a demo partner page that embeds the app', async () => {
  // Served by the start-up itself (`cargo xtask run` / `test`), not by this file.
  const res = await fetch(`${PARTNER}/?show=quiz&lang=fr&partner=demo`);
  assert.equal(res.status, 200);
  assert.match(await res.text(), new RegExp(`src="${APP.replace(/[.]/g, '\\.')}/embed\\.js"`));
  const page = await browser.context.newPage();
  const { frame } = await openEmbed(page, { show: 'quiz', lang: 'fr', partner: 'demo' });
  assert.match(await frame.textContent('main h1'), /autoévaluation|quiz/i);
  await page.close();
});

test('the snippet copied from the partners page works as it is on a partner’s site', async () => {
  for (const [lang, path] of [['fr', '/fr/partenaires'], ['en', '/en/partners']]) {
    const html = await (await fetch(`${BASE}${path}`)).text();
    const code = html.match(/<pre class="code"[^>]*><code>([\s\S]*?)<\/code><\/pre>/);
    assert.ok(code, `${path} shows a snippet`);
    const snippet = code[1].replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
      .replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    // Absolute, at the origin the page was served from: pasted elsewhere it still loads the app.
    assert.match(snippet, new RegExp(`^<script src="${APP.replace(/[.]/g, '\\.')}/embed\\.js"`), snippet);
    const page = await browser.context.newPage();
    // A partner's own page (its origin is on the endpoint's list) with the snippet pasted in.
    await page.goto(`${PARTNER}/partner.css`);
    await page.setContent(`<!doctype html><html lang="${lang}"><head><title>Partner</title></head>`
      + `<body><h1>Partner</h1>${snippet}</body></html>`);
    assert.equal(new URL(page.url()).origin, PARTNER);
    const handle = await page.waitForSelector('iframe.eer-embed', { timeout: 15000 });
    const frame = await handle.contentFrame();
    await appReady(frame);
    assert.equal(new URL(frame.url()).origin, APP);
    await page.close();
  }
});

/** Opens the partner page with the loader's options; returns the app's frame once it runs. */
async function openEmbed(page, options, origin = PARTNER) {
  await page.goto(`${origin}/?${new URLSearchParams(options)}`);
  const handle = await page.waitForSelector('iframe.eer-embed');
  const frame = await handle.contentFrame();
  await appReady(frame);
  return { handle, frame };
}

/** Waits until the iframe is as tall as its content (the last `eer:height` was applied). */
async function settledHeight(page, frame) {
  await page.waitForFunction(() => window.eerMessages.some((m) => m.data?.type === 'eer:height'));
  let previous = -1;
  for (let i = 0; i < 50; i++) {
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await page.evaluate(() => document.querySelector('iframe.eer-embed').getBoundingClientRect().height);
    if (Math.abs(outer - content) <= 1 && outer === previous) return outer;
    previous = outer;
    await page.waitForTimeout(100);
  }
  assert.fail('the iframe never took its content’s height');
}

/** No scrollbar inside the frame: the frame shows all of its content, in both directions. */
async function assertNoInnerScroll(frame) {
  const box = await frame.evaluate(() => {
    const root = document.documentElement;
    return { sh: root.scrollHeight, ch: root.clientHeight, sw: root.scrollWidth, cw: root.clientWidth };
  });
  assert.ok(box.sh <= box.ch, `vertical: content ${box.sh} > frame ${box.ch}`);
  assert.ok(box.sw <= box.cw, `horizontal: content ${box.sw} > frame ${box.cw}`);
}

/** The counsellors' CSV export, parsed (quoted cells with commas or quotes included). */
async function exported() {
  const res = await fetch(`${BASE}/api/submissions.csv`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(res.status, 200);
  const text = (await res.text()).replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

test('a partner page embeds the explorer on one region, in English, themed and sized', async () => {
  const { page, problems } = await openPage(browser.context);
  const cookies = watchCookies(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { frame } = await openEmbed(page, { show: 'region', region: '05', lang: 'en', partner: 'cdc-estrie', accent: '#006633' });
  const src = new URL(frame.url());
  assert.equal(src.origin, APP);
  assert.equal(src.pathname, '/en/explorer');
  assert.equal(src.searchParams.get('r'), '05');
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('partner'), 'cdc-estrie');
  await frame.waitForSelector('#panel-title:text("Estrie")');
  assert.equal(await frame.getAttribute('html', 'lang'), 'en');
  assert.equal(await frame.evaluate(() => document.documentElement.classList.contains('embed')), true);
  assert.equal(
    await frame.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--eer-accent').trim()),
    '#006633',
  );
  assert.equal(await page.getAttribute('iframe.eer-embed', 'title'), 'Emplois en régions: settling in Québec’s regions');

  const first = await settledHeight(page, frame);
  await assertNoInnerScroll(frame);
  // Messages come only from the app's origin, with the versioned shape.
  const messages = await page.evaluate(() => window.eerMessages);
  for (const m of messages) {
    assert.equal(m.origin, APP);
    assert.equal(m.data.version, 1);
    assert.match(m.data.type, /^eer:(ready|height|page)$/);
  }

  // Content grows and shrinks: the frame follows both ways.
  await frame.evaluate(() => {
    const tall = document.createElement('div');
    tall.id = 'tall';
    tall.style.height = '1500px';
    document.querySelector('main').append(tall);
  });
  const grown = await settledHeight(page, frame);
  assert.ok(Math.abs(grown - first - 1500) <= 2, `grew from ${first} to ${grown}`);
  await frame.evaluate(() => document.getElementById('tall').remove());
  assert.equal(await settledHeight(page, frame), first);

  // A data-sources link instead of the attributions, and it leaves the frame for a new tab.
  assert.equal(await frame.isVisible('.attributions'), false);
  const sources = frame.locator('.site-footer__sources a');
  const [tab] = await Promise.all([browser.context.waitForEvent('page'), sources.click()]);
  await tab.waitForLoadState();
  assert.match(tab.url(), /\/en\/sources/);
  await tab.close();
  assert.equal(new URL(frame.url()).pathname, '/en/explorer');

  assert.equal(await page.evaluate(() => document.cookie), '');
  assert.equal(await frame.evaluate(() => document.cookie), '');
  assert.deepEqual(cookies, []);
  assert.deepEqual(problems, []);
});

test('a submission made inside the embed records the channel and the partner', async () => {
  const { page, problems } = await openPage(browser.context);
  const cookies = watchCookies(page);
  const { frame } = await openEmbed(page, { show: 'region', region: '05', lang: 'en', partner: 'cdc-estrie' });
  await frame.waitForSelector('#panel-title:text("Estrie")');
  const before = await settledHeight(page, frame);
  // In-app navigation keeps the embed's keys in the address.
  await frame.click('.panel a.button');
  await frame.waitForSelector('form.interest');
  const url = new URL(frame.url());
  assert.equal(url.pathname, '/en/interest');
  assert.equal(url.searchParams.get('partner'), 'cdc-estrie');
  assert.equal(url.searchParams.get('embed'), '1');
  const formHeight = await settledHeight(page, frame);
  assert.notEqual(formHeight, before, 'the frame took the form’s height');
  await assertNoInnerScroll(frame);
  assert.ok(
    (await page.evaluate(() => window.eerMessages.filter((m) => m.data?.type === 'eer:page').length)) >= 1,
    'the app told the page that a new page opened',
  );

  const email = `embed.${Date.now()}@example.com`;
  await frame.fill('#f-contact-first-name', 'Amina');
  await frame.fill('#f-contact-last-name', 'Diallo');
  await frame.fill('#f-contact-email', email);
  await frame.check('#f-contact-preferred');
  await frame.check('input[name="situation.residence"][value="montreal"]');
  await frame.check('input[name="project.kind"][value="job"]');
  await frame.fill('#f-situation-occupation', 'Nurse');
  await frame.check('#f-consent-contact');
  await frame.click('form.interest button[type=submit]');
  await frame.waitForURL(/\/en\/interest\/sent\?ref=/);
  assert.equal(new URL(frame.url()).searchParams.get('partner'), 'cdc-estrie');

  const rows = (await exported()).filter((r) => r.email === email);
  assert.equal(rows.length, 1, 'stored once');
  assert.equal(rows[0].channel, 'embed');
  assert.equal(rows[0].partner, 'cdc-estrie');
  assert.equal(rows[0].regions, '05');
  assert.deepEqual(cookies, []);
  assert.deepEqual(problems, []);
});

test('the embed keeps its keys across the two bundles (quiz → explorer)', async () => {
  const { page, problems } = await openPage(browser.context);
  const { frame } = await openEmbed(page, { show: 'quiz', lang: 'fr', partner: 'sdem-abitibi' });
  assert.equal(new URL(frame.url()).pathname, '/fr/quiz');
  // The explorer is in the other bundle: a full page load inside the frame.
  await frame.click('.site-nav a[href="/fr/explorer"]');
  await frame.waitForURL(/\/fr\/explorer/);
  await appReady(frame);
  const url = new URL(frame.url());
  assert.equal(url.searchParams.get('embed'), '1');
  assert.equal(url.searchParams.get('partner'), 'sdem-abitibi');
  // The new document found the parent again and sized the frame.
  await settledHeight(page, frame);
  await assertNoInnerScroll(frame);
  assert.deepEqual(problems, []);
});

test('on a phone-wide partner page the embed fits without scrolling inside', async () => {
  const { context, close } = await launch({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const { page, problems } = await openPage(context);
    const { frame } = await openEmbed(page, { show: 'region', region: '05', lang: 'en', partner: 'cdc-estrie' });
    await frame.waitForSelector('#panel-title:text("Estrie")');
    await settledHeight(page, frame);
    await assertNoInnerScroll(frame);
    const width = await page.evaluate(() => document.querySelector('iframe.eer-embed').getBoundingClientRect().width);
    assert.ok(width <= 390, `frame ${width}px wide`);
    assert.ok(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
      'the partner page does not scroll sideways',
    );
    assert.deepEqual(problems, []);
  } finally {
    await close();
  }
});

test('blocked storage in the frame breaks nothing (the outbox stays in memory)', async () => {
  const { context, close } = await launch();
  try {
    // Storage access throws in the app's frame, as with third-party storage blocked.
    await context.addInitScript((app) => {
      if (location.origin !== app || window.parent === window) return;
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() { throw new DOMException('blocked', 'SecurityError'); },
        });
      }
    }, APP);
    const { page, problems } = await openPage(context);
    const { frame } = await openEmbed(page, { show: 'quiz', lang: 'en', partner: 'cdc-estrie' });
    assert.equal(
      await frame.evaluate(() => { try { localStorage; return 'open'; } catch { return 'blocked'; } }),
      'blocked',
    );
    await settledHeight(page, frame);
    await frame.click('.site-nav a[href="/en/interest"]');
    await frame.waitForURL(/\/en\/interest/);
    await frame.waitForSelector('form.interest');
    // Offline, the form goes to the outbox: in memory, since storage throws.
    await context.setOffline(true);
    const email = `blocked.${Date.now()}@example.com`;
    await frame.fill('#f-contact-first-name', 'Amina');
    await frame.fill('#f-contact-last-name', 'Diallo');
    await frame.fill('#f-contact-email', email);
    await frame.check('#f-contact-preferred');
    await frame.check('input[name="situation.residence"][value="montreal"]');
    await frame.check('input[name="project.kind"][value="job"]');
    await frame.check('input[name="regions"][value="05"]');
    await frame.fill('#f-situation-occupation', 'Nurse');
    await frame.check('#f-consent-contact');
    await frame.click('form.interest button[type=submit]');
    await frame.waitForURL(/\/en\/interest\/sent\?queued=1/);
    await context.setOffline(false);
    await frame.waitForFunction(() => /: 0$/.test(document.querySelector('main [role=status]')?.textContent ?? ''), null, { timeout: 15000 });
    const rows = (await exported()).filter((r) => r.email === email);
    assert.equal(rows.length, 1);
    assert.equal(rows[0].channel, 'embed');
    assert.deepEqual(problems.filter((p) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|Failed to load resource/.test(p)), []);
  } finally {
    await close();
  }
});

test('an origin that is not on the list cannot frame the app', async () => {
  const { context, close } = await launch();
  try {
    const { page } = await openPage(context);
    const refused = [];
    page.on('console', (msg) => refused.push(msg.text()));
    await page.goto(`${UNLISTED}/?show=region&region=05&lang=en&partner=intruder`);
    const handle = await page.waitForSelector('iframe.eer-embed');
    await page.waitForTimeout(3000);
    const frame = await handle.contentFrame();
    const heading = frame ? await frame.$('main h1').catch(() => null) : null;
    assert.equal(heading, null, 'the app did not render in the frame');
    assert.deepEqual(await page.evaluate(() => window.eerMessages), [], 'no message came out');
    assert.equal(await page.evaluate(() => document.querySelector('iframe.eer-embed').getBoundingClientRect().height), 600);
    assert.ok(refused.some((t) => /frame-ancestors/.test(t)), `Chromium names the CSP: ${refused.join(' | ')}`);
  } finally {
    await close();
  }
});

test('axe finds nothing in the embedded app nor on the demo partner page', async () => {
  const { page } = await openPage(browser.context);
  const { frame } = await openEmbed(page, { show: 'region', region: '05', lang: 'en', partner: 'cdc-estrie', accent: '#5a2d82' });
  await frame.waitForSelector('#panel-title:text("Estrie")');
  await settledHeight(page, frame);
  assert.deepEqual(await axe(frame), []);
  assert.deepEqual(await axe(page), []);
});
