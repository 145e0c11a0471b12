// Web figures (printed, never asserted): for each route, the bytes a cold first visit transfers
// (raw, gzip, brotli; the wasm's share), the time until the route is usable on a cold load under
// emulated slow 4G (150 ms latency, 1.6 Mbps down, 750 kbps up; median of 5), each beside its
// budget (docs/budgets.md) with "within" yes/no; then each static page's HTML bytes. Run by
// `cargo xtask bench` against the served release build.
import { request } from 'node:http';
import { BASE, launch, openPage } from '../e2e/browser.mjs';

const RUNS = 5;
const KB = 1024;
// A shared results link as people abroad receive it: a complete profile (who, status, project,
// field, town size, distance), so the page shows an outcome and ranked regions.
const RESULTS = '/fr/resultats?v=1&live=mtl&status=pr&project=job&field=health&size=city&distance=near';

// The budgets of the issue "Every first visit light" (docs/budgets.md): brotli bytes of every
// file of a cold first visit, and the time until the route can be used.
const ROUTES = [
  {
    name: '/fr/quiz',
    path: '/fr/quiz',
    what: 'start page shown, tap “Commencer”, first question answerable',
    budgetKb: 100,
    budgetS: 1.2,
    ready: async (page) => {
      await page.waitForSelector('a.button--start');
      await page.click('a.button--start');
      await page.waitForSelector('form.question input');
    },
  },
  {
    name: '/fr/resultats (shared link)',
    path: RESULTS,
    what: 'outcome and top regions readable',
    budgetKb: 160,
    budgetS: 2.0,
    ready: async (page) => {
      await page.waitForSelector('.outcome');
      await page.waitForSelector('li.fit');
    },
  },
  {
    name: '/fr/explorer',
    path: '/fr/explorer',
    what: 'map drawn',
    budgetKb: 170,
    budgetS: 2.0,
    ready: (page) => page.waitForSelector('svg.map__svg path'),
  },
  {
    name: '/fr/interet',
    path: '/fr/interet',
    what: 'form usable',
    budgetKb: 130,
    budgetS: 1.5,
    ready: (page) => page.waitForSelector('form.interest input'),
  },
];

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

/** Raw, gzip and brotli bytes of `paths`, and the wasm's brotli share. */
async function weigh(paths) {
  let raw = 0, gz = 0, br = 0, wasmBr = 0;
  for (const url of paths) {
    raw += await size(url, null);
    gz += await size(url, 'gzip');
    const b = await size(url, 'br');
    br += b;
    if (url.endsWith('.wasm')) wasmBr += b;
  }
  return { raw, gz, br, wasmBr };
}

/** Slows `page` to the slow-4G profile, with or without the HTTP cache. */
async function slow4g(context, page, cacheDisabled) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (750e3 / 8),
  });
}

/** Records the same-origin paths `page` requests from now on. */
function record(page) {
  const urls = new Set();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === new URL(BASE).origin) urls.add(url.pathname + url.search);
  });
  return urls;
}

/** Cold visit of `route`: the files it requests until usable and then idle, and the time. */
async function coldVisit(route) {
  const { context, close } = await launch();
  try {
    const { page } = await openPage(context);
    const urls = record(page);
    // What the service worker fetches for later (its precache), after the page is usable.
    const background = new Set();
    context.on('request', (r) => {
      if (r.serviceWorker()) background.add(new URL(r.url()).pathname);
    });
    await slow4g(context, page, true);
    const start = Date.now();
    await page.goto(`${BASE}${route.path}`, { waitUntil: 'commit' });
    await route.ready(page);
    const elapsed = Date.now() - start;
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => Promise.race([
      navigator.serviceWorker?.ready, new Promise((r) => setTimeout(r, 30000)),
    ]));
    return { urls: [...urls], background: [...background].filter((u) => !urls.has(u)), elapsed };
  } finally {
    await close();
  }
}

