// Screenshots of every page at phone, tablet and desktop widths, in French and English, for a
// person to look at (run by `cargo xtask shots`; not a test).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, launch, openPage, appReady } from './browser.mjs';
import { PAGES } from './pages.mjs';

const OUT = process.env.EER_SHOTS_DIR ?? 'target/screenshots';
const SIZES = { phone: [390, 844], tablet: [1024, 768], desktop: [1440, 900] };
const only = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });

const browser = await launch();
try {
  const { page } = await openPage(browser.context);
  for (const [name, [width, height]] of Object.entries(SIZES)) {
    await page.setViewportSize({ width, height });
    for (const path of PAGES) {
      if (only.length && !only.some((o) => path.includes(o))) continue;
      await page.goto(`${BASE}${path}`);
      await appReady(page);
      // The index keeps names unique when one path is shot in several states.
      const index = String(PAGES.indexOf(path)).padStart(2, '0');
      const file = join(OUT, `${name}-${index}${path.replace(/\?.*/, '').replaceAll('/', '_')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
  }
} finally {
  await browser.close();
}
