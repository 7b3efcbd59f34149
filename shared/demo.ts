import * as Y from 'yjs'
import type { BoardId, CompanyId, CompetenceId, ItemId, NoteId } from './ids'
import { boardMeta, initBoard, type BoardActor } from './model/board/boardDoc'
import { createItems, type NewItem } from './model/board/commands'
import type { StickyColor } from './model/board/items'
import { createBoard } from './model/boards'
import { createCompany, type Industry, type SizeBand } from './model/companies'
import { writeCell, type Level } from './model/competence/cells'
import { addCompetence, type CompetenceCategory } from './model/competence/vocabulary'
import { syncNoteLinks } from './model/links'
import { appendNoteBody, noteBodyFragment } from './model/noteBody'
import { createNote } from './model/notes'
import type { NoteType } from './model/noteTypes'
import type { Block, Inline } from './model/richText'
import { SEED_ORIGIN } from './model/schema'
import { initWorkspace } from './model/workspace'

/** The built-in example cluster. Every company and person in it is fictional. */
export const DEMO_WORKSPACE_NAME = 'Kryssklyngen (eksempeldata)'
export const DEMO_AUTHOR = { name: 'Eksempeldata' }

type DemoCompany = {
  id: string
  name: string
  industry: Industry
  location: string
  color: string
  description: string
  sizeBand: SizeBand
  /** `.example` addresses: the companies are fictional. */
  website: string
  contactPerson: string
}

const COMPANIES: DemoCompany[] = [
  {
    id: 'co-lien',
    name: 'Lien Møbelverk AS',
    industry: 'furniture',
    location: 'Nordvik',
    color: '#b45309',
    description: 'Kontor- og skolemøbler i heltre og plate, 60 ansatte.',
    sizeBand: '50-249',
    website: 'https://lien-mobelverk.example',
    contactPerson: 'Kari Lien',
  },
  {
    id: 'co-treform',
    name: 'Treform Interiør AS',
    industry: 'furniture',
    location: 'Elvestad',
    color: '#92400e',
    description: 'Spesialinnredning for butikk og hotell i små serier.',
    sizeBand: '10-49',
    website: 'https://treform.example',
    contactPerson: 'Jonas Berg',
  },
  {
    id: 'co-fjordmat',
    name: 'Fjordmat AS',
    industry: 'food',
    location: 'Nordvik',
    color: '#15803d',
    description:
      'Potetprodukter og ferdigretter; store mengder skrell og stivelse som restråstoff.',
    sizeBand: '50-249',
    website: 'https://fjordmat.example',
    contactPerson: 'Sigrid Næss',
  },
  {
    id: 'co-solbakken',
    name: 'Solbakken Bakeri AS',
    industry: 'food',
    location: 'Haugli',
    color: '#65a30d',
    description: 'Industribakeri med eget energiprosjekt for ovnsvarme.',
    sizeBand: '50-249',
    website: 'https://solbakken-bakeri.example',
    contactPerson: 'Per Solbakken',
  },
  {
    id: 'co-vestplate',
    name: 'Vestplate AS',
    industry: 'wood-panels',
    location: 'Strandvik',
    color: '#a16207',
    description: 'Sponplater og MDF; leter etter biobaserte bindemidler.',
    sizeBand: '250+',
    website: 'https://vestplate.example',
    contactPerson: 'Ingrid Vik',
  },
  {
    id: 'co-hals',
    name: 'Hals Kjetting AS',
    industry: 'chains',
    location: 'Elvestad',
    color: '#475569',
    description: 'Kjetting og løfteutstyr; herding, sveising og sporbarhet.',
    sizeBand: '50-249',
    website: 'https://hals-kjetting.example',
    contactPerson: 'Arne Hals',
  },
  {
    id: 'co-embla',
    name: 'Embla Emballasje AS',
    industry: 'packaging',
    location: 'Haugli',
    color: '#0e7490',
    description: 'Bølgepapp og formstøpt fiber for mat og møbler.',
    sizeBand: '10-49',
    website: 'https://embla-emballasje.example',
    contactPerson: 'Nora Dahl',
  },
  {
    id: 'co-aune',
    name: 'Aune Bygg AS',
    industry: 'construction',
    location: 'Strandvik',
    color: '#b91c1c',
    description: 'Massivtre og rehabilitering; fukt og inneklima.',
    sizeBand: '10-49',
    website: 'https://aune-bygg.example',
    contactPerson: 'Eirik Aune',
  },
  {
    id: 'co-kryss',
    name: 'Kryss Innovasjon AS',
    industry: 'innovation',
    location: 'Nordvik',
    color: '#7c3aed',
    description: 'Driver klyngen: workshops, prosjektutvikling og søknader.',
    sizeBand: '1-9',
    website: 'https://kryss-innovasjon.example',
    contactPerson: 'Maria Kryssvik',
  },
  {
    id: 'co-hik',
    name: 'Høgskolen i Kryssdalen',
    industry: 'university',
    location: 'Kryssdalen',
    color: '#1d4ed8',
    description: 'Materialteknologi, automatisering og livsløpsanalyse.',
    sizeBand: '250+',
    website: 'https://hik.example',
    contactPerson: 'Prof. Tor Åsen',
  },
]

