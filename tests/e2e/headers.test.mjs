// What the endpoint sends with the site: content types, precompression, caching and the
// security headers (CSP without unsafe-inline, frame-ancestors, nosniff, Referrer-Policy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { BASE } from './browser.mjs';

/** A raw GET (no automatic decompression), returning status, headers and the body's size. */
function get(path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(`${BASE}${path}`, { headers }, (res) => {
      let bytes = 0;
      let body = '';
      res.on('data', (chunk) => { bytes += chunk.length; if (body.length < 200000) body += chunk.toString('latin1'); });
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, bytes, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function assets() {
  // An app page gets its family's shell and bundle (the root is the static home page).
  const html = (await get('/fr/resultats')).body;
  const wasmModule = html.match(/href="\/([^"]+_bg\.wasm)"/)?.[1];
  const js = html.match(/href="\/(eer-[a-z]+-[^"]+\.js)"/)?.[1];
  const boot = html.match(/src="\/(boot-[^"]+\.js)"/)?.[1];
  assert.ok(wasmModule && js && boot, `assets named in results.html: ${html}`);
  return { wasmModule, js, boot };
}

test('health answers ok', async () => {
  const res = await get('/api/health');
  assert.equal(res.status, 200);
  assert.deepEqual(JSON.parse(res.body), { status: 'ok' });
});

test('HTML: no-cache, a strict CSP and the security headers', async () => {
  const res = await get('/fr/quiz');
  assert.equal(res.status, 200);
  assert.match(res.headers['content-type'], /text\/html/);
  assert.match(res.headers['cache-control'], /no-cache/);
  const csp = res.headers['content-security-policy'];
  assert.ok(csp, 'CSP present');
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  for (const part of ["object-src 'none'", "base-uri 'none'", 'frame-ancestors', "'wasm-unsafe-eval'"]) {
    assert.ok(csp.includes(part), `CSP has ${part}: ${csp}`);
  }
  assert.equal(res.headers['x-content-type-options'], 'nosniff');
  assert.ok(res.headers['referrer-policy'], 'Referrer-Policy present');
  assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script in the HTML');
});

test('wasm: right type, brotli or gzip as asked, long immutable cache', async () => {
  const { wasmModule } = await assets();
  const raw = await get(`/${wasmModule}`);
  assert.equal(raw.status, 200);
  assert.equal(raw.headers['content-type'], 'application/wasm');
  assert.match(raw.headers['cache-control'], /max-age=31536000/);
  assert.match(raw.headers['cache-control'], /immutable/);
  const br = await get(`/${wasmModule}`, { 'accept-encoding': 'br, gzip' });
  assert.equal(br.headers['content-encoding'], 'br');
  assert.ok(br.bytes < raw.bytes, `brotli ${br.bytes} < raw ${raw.bytes}`);
  const gz = await get(`/${wasmModule}`, { 'accept-encoding': 'gzip' });
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.ok(gz.bytes < raw.bytes);
});

test('JavaScript served with a JavaScript type', async () => {
  const { js, boot } = await assets();
  for (const file of [js, boot]) {
    const res = await get(`/${file}`);
    assert.equal(res.status, 200);
    assert.match(res.headers['content-type'], /javascript/);
  }
});

test('a missing asset is a plain 404, an unknown app address a 404 with the app', async () => {
  const asset = await get('/no-such-file.js');
  assert.equal(asset.status, 404);
  const page = await get('/fr/no-such-page');
  assert.equal(page.status, 404);
  assert.match(page.headers['content-type'], /text\/html/);
  assert.match(page.body, /boot-/);
});
