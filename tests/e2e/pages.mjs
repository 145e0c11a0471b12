// Every page of the app in both languages (the addresses of eer_domain::Page), in the states
// that matter (a question, an answered check page, full results), plus the not-found page:
// what the accessibility scan and the screenshots visit.
export const FAMILY_QUERY =
  'v=1&live=mtl&status=pr&project=job&field=health&french=work&diploma=in_progress&spouse=job' +
  '&spouse_field=education&children=2&licence=qc&savings=some&size=town&distance=mid&english=no' +
  '&winter=fine&rent=900_1200';

export const PAGES = [
  '/fr/', '/en/',
  '/fr/quiz', '/en/quiz',
  '/fr/quiz?v=1&q=live', '/en/quiz?v=1&q=field',
  `/fr/quiz/verifier?${FAMILY_QUERY}`, `/en/quiz/check?${FAMILY_QUERY}`,
  `/fr/resultats?${FAMILY_QUERY}`, `/en/results?${FAMILY_QUERY}`,
  '/fr/resultats?v=1&live=abroad&csq=yes', '/en/results?v=1&status=born_qc&age=18_35',
  '/fr/explorer', '/en/explorer',
  '/fr/explorer?show=rent&r=05&cmp=05,07,16', '/en/explorer?show=population&r=10',
  `/fr/explorer?${FAMILY_QUERY}&show=fit&r=05`,
  '/fr/regions', '/en/regions',
  '/fr/regions/estrie', '/en/regions/estrie',
  '/fr/interet', '/en/interest',
  '/fr/confidentialite', '/en/privacy',
  '/fr/introuvable', '/en/not-found',
];