const COMPETENCES: {
  id: string
  name: string
  nameEn: string
  category: CompetenceCategory
  synonyms?: string[]
}[] = [
  {
    id: 'cp-binders',
    name: 'Biobaserte bindemidler',
    nameEn: 'Bio-based binders',
    category: 'materials',
    synonyms: ['biolim', 'formaldehydfritt lim'],
  },
  { id: 'cp-starch', name: 'Stivelseskjemi', nameEn: 'Starch chemistry', category: 'materials' },
  {
    id: 'cp-robot',
    name: 'Robotceller for små serier',
    nameEn: 'Robot cells for small batches',
    category: 'automation',
    synonyms: ['robotisering'],
  },
  { id: 'cp-laser', name: 'Laserskjæring', nameEn: 'Laser cutting', category: 'processes' },
  {
    id: 'cp-heat',
    name: 'Varmegjenvinning',
    nameEn: 'Heat recovery',
    category: 'energy',
    synonyms: ['spillvarme'],
  },
  {
    id: 'cp-surface',
    name: 'Overflatebehandling og lakk',
    nameEn: 'Surface treatment and coating',
    category: 'processes',
  },
  {
    id: 'cp-lca',
    name: 'Livsløpsanalyse (LCA)',
    nameEn: 'Life-cycle assessment (LCA)',
    category: 'circularity',
  },
  { id: 'cp-fibre', name: 'Formstøpt fiber', nameEn: 'Moulded fibre', category: 'circularity' },
  {
    id: 'cp-moisture',
    name: 'Fuktsikring i massivtre',
    nameEn: 'Moisture protection in mass timber',
    category: 'materials',
  },
  {
    id: 'cp-trace',
    name: 'Sporbarhet og merking',
    nameEn: 'Traceability and marking',
    category: 'digital',
  },
]

/**
 * Offers and needs of the example map: [company, competence, offer 0–3, need 0–3, comment].
 * Chosen so that matchmaking has cross-industry matches to show (the food producer's starch
 * for the panel maker's binders, the bakery's heat recovery for the dryer, …).
 */
