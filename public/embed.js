/*! Emplois en régions — the partners' loader (https://…/embed.js). One line on a partner's page:
 *
 *   <script src="https://ORIGIN/embed.js" data-eer-show="quiz|explorer|region"
 *     data-eer-region="05" data-eer-lang="fr" data-eer-partner="your-id"
 *     data-eer-accent="#095797" async></script>
 *
 * places an iframe of the app right after this script tag and keeps its height equal to the
 * app's content (no inner scrollbar). No dependencies, no cookies, nothing sent anywhere but to
 * the app's own origin. The messages (src/embed.rs has the app's side), all {type, version: 1}:
 *   app → page  eer:ready            the app started; the page answers eer:hello
 *   page → app  eer:hello            so the app learns the page's origin from the browser
 *   app → page  eer:height {height}  the content's height in CSS pixels
 *   app → page  eer:page             a new page opened in the frame: scroll back to its top
 * Only messages from this iframe's window and from the app's origin are read.
 */
(function () {
  'use strict';
  var VERSION = 1;
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;

  function attr(name) {
    var value = script.getAttribute('data-eer-' + name);
    return value == null ? '' : value.trim();
  }
  var lang = attr('lang') === 'en' ? 'en' : 'fr';
  var show = attr('show');
  var region = attr('region');
  var partner = attr('partner');
  var accent = attr('accent');
  if (!/^\d{2}$/.test(region)) region = '';
  // The same rule as the endpoint's `source.partner`: a wrong id is left out, not sent.
  if (!/^[a-z0-9-]{1,64}$/.test(partner)) partner = '';
  if (!/^#?[0-9a-fA-F]{6}$/.test(accent)) accent = '';

  // The app's addresses (eer_domain::Page): the quiz, or the explorer with `r=` its region.
  var path = show === 'explorer' || show === 'region' ? '/' + lang + '/explorer' : '/' + lang + '/quiz';
  var params = new URLSearchParams();
  if (path.indexOf('/explorer') > 0 && region) params.set('r', region);
  params.set('embed', '1');
  if (partner) params.set('partner', partner);
  // Without `#`, which an address would have to escape (the app accepts both).
  if (accent) params.set('accent', accent.replace('#', '').toLowerCase());

  var frame = document.createElement('iframe');
  frame.src = origin + path + '?' + params.toString();
  frame.title = lang === 'en'
    ? 'Emplois en régions: settling in Québec’s regions'
    : 'Emplois en régions : s’établir en région au Québec';
  frame.setAttribute('loading', 'lazy');
  frame.className = 'eer-embed';
  // Through the CSSOM, which a partner's CSP allows even without 'unsafe-inline'.
  frame.style.display = 'block';
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.height = '600px'; // until the app says how tall it is
  script.parentNode.insertBefore(frame, script.nextSibling);

  function send(type) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: type, version: VERSION }, origin);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || typeof data !== 'object' || data.version !== VERSION) return;
    if (data.type === 'eer:ready') {
      send('eer:hello');
    } else if (data.type === 'eer:height') {
      var height = Number(data.height);
      if (isFinite(height) && height > 0 && height < 100000) frame.style.height = Math.ceil(height) + 'px';
    } else if (data.type === 'eer:page') {
      if (frame.getBoundingClientRect().top < 0) frame.scrollIntoView();
    }
  });
})();
