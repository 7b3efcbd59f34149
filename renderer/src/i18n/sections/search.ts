import type { Widen } from '../messages'

/**
 * Translations for: the search page (renderer/src/search/SearchPage.tsx) — the field, the
 * filters, results by kind, recent searches, the index status and the empty states. Both
 * languages in one place; keys must match. (The palette has its own section.)
 */
export const nb = {
  section: 'search',
  nav: 'Søk',
  title: 'Søk',
  fieldLabel: 'Søk i alt',
  placeholder: 'Søk i notater, tavler, bedrifter og kompetanser …',
  close: 'Lukk søket',
  clearField: 'Tøm søkefeltet',
  kinds: {
    note: 'Notater',
    sticky: 'På tavler',
    company: 'Bedrifter',
    competence: 'Kompetanser',
  },
  kindsLabel: 'Vis treff i',
  allKinds: 'Alt',
  filters: {
    label: 'Filtre',
    company: 'Bedrift',
    tag: 'Etikett',
    competence: 'Kompetanse',
    author: 'Forfatter',
    type: 'Notattype',
    date: 'Endret',
    any: 'Alle',
    clear: 'Fjern filtre',
    ranges: {
      any: 'Når som helst',
      week: 'Siste 7 dager',
      month: 'Siste 30 dager',
      year: 'Siste år',
    },
  },
  results_one: '{{count}} treff',
  results_other: '{{count}} treff',
  resultsMore: '{{shown}} av {{count}} treff vises',
  groupLabel: '{{kind}}: {{count}}',
  changed: 'endret {{when}}',
  justNow: 'nå nettopp',
  untitled: 'Uten tittel',
  keyboardHint: '↑ ↓ velger, Enter åpner',
  searching: 'Søker …',
  recent: {
    title: 'Siste søk',
    clear: 'Tøm listen',
    remove: 'Fjern «{{text}}» fra siste søk',
  },
  emptyTitle: 'Søk i alt klyngen har skrevet',
  emptyHint:
    'Notater, lapper og rammer på tavler, bedriftsprofiler, tilbud og behov, og kompetanser. Tittel teller mer enn tekst, og begynnelsen av et ord er nok.',
  spellingHint: 'Æ, ø og å kan skrives ae, oe og aa: «loeten» finner «Løten».',
  noHits: 'Ingen treff for «{{text}}».',
  noHitsHint:
    'Prøv færre ord, eller bare begynnelsen av et ord – hvert ord må finnes. Stavefeil rettes fra fem bokstaver.',
  noHitsFiltered: 'Filtrene kan skjule treff.',
  building: 'Indekserer {{indexed}} av {{total}} …',
  buildingHint: 'Treffene kommer fra det som er indeksert så langt.',
  unavailableTitle: 'Fulltekstsøk er ikke tilgjengelig på denne verten',
  unavailableHint:
    'Verten kjører en eldre versjon av Kryss. Notatlisten kan fortsatt filtrere på tittel.',
  offline: 'Ikke tilkoblet verten. Søket prøver igjen når forbindelsen er tilbake.',
  failed: 'Søket gikk ikke: {{message}}',
}

export const en: Widen<typeof nb> = {
  section: 'search',
  nav: 'Search',
  title: 'Search',
  fieldLabel: 'Search everything',
  placeholder: 'Search notes, boards, companies and competences…',
  close: 'Close search',
  clearField: 'Clear the search field',
  kinds: {
    note: 'Notes',
    sticky: 'On boards',
    company: 'Companies',
    competence: 'Competences',
  },
  kindsLabel: 'Show hits in',
  allKinds: 'All',
  filters: {
    label: 'Filters',
    company: 'Company',
    tag: 'Tag',
    competence: 'Competence',
    author: 'Author',
    type: 'Note type',
    date: 'Changed',
    any: 'Any',
    clear: 'Clear filters',
    ranges: {
      any: 'Any time',
      week: 'Last 7 days',
      month: 'Last 30 days',
      year: 'Last year',
    },
  },
  results_one: '{{count}} hit',
  results_other: '{{count}} hits',
  resultsMore: 'Showing {{shown}} of {{count}} hits',
  groupLabel: '{{kind}}: {{count}}',
  changed: 'changed {{when}}',
  justNow: 'just now',
  untitled: 'Untitled',
  keyboardHint: '↑ ↓ to choose, Enter to open',
  searching: 'Searching…',
  recent: {
    title: 'Recent searches',
    clear: 'Clear the list',
    remove: 'Remove “{{text}}” from recent searches',
  },
  emptyTitle: 'Search everything the cluster has written',
  emptyHint:
    'Notes, stickies and frames on boards, company profiles, offers and needs, and competences. Titles count more than text, and the start of a word is enough.',
  spellingHint: 'Æ, ø and å may be typed as ae, oe and aa: “loeten” finds “Løten”.',
  noHits: 'No results for “{{text}}”.',
  noHitsHint:
    'Try fewer words, or just the start of a word — every word must be found. Typos are forgiven from five letters.',
  noHitsFiltered: 'The filters may be hiding hits.',
  building: 'Indexing {{indexed}} of {{total}}…',
  buildingHint: 'Results come from what has been indexed so far.',
  unavailableTitle: 'Full-text search is not available on this host',
  unavailableHint:
    'The host runs an older version of Kryss. The note list can still filter by title.',
  offline: 'Not connected to the host. Search tries again when the connection is back.',
  failed: 'Search failed: {{message}}',
}
