// The demo partner page on an origin of its own (development and tests only; the production
// endpoint never serves it). `?show=…&region=…&lang=…&partner=…&accent=…` become the
// snippet's `data-eer-*` attributes, so one page shows every option.
//
//   EER_BASE_URL=http://127.0.0.1:8080 node tests/embed/server.mjs 18591
//   → open http://localhost:18591/?show=region&region=05&lang=en&partner=demo
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const OPTIONS = ['show', 'region', 'lang', 'partner', 'accent'];
const TEXT = {
  fr: {
    title: 'S’établir en Estrie — Carrefour d’accueil (démo)',
    name: 'Carrefour d’accueil de l’Estrie (page de démonstration)',
    heading: 'Venir vivre en Estrie',
    lead: 'Un organisme partenaire présente Emplois en régions dans sa propre page.',
    after: 'Le texte du partenaire continue sous l’outil.',
  },
  en: {
    title: 'Settling in Estrie — Welcome centre (demo)',
    name: 'Estrie Welcome Centre (demonstration page)',
    heading: 'Come and live in Estrie',
    lead: 'A partner organisation shows Emplois en régions in its own page.',
    after: 'The partner’s text goes on below the tool.',
  },
};

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The partner page for this request's query. */
function page(appOrigin, query) {
  const lang = query.get('lang') === 'en' ? 'en' : 'fr';
  const t = TEXT[lang];
  const attrs = OPTIONS.filter((k) => query.has(k))
    .map((k) => `data-eer-${k}="${escape(query.get(k))}"`)
    .join(' ');
  return readFileSync(here('partner.html'), 'utf8')
    .replaceAll('__LANG__', lang)
    .replaceAll('__TITLE__', escape(t.title))
    .replaceAll('__NAME__', escape(t.name))
    .replaceAll('__HEADING__', escape(t.heading))
    .replaceAll('__LEAD__', escape(t.lead))
    .replaceAll('__AFTER__', escape(t.after))
    .replaceAll('__APP__', escape(appOrigin))
    .replaceAll('__ATTRS__', attrs);
}

const FILES = {
  '/partner.css': ['partner.css', 'text/css; charset=utf-8'],
  '/partner-log.js': ['partner-log.js', 'text/javascript; charset=utf-8'],
};

/**
 * Serves the partner page on loopback at `port` (IPv4 and, where there is one, IPv6, since
 * `localhost` may resolve to either); resolves to a `close()`.
 */
export async function servePartner(port, appOrigin) {
  const handler = (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const file = FILES[url.pathname];
    if (file) {
      res.writeHead(200, { 'Content-Type': file[1] });
      res.end(readFileSync(here(file[0])));
    } else if (url.pathname === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(page(appOrigin, url.searchParams));
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found');
    }
  };
  const servers = [];
  for (const host of ['127.0.0.1', '::1']) {
    const server = createServer(handler);
    try {
      await new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, resolve);
      });
      servers.push(server);
    } catch (err) {
      if (host === '127.0.0.1') throw err;
    }
  }
  return () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 18591);
  const app = process.env.EER_BASE_URL ?? 'http://127.0.0.1:8080';
  await servePartner(port, app);
  console.log(`partner page: http://localhost:${port}/?show=region&region=05&lang=en&partner=demo (app: ${app})`);
}