const CELLS: [string, string, Level, Level, string][] = [
  ['co-vestplate', 'cp-binders', 1, 3, 'Vil erstatte UF-lim i sponplater; piloter på gang.'],
  ['co-vestplate', 'cp-starch', 0, 2, ''],
  ['co-vestplate', 'cp-heat', 0, 2, 'Avtrekket fra trommeltørken.'],
  ['co-vestplate', 'cp-lca', 0, 1, ''],
  ['co-vestplate', 'cp-surface', 2, 0, ''],
  ['co-fjordmat', 'cp-starch', 3, 0, 'Store mengder stivelse og skrell som restråstoff.'],
  ['co-fjordmat', 'cp-binders', 1, 0, ''],
  ['co-fjordmat', 'cp-fibre', 0, 2, 'Emballasje uten plast til ferdigretter.'],
  ['co-fjordmat', 'cp-trace', 0, 2, ''],
  ['co-fjordmat', 'cp-heat', 2, 0, ''],
  ['co-solbakken', 'cp-heat', 3, 0, 'Eget energiprosjekt for ovnsvarme.'],
  ['co-solbakken', 'cp-robot', 0, 1, ''],
  ['co-solbakken', 'cp-starch', 2, 0, ''],
  ['co-lien', 'cp-robot', 2, 3, 'Små serier, mange varianter.'],
  ['co-lien', 'cp-surface', 3, 0, ''],
  ['co-lien', 'cp-laser', 0, 2, ''],
  ['co-lien', 'cp-lca', 0, 2, 'Kunder spør etter miljødeklarasjoner.'],
  ['co-treform', 'cp-surface', 2, 0, ''],
  ['co-treform', 'cp-laser', 2, 0, ''],
  ['co-treform', 'cp-robot', 0, 1, ''],
  ['co-hals', 'cp-laser', 3, 0, 'Lasermerking og -skjæring i stål.'],
  ['co-hals', 'cp-trace', 3, 0, 'Datamatrise på hvert tiende ledd.'],
  ['co-hals', 'cp-robot', 2, 0, 'Robotsveising.'],
  ['co-hals', 'cp-heat', 0, 2, 'Herdeovnene.'],
  ['co-embla', 'cp-fibre', 3, 0, ''],
  ['co-embla', 'cp-trace', 0, 3, 'Returemballasje som kan spores.'],
  ['co-embla', 'cp-binders', 0, 1, ''],
  ['co-aune', 'cp-moisture', 3, 0, ''],
  ['co-aune', 'cp-heat', 0, 2, 'Varme til hallen.'],
  ['co-aune', 'cp-lca', 1, 2, ''],
  ['co-kryss', 'cp-lca', 1, 0, ''],
  ['co-hik', 'cp-lca', 3, 0, 'Livsløpsanalyse og EPD-er.'],
  ['co-hik', 'cp-robot', 2, 0, 'Robotlab for offline-programmering.'],
  ['co-hik', 'cp-binders', 2, 0, ''],
  ['co-hik', 'cp-moisture', 2, 0, ''],
]

const p = (...content: Inline[]): Block => ({ type: 'paragraph', content })
const h = (text: string): Block => ({ type: 'heading', level: 2, content: [text] })
const ul = (...items: (string | Inline[])[]): Block => ({
  type: 'bulletList',
  items: items.map((item) => (typeof item === 'string' ? [item] : item)),
})
/** A checklist: `[x]` in front of an item marks it done. */
const tasks = (...items: string[]): Block => ({
  type: 'taskList',
  items: items.map((item) =>
    item.startsWith('[x] ')
      ? { checked: true, content: [item.slice(4)] }
      : { checked: false, content: [item] },
  ),
})
const table = (header: string[], ...rows: string[][]): Block => ({
  type: 'table',
  rows: [
    header.map((text) => ({ header: true, content: [text] })),
    ...rows.map((row) => row.map((text) => ({ content: [text] }))),
  ],
})
const quote = (...paragraphs: Inline[][]): Block => ({
  type: 'blockquote',
  children: paragraphs.map((content) => p(...content)),
})
/** An inline link to another demo note (the host mirrors it into the note's `links`). */
const link = (id: DemoNoteId): Inline => ({ type: 'noteLink', id })

/**
 * Fixed note ids. WARNING: the e2e specs open these notes by title and expect the binders and
 * robot notes to start with no backlinks and the robot note to carry only the tag
 * "automasjon" — keep those when changing the data (shared/demo.test.ts checks it).
 */
type DemoNoteId =
  | 'note-demo-binders'
  | 'note-demo-robot'
  | 'note-demo-heat'
  | 'note-demo-starch'
  | 'note-demo-workshop'
  | 'note-demo-packaging'
  | 'note-demo-dryer'
  | 'note-demo-tracing'

type DemoNote = {
  id: DemoNoteId
  title: string
  companyId: string
  type: NoteType
  tags: string[]
  competenceIds: string[]
  blocks: Block[]
}

