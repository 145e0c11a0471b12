// Web figures (printed, never asserted): for each route, the bytes a first visit transfers —
// raw, gzip and brotli — and the wasm's share; then the time until the quiz's first question
// can be answered on a cold load under emulated slow 4G (150 ms latency, 1.6 Mbps down,
// 750 kbps up), median of 5; and each static page's HTML bytes (raw, gzip, brotli). Run by
// `cargo xtask bench` against the served release build.
import { request } from 'node:http';
import { BASE, launch, openPage, appReady } from '../e2e/browser.mjs';

const ROUTES = ['/fr/', '/fr/quiz', '/fr/quiz?v=1&q=live', '/fr/resultats', '/fr/explorer', '/fr/regions', '/fr/regions/estrie', '/fr/interet', '/en/'];
const RUNS = 5;
// The first answerable question: an input of the quiz's first step.
const FIRST_QUESTION = 'form.question input';

function size(path, encoding) {
  return new Promise((resolve, reject) => {
    const headers = encoding ? { 'accept-encoding': encoding } : {};
    const req = request(`${BASE}${path}`, { headers }, (res) => {
      let bytes = 0;
      res.on('data', (c) => { bytes += c.length; });
      res.on('end', () => resolve(bytes));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The same-origin URLs a cold visit to `route` requests, until the network is idle. */
async function requested(context, route) {
  const page = await context.newPage();
  const urls = new Set();
  page.on('request', (r) => urls.add(new URL(r.url()).pathname));
  await page.goto(`${BASE}${route}`, { waitUntil: 'networkidle' });
  await page.close();
  return [...urls];
}

const kb = (n) => (n / 1024).toFixed(1).padStart(7);

const browser = await launch();
try {
  console.log('First visit, every byte over the wire (KB)');
  console.log('route                     files      raw     gzip   brotli   wasm(br)');
  for (const route of ROUTES) {
    const { context, close } = await launch();
    const urls = await requested(context, route);
    await close();
    let raw = 0, gz = 0, br = 0, wasmBr = 0;
    for (const url of urls) {
      raw += await size(url, null);
      gz += await size(url, 'gzip');
      const b = await size(url, 'br');
      br += b;
      if (url.endsWith('.wasm')) wasmBr += b;
    }
    console.log(`${route.padEnd(24)} ${String(urls.length).padStart(6)} ${kb(raw)}  ${kb(gz)}  ${kb(br)}   ${kb(wasmBr)}`);
  }

  // The static pages (xtask/src/site): each page's HTML alone, as listed by sitemap.xml (budget:
  // 14 KB compressed, so that it fits the first round trip).
  const sitemap = await (await fetch(`${BASE}/sitemap.xml`)).text();
  const staticPages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1], BASE).pathname);
  console.log('\nStatic pages, HTML only (bytes; budget 14336 compressed)');
  console.log('page                                          raw     gzip   brotli');
  let largest = 0;
  for (const path of staticPages) {
    const raw = await size(path, null);
    const gz = await size(path, 'gzip');
    const br = await size(path, 'br');
    largest = Math.max(largest, br);
    console.log(`${path.padEnd(42)} ${String(raw).padStart(7)} ${String(gz).padStart(8)} ${String(br).padStart(8)}`);
  }
  console.log(`${staticPages.length} static pages; largest ${largest} bytes brotli`);

  console.log(`\nCold load of /fr/quiz under slow 4G (150 ms, 1.6 Mbps down, 750 kbps up), ${RUNS} runs`);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { context, close } = await launch();
    const { page } = await openPage(context);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
    });
    const start = Date.now();
    await page.goto(`${BASE}/fr/quiz`, { waitUntil: 'commit' });
    // The quiz opens on its start page (time it takes, what happens to the answers); the first
    // question is one tap away and needs no further download.
    await appReady(page);
    await page.click('a.button--start');
    await page.waitForSelector(FIRST_QUESTION);
    const elapsed = Date.now() - start;
    times.push(elapsed);
    await close();
  }
  times.sort((a, b) => a - b);
  console.log('measured: cold load of /fr/quiz, tap “Commencer”, until the first question can be answered');
  console.log(`runs (ms): ${times.join(', ')}`);
  console.log(`median: ${(times[Math.floor(RUNS / 2)] / 1000).toFixed(2)} s`);
} finally {
  await browser.close();
}
