import type { Widen } from '../messages'

/**
 * Translations for: the competence map's frame — the sidebar space, its navigation and the
 * map screen's header. Each view keeps its own words in its own section (mapMatrix, …).
 * Both languages in one place; keys must match.
 */
export const nb = {
  section: 'map',
  space: 'Kart',
  navLabel: 'Kompetansekartet',
  views: {
    matrix: 'Matrise',
    network: 'Nettverk',
    matches: 'Match',
    vocabulary: 'Kompetanser',
    company: 'Bedrift',
  },
  companiesHeading: 'Bedrifter',
  companiesEmpty: 'Ingen bedrifter ennå',
  companyUnknown: 'Bedriften finnes ikke lenger',
  companyUnknownBody: 'Den er slettet fra kompetansekartet.',
  close: 'Lukk kartet',
  loading: 'Henter kompetansekartet …',
  levels: {
    offer: { none: 'Ingen', some: 'Noe', solid: 'Solid', expert: 'Ekspert' },
    need: {
      none: 'Ingen',
      'nice-to-have': 'Greit å ha',
      important: 'Viktig',
      critical: 'Kritisk',
    },
  },
  company: {
    offers: 'Tilbyr',
    needs: 'Trenger',
    notes: 'Notater',
    people: 'Folk',
    contact: 'Kontaktperson',
    website: 'Nettsted',
    size: '{{band}} ansatte',
    noOffers: 'Ingen tilbud registrert ennå.',
    noNeeds: 'Ingen behov registrert ennå.',
    noNotes: 'Ingen notater om bedriften ennå.',
    noPeople: 'Ingen personer registrert ennå.',
    noteAuthor: 'skrev notater',
    here: 'her nå',
  },
  industries: {
    furniture: 'Møbler',
    food: 'Mat',
    'wood-panels': 'Treplater',
    chains: 'Kjeder',
    packaging: 'Emballasje',
    construction: 'Bygg',
    innovation: 'Innovasjon',
    university: 'Universitet',
    other: 'Annet',
  },
} as const

export const en: Widen<typeof nb> = {
  section: 'map',
  space: 'Map',
  navLabel: 'The competence map',
  views: {
    matrix: 'Matrix',
    network: 'Network',
    matches: 'Matches',
    vocabulary: 'Competences',
    company: 'Company',
  },
  companiesHeading: 'Companies',
  companiesEmpty: 'No companies yet',
  companyUnknown: 'This company no longer exists',
  companyUnknownBody: 'It was deleted from the competence map.',
  close: 'Close the map',
  loading: 'Loading the competence map …',
  levels: {
    offer: { none: 'None', some: 'Some', solid: 'Solid', expert: 'Expert' },
    need: {
      none: 'None',
      'nice-to-have': 'Nice to have',
      important: 'Important',
      critical: 'Critical',
    },
  },
  company: {
    offers: 'Offers',
    needs: 'Needs',
    notes: 'Notes',
    people: 'People',
    contact: 'Contact person',
    website: 'Website',
    size: '{{band}} employees',
    noOffers: 'No offers recorded yet.',
    noNeeds: 'No needs recorded yet.',
    noNotes: 'No notes about this company yet.',
    noPeople: 'No people recorded yet.',
    noteAuthor: 'wrote notes',
    here: 'here now',
  },
  industries: {
    furniture: 'Furniture',
    food: 'Food',
    'wood-panels': 'Wood panels',
    chains: 'Chains',
    packaging: 'Packaging',
    construction: 'Construction',
    innovation: 'Innovation',
    university: 'University',
    other: 'Other',
  },
}