const NOTES: DemoNote[] = [
  {
    id: 'note-demo-binders',
    title: 'Biobaserte bindemidler i sponplater',
    companyId: 'co-vestplate',
    type: 'competence',
    tags: ['sponplater', 'lim'],
    competenceIds: ['cp-binders', 'cp-starch'],
    blocks: [
      p(
        'Vi har testet ',
        { text: 'stivelsesbaserte bindemidler', bold: true },
        ' som delvis erstatning for urea-formaldehyd (UF) i sponplater.',
      ),
      h('Hva vi vet'),
      ul(
        'Opptil 30 % erstatning uten tap av bøyestyrke i lab',
        'Fukt er utfordringen: svelling øker over 20 %',
        'Pressetiden øker med ca. 10 %',
      ),
      h('Resultater fra pilotpressen'),
      table(
        ['Andel stivelse', 'Bøyestyrke (MPa)', 'Svelling 24 t', 'Pressetid'],
        ['0 % (referanse)', '13,1', '14 %', '180 s'],
        ['15 %', '12,9', '16 %', '190 s'],
        ['30 %', '12,6', '21 %', '198 s'],
      ),
      h('Hva vi trenger'),
      p(
        'Stabil tilgang på stivelse, og noen som kan modifisere den kjemisk. Fjordmat har restråstoff – se ',
        link('note-demo-starch'),
        '. Tørken bruker mye energi; det følger vi opp i ',
        link('note-demo-dryer'),
        '.',
      ),
    ],
  },
  {
    id: 'note-demo-robot',
    title: 'Robotcelle for små serier',
    companyId: 'co-lien',
    type: 'competence',
    tags: ['automasjon'],
    competenceIds: ['cp-robot', 'cp-surface'],
    blocks: [
      p(
        'Robotcella vår sliper og lakkerer seriestørrelser ned til ',
        { text: 'fem stykk', italic: true },
        ', med omstilling på under ti minutter.',
      ),
      h('Utstyr og kapasitet'),
      table(
        ['Operasjon', 'Maks. emne', 'Kapasitet', 'Omstilling'],
        ['Sliping', '2400 × 1200 mm', '40 flater/t', '6 min'],
        ['Lakkering (vannbasert)', '2400 × 1200 mm', '25 flater/t', '9 min'],
        ['Håndtering/palletering', '35 kg', '120 emner/t', '3 min'],
      ),
      h('Erfaringer'),
      ul(
        'Offline-programmering fra CAD sparte mest tid',
        'Fiksturer i aluminium, 3D-printede tilpasninger',
        'Operatørene må være med fra start',
      ),
      p(
        'Cella kan også pakke ferdige møbler; emballasjen diskuterte vi på ',
        link('note-demo-workshop'),
        '. Vi deler gjerne oppsettet med andre som vurderer automatisering i små serier.',
      ),
    ],
  },
  {
    id: 'note-demo-heat',
    title: 'Erfaringer med varmegjenvinning fra ovner',
    companyId: 'co-solbakken',
    type: 'lesson',
    tags: ['energi', 'ovnsvarme'],
    competenceIds: ['cp-heat'],
    blocks: [
      h('Hva vi prøvde'),
      p(
        'Vi henter varme fra avtrekket over tunnelovnene til vaskeanlegget og bygningsoppvarmingen.',
      ),
      h('Hva som skjedde'),
      ul(
        'Varmeveksler med automatisk rengjøring (fett!)',
        'Varmepumpe løfter temperaturen til 70 °C',
        'Tilbakebetalingstid på om lag fire år',
      ),
      quote(
        [
          '«Vi dimensjonerte etter vinterdriften og fikk en veksler som gikk halvfull resten av året. Mål først.»',
        ],
        [{ text: '– driftssjefen på Solbakken', italic: true }],
      ),
      h('Hva vi ville gjort annerledes'),
      p(
        'Målt energiflyt i et helt år før vi dimensjonerte. Høgskolen hjalp oss med målingene, og Vestplate vil prøve det samme på sponplatetørken: ',
        link('note-demo-dryer'),
        '.',
      ),
    ],
  },
  {
    id: 'note-demo-starch',
    title: 'Stivelse fra potetskrell som råstoff',
    companyId: 'co-fjordmat',
    type: 'competence',
    tags: ['stivelse', 'restråstoff'],
    competenceIds: ['cp-starch'],
    blocks: [
      p(
        'Vi har om lag 2 000 tonn skrell og prosessvann i året. Stivelsen kan gjenvinnes og selges videre.',
      ),
      h('Utstyr og kapasitet'),
      table(
        ['Periode', 'Stivelse (tonn/mnd)', 'Renhet', 'Tørrstoff'],
        ['September–mars', '45', '85–90 %', '38 %'],
        ['April–august', '15', '80–85 %', '35 %'],
      ),
      h('Hvem andre bransjer kan ha nytte av det'),
      ul(
        'Plateindustri: bindemiddel i sponplater',
        ['Emballasje: bindemiddel i formstøpt fiber – se ', link('note-demo-packaging')],
        'Modifisering (oksidering, kationisering) må skje hos en partner; vi har ikke kjemien selv',
      ),
      p('Kontakt produksjonssjefen på Fjordmat for prøver og leveranseavtale.'),
    ],
  },
  {
    id: 'note-demo-workshop',
    title: 'Workshop: sirkulær emballasje for møbler',
    companyId: 'co-kryss',
    type: 'meeting',
    tags: ['workshop', 'emballasje'],
    competenceIds: ['cp-fibre', 'cp-lca'],
    blocks: [
      h('Deltakere'),
      ul('Lien Møbelverk', 'Treform Interiør', 'Embla Emballasje', 'Høgskolen i Kryssdalen'),
      h('Saker'),
      ul(
        'Formstøpt fiber i stedet for EPS i møbelemballasje',
        'Returordning for paller og hjørnebeskyttere',
        'LCA av dagens emballasje som første steg',
      ),
      h('Beslutninger'),
      p(
        'Vi går videre med fiberemballasje som forprosjekt: ',
        link('note-demo-packaging'),
        '. Embla undersøker stivelse fra Fjordmat som bindemiddel (',
        link('note-demo-starch'),
        ').',
      ),
      h('Neste steg'),
      tasks(
        '[x] Sende referat til deltakerne',
        'Kryss Innovasjon skriver skisse til forprosjekt innen utgangen av måneden',
        'Høgskolen setter opp LCA av dagens EPS-emballasje',
        'Lien sender mål og vekt på de fem vanligste produktene',
      ),
    ],
  },
  {
    id: 'note-demo-packaging',
    title: 'Idé: fiberemballasje for møbler',
    companyId: 'co-embla',
    type: 'idea',
    tags: ['emballasje', 'fiber'],
    competenceIds: ['cp-fibre', 'cp-starch', 'cp-lca'],
    blocks: [
      h('Idé'),
      p(
        'Hjørner og kantbeskyttere i formstøpt trefiber erstatter EPS i møbelpakker, med stivelse fra Fjordmat som bindemiddel i stedet for fossilt lim (',
        link('note-demo-starch'),
        '). Idéen kom fra ',
        link('note-demo-workshop'),
        '.',
      ),
      h('Partnere'),
      ul(
        'Embla Emballasje – verktøy og produksjon',
        'Lien Møbelverk og Treform Interiør – testkunder',
        'Fjordmat – stivelse',
        'Høgskolen i Kryssdalen – LCA og falltester',
      ),
      h('Hva vi trenger'),
      ul('Fiber fra Vestplates kapp og støv', 'Finansiering av forprosjekt (ca. 1,2 mill. kr)'),
      h('Neste steg'),
      tasks(
        '[x] Prøvepresse tre hjørneprofiler',
        'Falltest etter ISTA 3A på Høgskolen',
        'Søke forprosjektmidler sammen med Kryss Innovasjon',
      ),
    ],
  },
  {
    id: 'note-demo-dryer',
    title: 'Spillvarme fra sponplatetørken',
    companyId: 'co-vestplate',
    type: 'idea',
    tags: ['energi', 'sponplater'],
    competenceIds: ['cp-heat'],
    blocks: [
      p(
        'Avtrekket fra trommeltørken holder 120–150 °C. Den varmen kan gå til lageret, slik Solbakken gjorde: ',
        link('note-demo-heat'),
        '.',
      ),
      h('Neste steg'),
      tasks(
        '[x] Spørre Aune Bygg om varmebehovet i hallen',
        'Måle energiflyten i avtrekket i et helt år (Høgskolen)',
      ),
    ],
  },
  {
    id: 'note-demo-tracing',
    title: 'Sporbarhet med lasermerking',
    companyId: 'co-hals',
    type: 'lesson',
    tags: ['sporbarhet', 'laser'],
    competenceIds: ['cp-trace', 'cp-laser'],
    blocks: [
      h('Hva vi prøvde'),
      p(
        'Lasermerke en datamatrise-kode på hvert tiende ledd før herding, i stedet for metallskilt.',
      ),
      h('Hva som skjedde'),
      p(
        'Koden overlevde herdingen, men ikke sandblåsingen. Vi flyttet merkingen til etter blåsing.',
      ),
      quote([
        '«Kunden vil vite hvilken charge stålet kom fra – ikke bare hvilket år kjettingen ble laget.»',
      ]),
      h('Hva vi lærte'),
      ul('Merk så sent i prosessen som mulig', 'Kode og database må henge sammen fra dag én', [
        'Det samme trengs for returemballasje: ',
        link('note-demo-packaging'),
      ]),
    ],
  },
]

