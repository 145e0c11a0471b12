// The service worker of Emplois en régions: the app offline (a kiosk at a fair with a flaky
// network, a phone on a bus). Registered by the app (src/pwa.rs), never by an inline script.
//
// What it stores: `cargo xtask dist` (xtask/src/pwa.rs) writes this build's file list into the
// BUILD line below, so each build is a new worker with a cache of its own. `core` (the HTML
// shells of every bundle, the manifest, the icons) is stored at install; with `?precache=all` (kiosk
// mode) also `files` (every hashed script, wasm and stylesheet, the map data) and `pages`
// (the static pages). Otherwise hashed files are stored as they are first used, and the map
// data is not stored.
//
// Pages: network first (a deploy shows at once); offline, the stored static page, or the HTML
// shell that eer_domain::Page::shell() names (`BUILD.shells`: quiz.html, results.html,
// explorer.html, interest.html; index.html, the full app, for anything else — it can render
// the static pages too). In kiosk mode a family's bundle opens a static page with
// `?kiosk=1`: it gets index.html, so the kiosk's idle reset keeps running.
// Assets: from the cache, else the network. `/api/*` is never touched: the app's outbox
// (src/api.rs) handles a failed submission.
const BUILD = {"version":"dev","core":[],"shells":{},"files":[],"pages":[]};

const FULL = new URL(self.location.href).searchParams.get('precache') === 'all';
const CACHE = `eer-${BUILD.version}`;
const MATCH = { ignoreVary: true };

/** A page's cache key: without its trailing slash; `/` is the French home (as the endpoint). */
function pageKey(path) {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/fr' : trimmed;
}

/** Whether a path is a static page (mirrors eer_domain::Page::is_static). */
function isStatic(path) {
  const p = pageKey(path);
  return /^\/(fr|en)$/.test(p)
    || /^\/(fr|en)\/regions(\/[a-z0-9-]+)?$/.test(p)
    || /^\/fr\/(confidentialite|partenaires|sources)$/.test(p)
    || /^\/en\/(privacy|partners|sources)$/.test(p);
}

/** The HTML shell that serves an app page: BUILD.shells is eer_domain::Page::app_routes. */
function shellFor(path) {
  return BUILD.shells?.[pageKey(path)] ?? '/index.html';
}

async function store(cache, url, key) {
  const response = await fetch(new Request(url, { cache: 'no-cache' }));
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  await cache.put(key ?? url, response);
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // The shells are what offline use needs first: without them, no install.
    await Promise.all(BUILD.core.map((url) => store(cache, url)));
    if (FULL) {
      await Promise.all(BUILD.files.map((url) => store(cache, url)));
      // Static pages are a bonus: one missing must not stop the rest.
      await Promise.allSettled(BUILD.pages.map((path) => store(cache, path, pageKey(path))));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('eer-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  // The map data is kept only for a kiosk: elsewhere it goes to the network as if there were
  // no worker (offline, the explorer shows its list), which also leaves it to page-level
  // request interception in tests (Playwright's page.route does not see a worker's fetches).
  if (!FULL && url.pathname.startsWith('/data/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request, url));
  } else if (url.pathname !== '/sw.js') {
    event.respondWith(asset(request, url));
  }
});

async function page(request, url) {
  const kioskApp = url.searchParams.has('kiosk') && isStatic(url.pathname);
  try {
    return await fetch(kioskApp ? new Request('/index.html') : request);
  } catch (offline) {
    const cache = await caches.open(CACHE);
    const stored = kioskApp ? undefined : await cache.match(pageKey(url.pathname), MATCH);
    return stored
      ?? (await cache.match(shellFor(url.pathname), MATCH))
      ?? Response.error();
  }
}

/** Files worth keeping once used: hashed build files (12 to 16 hex digits: Trunk's hash drops
 * leading zeros — eer_domain::asset::is_hashed, the rule xtask and the endpoint use), the map
 * data, the icons. */
function keep(path) {
  return /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(path)
    || path.startsWith('/data/')
    || path.startsWith('/icons/')
    || path === '/favicon.svg'
    || path === '/manifest.webmanifest';
}

async function asset(request, url) {
  const cache = await caches.open(CACHE);
  const stored = await cache.match(request, MATCH);
  if (stored) return stored;
  const response = await fetch(request);
  if (response.ok && keep(url.pathname)) await cache.put(request, response.clone());
  return response;
}
