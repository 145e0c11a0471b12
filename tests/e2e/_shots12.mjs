import { BASE, launch, openPage, appReady } from './browser.mjs';
const PARTNER = process.env.EER_E2E_PARTNER_ORIGIN;
for (const [size, viewport] of [['phone', { width: 390, height: 844 }], ['tablet', { width: 820, height: 1180 }]]) {
  for (const lang of ['fr', 'en']) {
    const { context, close } = await launch({ viewport });
    const { page } = await openPage(context);
    await page.goto(`${BASE}/${lang}/quiz?v=1&live=mtl&status=pr&q=project&mode=kiosk`);
    await appReady(page);
    await page.click('a.back-link');
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/shots/quiz-step-${size}-${lang}.png` });
    await page.route('**/api/interest', (r) => r.abort('internetdisconnected'));
    await page.goto(`${BASE}/${lang}/${lang === 'fr' ? 'interet' : 'interest'}?v=1&live=mtl&status=pr&regions=05`);
    await appReady(page);
    await page.fill('#f-contact-first-name', 'Amina');
    await page.fill('#f-contact-last-name', 'Diallo');
    await page.fill('#f-contact-email', `shot.${Date.now()}@example.com`);
    await page.check('#f-contact-preferred');
    await page.fill('#f-situation-occupation', 'Soudeur');
    await page.check('#f-consent-contact');
    await page.click('form.interest button[type=submit]');
    await page.waitForURL(/queued=1/);
    await page.waitForTimeout(600);
    await page.screenshot({ path: `/tmp/shots/kiosk-queued-${size}-${lang}.png`, fullPage: true });
    await page.unroute('**/api/interest');
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await page.waitForSelector('main .reference');
    await page.screenshot({ path: `/tmp/shots/kiosk-delivered-${size}-${lang}.png`, fullPage: true });
    await page.goto(`${PARTNER}/?show=quiz&lang=${lang}&partner=demo`);
    const h = await page.waitForSelector('iframe.eer-embed');
    const f = await h.contentFrame();
    await f.waitForSelector('main h1');
    await page.waitForTimeout(800);
    await page.screenshot({ path: `/tmp/shots/partner-${size}-${lang}.png`, fullPage: true });
    await close();
  }
}