/** A note body to write into the note's own document after seeding the root. */
export type SeedBody = { noteId: NoteId; blocks: readonly Block[] }

/**
 * Fills an empty root document with the example cluster and returns the note bodies, which
 * the caller writes into each note's own document (`seedNoteBody`). Fixed ids make the root
 * part idempotent: two replicas that both seed produce the same records, not duplicates.
 *
 * The notes' `links` sets are written here too, read from the bodies the same way the host
 * derives them (syncNoteLinks), so backlinks show on first start without waiting for the
 * host to see the bodies change.
 */
export function seedDemoWorkspace(doc: Y.Doc, now: number): SeedBody[] {
  doc.transact(() => {
    initWorkspace(doc, { name: DEMO_WORKSPACE_NAME, now, demo: true })
    for (const company of COMPANIES) {
      createCompany(doc, { ...company, id: company.id as CompanyId })
    }
    for (const competence of COMPETENCES) {
      addCompetence(doc, { ...competence, id: competence.id as CompetenceId })
    }
    for (const [companyId, competenceId, offer, need, comment] of CELLS) {
      writeCell(
        doc,
        companyId as CompanyId,
        competenceId as CompetenceId,
        { offer, need, comment },
        undefined,
      )
    }
    NOTES.forEach((note, index) => {
      createNote(doc, {
        id: note.id as NoteId,
        title: note.title,
        author: DEMO_AUTHOR,
        now: now - index * 3_600_000,
        companyId: note.companyId as CompanyId,
        type: note.type,
        tags: note.tags,
        competenceIds: note.competenceIds as CompetenceId[],
      })
    })
    createBoard(doc, {
      id: DEMO_BOARD.id,
      title: DEMO_BOARD.title,
      author: DEMO_AUTHOR,
      now,
      template: DEMO_BOARD.template,
    })
    for (const note of NOTES) {
      const body = new Y.Doc()
      appendNoteBody(body, note.blocks, SEED_ORIGIN)
      syncNoteLinks(doc, note.id as NoteId, noteBodyFragment(body), SEED_ORIGIN)
      body.destroy()
    }
  }, SEED_ORIGIN)
  return NOTES.map((note) => ({ noteId: note.id as NoteId, blocks: note.blocks }))
}

