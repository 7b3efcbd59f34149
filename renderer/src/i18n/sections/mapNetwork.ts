import type { Widen } from '../messages'

/**
 * Translations for: the competence map's network view — the graph, its legend, the list of
 * nodes to focus and the focus panel. Both languages in one place; keys must match.
 */
export const nb = {
  section: 'mapNetwork',
  canvasLabel:
    'Nettverkskart over bedrifter og kompetanser. Bruk lista ved siden av for å fokusere med tastaturet.',
  layingOut: 'Legger ut kartet …',
  empty: 'Ingen bedrifter i kompetansekartet ennå.',
  hint: 'Klikk på en bedrift eller kompetanse for å se hva den henger sammen med. Esc viser alt igjen.',
  zoomIn: 'Zoom inn',
  zoomOut: 'Zoom ut',
  fit: 'Vis hele kartet',
  panelLabel: 'Finn og fokuser',
  search: 'Finn bedrift eller kompetanse',
  searchPlaceholder: 'Søk …',
  companies: 'Bedrifter',
  competences: 'Kompetanser',
  noResults: 'Ingen treff.',
  moreResults: '{{count}} til – skriv mer for å snevre inn.',
  connections_one: '{{count}} kobling',
  connections_other: '{{count}} koblinger',
  focus: {
    heading: 'I fokus',
    clear: 'Vis alt (Esc)',
    openCompany: 'Åpne bedriftssiden',
    offers: 'Tilbyr',
    needs: 'Trenger',
    offeredBy: 'Tilbys av',
    neededBy: 'Trengs av',
    none: 'Ingen tilbud eller behov registrert.',
    level: '{{label}} ({{level}})',
  },
  legend: {
    heading: 'Forklaring',
    offer: 'Tilbud',
    need: 'Behov (stiplet)',
    width: 'Tykkere linje = høyere nivå',
    industries: 'Bedrifter etter bransje',
    categories: 'Kompetanser etter kategori',
    unconnected_one: '{{count}} kompetanse uten tilbud eller behov vises ikke.',
    unconnected_other: '{{count}} kompetanser uten tilbud eller behov vises ikke.',
  },
} as const

export const en: Widen<typeof nb> = {
  section: 'mapNetwork',
  canvasLabel:
    'Network map of companies and competences. Use the list beside it to focus with the keyboard.',
  layingOut: 'Laying out the map …',
  empty: 'No companies in the competence map yet.',
  hint: 'Click a company or a competence to see what it connects to. Esc shows everything again.',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  fit: 'Show the whole map',
  panelLabel: 'Find and focus',
  search: 'Find a company or competence',
  searchPlaceholder: 'Search …',
  companies: 'Companies',
  competences: 'Competences',
  noResults: 'No matches.',
  moreResults: '{{count}} more – type more to narrow down.',
  connections_one: '{{count}} connection',
  connections_other: '{{count}} connections',
  focus: {
    heading: 'In focus',
    clear: 'Show all (Esc)',
    openCompany: 'Open the company page',
    offers: 'Offers',
    needs: 'Needs',
    offeredBy: 'Offered by',
    neededBy: 'Needed by',
    none: 'No offers or needs recorded.',
    level: '{{label}} ({{level}})',
  },
  legend: {
    heading: 'Legend',
    offer: 'Offer',
    need: 'Need (dashed)',
    width: 'Thicker line = higher level',
    industries: 'Companies by industry',
    categories: 'Competences by category',
    unconnected_one: '{{count}} competence without offers or needs is not shown.',
    unconnected_other: '{{count}} competences without offers or needs are not shown.',
  },
}