/** The quiz, then a shared results link in the same tab: the quiz's files are cached. */
async function quizThenResults() {
  // Without the service worker: the network emulation does not reach a worker's own fetches,
  // so with it the timing would be of an unthrottled network. The HTTP cache holds the quiz's
  // files as the worker would.
  const { context, close } = await launch({ serviceWorkers: 'block' });
  try {
    const { page } = await openPage(context);
    const quiz = ROUTES[0];
    await page.goto(`${BASE}${quiz.path}`);
    await quiz.ready(page);
    await page.waitForLoadState('networkidle');
    // The results' own files: those the network served, not the HTTP cache or the service
    // worker (Chromium's DevTools protocol says which).
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const sent = new Map();
    const cached = new Set();
    cdp.on('Network.requestWillBeSent', (e) => sent.set(e.requestId, e.request.url));
    cdp.on('Network.requestServedFromCache', (e) => cached.add(e.requestId));
    cdp.on('Network.responseReceived', (e) => {
      if (e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache) cached.add(e.requestId);
    });
    await slow4g(context, page, false);
    const start = Date.now();
    await page.goto(`${BASE}${RESULTS}`, { waitUntil: 'commit' });
    await ROUTES[1].ready(page);
    const elapsed = Date.now() - start;
    await page.waitForLoadState('networkidle');
    const origin = new URL(BASE).origin;
    const urls = [...sent].filter(([id]) => !cached.has(id)).map(([, u]) => new URL(u))
      .filter((u) => u.origin === origin).map((u) => u.pathname + u.search);
    return { urls: [...new Set(urls)], elapsed };
  } finally {
    await close();
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / KB).toFixed(1);
const pad = (s, n) => String(s).padStart(n);

const rows = [];
for (const route of ROUTES) {
  const visits = [];
  for (let i = 0; i < RUNS; i++) visits.push(await coldVisit(route));
  // Every run requests the same files; the union guards against one run idling early.
  const paths = [...new Set(visits.flatMap((v) => v.urls))];
  const weight = await weigh(paths);
  const later = await weigh([...new Set(visits.flatMap((v) => v.background))]);
  rows.push({ route, paths, weight, later, times: visits.map((v) => v.elapsed) });
}
{
  const visits = [];
  for (let i = 0; i < RUNS; i++) visits.push(await quizThenResults());
  const paths = [...new Set(visits.flatMap((v) => v.urls))];
  const weight = await weigh(paths);
  rows.push({
    route: { name: 'quiz → results', what: 'results readable, the quiz\'s files cached', budgetKb: null, budgetS: 1.5 },
    paths,
    weight,
    times: visits.map((v) => v.elapsed),
  });
}

console.log(`First visits: every byte over the wire (KB) and time to usable under slow 4G (150 ms, 1.6 Mbps down, 750 kbps up), median of ${RUNS}`);
console.log('route                          files    raw   gzip brotli  wasm(br) | budget within |  time s budget within');
for (const { route, paths, weight, times } of rows) {
  const t = median(times) / 1000;
  const kbWithin = route.budgetKb == null ? '   (own)' : `${pad(route.budgetKb, 6)} ${pad(weight.br <= route.budgetKb * KB ? 'yes' : 'no', 6)}`;
  const tWithin = `${pad(route.budgetS.toFixed(1), 6)} ${pad(t <= route.budgetS ? 'yes' : 'no', 6)}`;
  console.log(`${route.name.padEnd(30)} ${pad(paths.length, 5)} ${pad(kb(weight.raw), 6)} ${pad(kb(weight.gz), 6)} ${pad(kb(weight.br), 6)} ${pad(kb(weight.wasmBr), 9)} | ${kbWithin} | ${pad(t.toFixed(2), 7)} ${tWithin}`);
}
for (const { route, paths, later, times } of rows) {
  console.log(`  ${route.name}: ${route.what}; runs (ms) ${times.join(', ')}; files ${paths.join(' ')}`);
  if (later && later.br > 0) console.log(`    then the service worker fetches ${kb(later.br)} KB brotli for offline use, after the page is usable`);
}

// The static pages (xtask/src/site): each page's HTML alone, as listed by sitemap.xml (budget:
// 14 KB compressed, so that it fits the first round trip).
const sitemap = await (await fetch(`${BASE}/sitemap.xml`)).text();
const staticPages = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1], BASE).pathname);
console.log('\nStatic pages, HTML only (bytes; budget 14336 brotli)');
console.log('page                                          raw     gzip   brotli');
let largest = 0;
for (const path of staticPages) {
  const raw = await size(path, null);
  const gz = await size(path, 'gzip');
  const br = await size(path, 'br');
  largest = Math.max(largest, br);
  console.log(`${path.padEnd(42)} ${pad(raw, 7)} ${pad(gz, 8)} ${pad(br, 8)}`);
}
console.log(`${staticPages.length} static pages; largest ${largest} bytes brotli; budget 14336; within: ${largest <= 14336 ? 'yes' : 'no'}`);