/*
 * The example board: the packaging workshop's idea taken towards a project, laid out like the
 * "idea → project" template, with stickies by the (fictional) people who were there.
 */
const WORKSHOP_PEOPLE = {
  ingrid: { id: 'demo-ingrid', name: 'Ingrid Lien' },
  jonas: { id: 'demo-jonas', name: 'Jonas Berg' },
  marte: { id: 'demo-marte', name: 'Marte Dahl' },
  ola: { id: 'demo-ola', name: 'Ola Fjeld' },
} as const satisfies Record<string, BoardActor>

type DemoSticky = { text: string; by: keyof typeof WORKSHOP_PEOPLE; color: StickyColor }

const DEMO_COLUMNS: { title: string; color: StickyColor; stickies: DemoSticky[] }[] = [
  {
    title: 'Idé',
    color: 'yellow',
    stickies: [
      { text: 'Hjørnebeskyttere av returpapp', by: 'ingrid', color: 'yellow' },
      { text: 'Formstøpt fiber i stedet for EPS rundt møblene', by: 'jonas', color: 'yellow' },
      { text: 'Felles returordning for paller i klyngen', by: 'ola', color: 'yellow' },
    ],
  },
  {
    title: 'Partnere',
    color: 'blue',
    stickies: [
      { text: 'Embla Emballasje: formstøping og verktøy', by: 'jonas', color: 'blue' },
      { text: 'Fjordmat: stivelse som bindemiddel i fiberen', by: 'ola', color: 'blue' },
      { text: 'Høgskolen: LCA av dagens emballasje', by: 'marte', color: 'blue' },
    ],
  },
  {
    title: 'Hva vi trenger',
    color: 'orange',
    stickies: [
      { text: 'Mål og vekt på de fem vanligste produktene', by: 'ingrid', color: 'orange' },
      { text: 'Prøvepressing av fiberformer', by: 'jonas', color: 'orange' },
      { text: 'Finansiering av et forprosjekt', by: 'ola', color: 'orange' },
    ],
  },
  {
    title: 'Neste steg',
    color: 'green',
    stickies: [
      { text: 'Skisse til forprosjekt innen månedsslutt', by: 'ola', color: 'green' },
      { text: 'LCA av EPS-emballasjen som første steg', by: 'marte', color: 'green' },
    ],
  },
]

