import type { Widen } from '../messages'

/**
 * Translations for: "Add to the competence map…" on a workshop board — the menu item and the
 * dialog that makes a sticky an offer or a need. Both languages in one place; keys must match.
 */
export const nb = {
  section: 'mapPromote',
  menu: 'Legg til i kompetansekartet …',
  menuHint: 'Velg én lapp først',
  title: 'Legg til i kompetansekartet',
  description: 'Lappen blir et tilbud eller et behov hos en bedrift. Hvor den kom fra, blir med.',
  side: 'Dette er',
  sides: { offer: 'Et tilbud', need: 'Et behov' },
  company: 'Bedrift',
  chooseCompany: 'Velg bedrift …',
  companyFromAuthor: 'Forfatterens bedrift',
  noCompanies: 'Det er ingen bedrifter i kompetansekartet ennå. Legg dem inn under Kart først.',
  competence: 'Kompetanse',
  newCompetence: 'Ny kompetanse …',
  suggested: '{{name}} (foreslått)',
  newName: 'Navn på den nye kompetansen',
  newNameRequired: 'Skriv et navn.',
  level: 'Nivå',
  comment: 'Kommentar i kartet',
  empty: 'Lappen er tom: skriv noe på den først.',
  gone: 'Lappen er ikke der lenger.',
  add: { offer: 'Legg til som tilbud', need: 'Legg til som behov' },
  done: {
    offer: '{{company}} tilbyr nå {{competence}} ({{level}}).',
    need: '{{company}} trenger nå {{competence}} ({{level}}).',
  },
  openCompany: 'Åpne bedriftssiden',
  stay: 'Bli på tavla',
} as const

export const en: Widen<typeof nb> = {
  section: 'mapPromote',
  menu: 'Add to the competence map …',
  menuHint: 'Select one sticky first',
  title: 'Add to the competence map',
  description:
    'The sticky becomes an offer or a need of a company. Where it came from goes with it.',
  side: 'This is',
  sides: { offer: 'An offer', need: 'A need' },
  company: 'Company',
  chooseCompany: 'Choose a company …',
  companyFromAuthor: 'The author’s company',
  noCompanies: 'There are no companies in the competence map yet. Add them under Map first.',
  competence: 'Competence',
  newCompetence: 'New competence …',
  suggested: '{{name}} (suggested)',
  newName: 'Name of the new competence',
  newNameRequired: 'Write a name.',
  level: 'Level',
  comment: 'Comment in the map',
  empty: 'The sticky is empty: write something on it first.',
  gone: 'The sticky is no longer there.',
  add: { offer: 'Add as an offer', need: 'Add as a need' },
  done: {
    offer: '{{company}} now offers {{competence}} ({{level}}).',
    need: '{{company}} now needs {{competence}} ({{level}}).',
  },
  openCompany: 'Open the company page',
  stay: 'Stay on the board',
}
