// Screenshots of the static pages with JavaScript off, at phone, tablet and desktop widths in
// French and English, for a person to look at (not a test):
// EER_BASE_URL=… EER_SHOTS_DIR=/tmp/static-shots node tests/e2e/static-shots.mjs [filter]
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { BASE, launch } from './browser.mjs';

const OUT = process.env.EER_SHOTS_DIR ?? 'target/screenshots/static';
const SIZES = { phone: [390, 844], tablet: [1024, 768], desktop: [1440, 900] };
const PATHS = ['/fr/', '/en/', '/fr/regions', '/fr/regions/estrie', '/en/regions/cote-nord',
  '/fr/confidentialite', '/en/partners', '/fr/sources'];
const only = process.argv.slice(2);
mkdirSync(OUT, { recursive: true });

const { context, close } = await launch({ javaScriptEnabled: false });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  for (const [name, [width, height]] of Object.entries(SIZES)) {
    await page.setViewportSize({ width, height });
    for (const path of PATHS) {
      if (only.length && !only.some((o) => path.includes(o) || name === o)) continue;
      await page.goto(`${BASE}${path}`);
      const file = join(OUT, `${name}${path.replaceAll('/', '_')}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
    }
  }
} finally {
  await close();
}