/** The example workspace's board: its id, its list entry and how its document is filled. */
export const DEMO_BOARD = {
  id: 'board-demo-packaging' as BoardId,
  title: 'Fra idé til prosjekt: fiberemballasje',
  template: 'idea-to-project',
}

const COLUMN = { w: 560, h: 620, gap: 40, top: 120 }
const STICKY = { size: 160, gap: 40, left: 80, top: 100 }

/**
 * Fills the example board's own document (room `<workspace>/boards/board-demo-packaging`):
 * meta, a heading, four columns and the workshop's stickies, in one transaction. Fixed item
 * ids: two replicas that both seed write the same items. A board already started is left alone.
 */
export function seedDemoBoard(doc: Y.Doc, now: number): void {
  const facilitator = WORKSHOP_PEOPLE.ola
  if (typeof boardMeta(doc).get('createdAt') === 'number') return
  doc.transact(() => {
    initBoard(doc, {
      title: DEMO_BOARD.title,
      actor: facilitator,
      now,
      template: DEMO_BOARD.template,
    })
    createItems(
      doc,
      [
        {
          id: 'item-demo-heading' as ItemId,
          kind: 'text',
          x: 0,
          y: 0,
          w: 1200,
          h: 64,
          text: 'Prosjektidé: sirkulær emballasje for møbler',
        },
        ...DEMO_COLUMNS.map((column, c): NewItem => ({
          id: `item-demo-column-${c}` as ItemId,
          kind: 'frame',
          x: c * (COLUMN.w + COLUMN.gap),
          y: COLUMN.top,
          w: COLUMN.w,
          h: COLUMN.h,
          text: column.title,
          color: column.color,
        })),
      ],
      { actor: facilitator, now },
    )
    DEMO_COLUMNS.forEach((column, c) => {
      column.stickies.forEach((sticky, s) => {
        createItems(
          doc,
          [
            {
              id: `item-demo-sticky-${c}-${s}` as ItemId,
              kind: 'sticky',
              x: c * (COLUMN.w + COLUMN.gap) + STICKY.left + (s % 2) * (STICKY.size + STICKY.gap),
              y: COLUMN.top + STICKY.top + Math.floor(s / 2) * (STICKY.size + STICKY.gap),
              text: sticky.text,
              color: sticky.color,
              frameId: `item-demo-column-${c}` as ItemId,
            },
          ],
          { actor: WORKSHOP_PEOPLE[sticky.by], now },
        )
      })
    })
    createItems(
      doc,
      [
        {
          id: 'item-demo-arrow' as ItemId,
          kind: 'connector',
          x: 0,
          y: 0,
          // The fibre idea (right in its column) → the partner who would make it.
          from: 'item-demo-sticky-0-1' as ItemId,
          to: 'item-demo-sticky-1-0' as ItemId,
        },
      ],
      { actor: facilitator, now },
    )
  }, SEED_ORIGIN)
}
