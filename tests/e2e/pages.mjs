// Every page of the app in both languages (the addresses of eer_domain::Page), plus the
// not-found page: what the accessibility scan and the screenshots visit.
export const PAGES = [
  '/fr/', '/en/',
  '/fr/quiz', '/en/quiz',
  '/fr/resultats', '/en/results',
  '/fr/regions', '/en/regions',
  '/fr/regions/estrie', '/en/regions/estrie',
  '/fr/interet', '/en/interest',
  '/fr/confidentialite', '/en/privacy',
  '/fr/introuvable', '/en/not-found',
];
