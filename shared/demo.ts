import type * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from './ids'
import { createCompany, createCompetence, type Industry } from './model/companies'
import { createNote } from './model/notes'
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
}

const COMPANIES: DemoCompany[] = [
  {
    id: 'co-lien',
    name: 'Lien Møbelverk AS',
    industry: 'furniture',
    location: 'Nordvik',
    color: '#b45309',
    description: 'Kontor- og skolemøbler i heltre og plate, 60 ansatte.',
  },
  {
    id: 'co-treform',
    name: 'Treform Interiør AS',
    industry: 'furniture',
    location: 'Elvestad',
    color: '#92400e',
    description: 'Spesialinnredning for butikk og hotell i små serier.',
  },
  {
    id: 'co-fjordmat',
    name: 'Fjordmat AS',
    industry: 'food',
    location: 'Nordvik',
    color: '#15803d',
    description:
      'Potetprodukter og ferdigretter; store mengder skrell og stivelse som restråstoff.',
  },
  {
    id: 'co-solbakken',
    name: 'Solbakken Bakeri AS',
    industry: 'food',
    location: 'Haugli',
    color: '#65a30d',
    description: 'Industribakeri med eget energiprosjekt for ovnsvarme.',
  },
  {
    id: 'co-vestplate',
    name: 'Vestplate AS',
    industry: 'wood-panels',
    location: 'Strandvik',
    color: '#a16207',
    description: 'Sponplater og MDF; leter etter biobaserte bindemidler.',
  },
  {
    id: 'co-hals',
    name: 'Hals Kjetting AS',
    industry: 'chains',
    location: 'Elvestad',
    color: '#475569',
    description: 'Kjetting og løfteutstyr; herding, sveising og sporbarhet.',
  },
  {
    id: 'co-embla',
    name: 'Embla Emballasje AS',
    industry: 'packaging',
    location: 'Haugli',
    color: '#0e7490',
    description: 'Bølgepapp og formstøpt fiber for mat og møbler.',
  },
  {
    id: 'co-aune',
    name: 'Aune Bygg AS',
    industry: 'construction',
    location: 'Strandvik',
    color: '#b91c1c',
    description: 'Massivtre og rehabilitering; fukt og inneklima.',
  },
  {
    id: 'co-kryss',
    name: 'Kryss Innovasjon AS',
    industry: 'innovation',
    location: 'Nordvik',
    color: '#7c3aed',
    description: 'Driver klyngen: workshops, prosjektutvikling og søknader.',
  },
  {
    id: 'co-hik',
    name: 'Høgskolen i Kryssdalen',
    industry: 'university',
    location: 'Kryssdalen',
    color: '#1d4ed8',
    description: 'Materialteknologi, automatisering og livsløpsanalyse.',
  },
]

const COMPETENCES: { id: string; name: string; category: string }[] = [
  { id: 'cp-binders', name: 'Biobaserte bindemidler', category: 'materials' },
  { id: 'cp-starch', name: 'Stivelseskjemi', category: 'materials' },
  { id: 'cp-robot', name: 'Robotceller for små serier', category: 'automation' },
  { id: 'cp-laser', name: 'Laserskjæring', category: 'processes' },
  { id: 'cp-heat', name: 'Varmegjenvinning', category: 'energy' },
  { id: 'cp-surface', name: 'Overflatebehandling og lakk', category: 'processes' },
  { id: 'cp-lca', name: 'Livsløpsanalyse (LCA)', category: 'circularity' },
  { id: 'cp-fibre', name: 'Formstøpt fiber', category: 'circularity' },
  { id: 'cp-moisture', name: 'Fuktsikring i massivtre', category: 'materials' },
  { id: 'cp-trace', name: 'Sporbarhet og merking', category: 'digital' },
]

const p = (...content: Inline[]): Block => ({ type: 'paragraph', content })
const h = (text: string): Block => ({ type: 'heading', level: 2, content: [text] })
const ul = (...items: string[]): Block => ({
  type: 'bulletList',
  items: items.map((item) => [item]),
})

const NOTES: { id: string; title: string; companyId: string; blocks: Block[] }[] = [
  {
    id: 'note-demo-binders',
    title: 'Biobaserte bindemidler i sponplater',
    companyId: 'co-vestplate',
    blocks: [
      p(
        'Vi har testet ',
        { text: 'stivelsesbaserte bindemidler', bold: true },
        ' som delvis erstatning for urea-formaldehyd i sponplater.',
      ),
      h('Hva vi vet'),
      ul(
        'Opptil 30 % erstatning uten tap av bøyestyrke i lab',
        'Fukt er utfordringen: svelling øker over 20 %',
        'Pressetiden øker med ca. 10 %',
      ),
      h('Hva vi trenger'),
      p(
        'Stabil tilgang på stivelse, og noen som kan modifisere den kjemisk. Fjordmat har restråstoff – se notatet deres.',
      ),
    ],
  },
  {
    id: 'note-demo-robot',
    title: 'Robotcelle for små serier',
    companyId: 'co-lien',
    blocks: [
      p(
        'Robotcella vår sliper og lakkerer seriestørrelser ned til ',
        { text: 'fem stykk', italic: true },
        ', med omstilling på under ti minutter.',
      ),
      h('Erfaringer'),
      ul(
        'Offline-programmering fra CAD sparte mest tid',
        'Fiksturer i aluminium, 3D-printede tilpasninger',
        'Operatørene må være med fra start',
      ),
      p('Vi deler gjerne oppsettet med andre som vurderer automatisering i små serier.'),
    ],
  },
  {
    id: 'note-demo-heat',
    title: 'Erfaringer med varmegjenvinning fra ovner',
    companyId: 'co-solbakken',
    blocks: [
      p(
        'Lærdom fra prosjektet der vi henter varme fra ovnsavtrekket til vaskeanlegg og bygningsoppvarming.',
      ),
      h('Det som fungerte'),
      ul(
        'Varmeveksler med automatisk rengjøring (fett!)',
        'Varmepumpe løfter temperaturen til 70 °C',
        'Tilbakebetalingstid på om lag fire år',
      ),
      h('Det vi ville gjort annerledes'),
      p('Målt energiflyt i et helt år før vi dimensjonerte. Høgskolen hjalp oss med målingene.'),
    ],
  },
  {
    id: 'note-demo-starch',
    title: 'Stivelse fra potetskrell som råstoff',
    companyId: 'co-fjordmat',
    blocks: [
      p(
        'Vi har om lag 2 000 tonn skrell og prosessvann i året. Stivelsen kan gjenvinnes og selges videre.',
      ),
      ul(
        'Renhet: 85–90 % etter enkel separasjon',
        'Sesongvariasjon: mest fra september til mars',
        'Aktuelle kjøpere: plateindustri, emballasje',
      ),
    ],
  },
  {
    id: 'note-demo-workshop',
    title: 'Workshop: sirkulær emballasje for møbler',
    companyId: 'co-kryss',
    blocks: [
      p('Referat fra workshop med Lien, Treform, Embla og Høgskolen.'),
      h('Idéer vi tar videre'),
      ul(
        'Formstøpt fiber i stedet for EPS i møbelemballasje',
        'Returordning for paller og hjørnebeskyttere',
        'LCA av dagens emballasje som første steg',
      ),
      h('Neste steg'),
      p('Kryss Innovasjon skriver skisse til forprosjekt innen utgangen av måneden.'),
    ],
  },
]

/** A note body to write into the note's own document after seeding the root. */
export type SeedBody = { noteId: NoteId; blocks: readonly Block[] }

/**
 * Fills an empty root document with the example cluster and returns the note bodies, which
 * the caller writes into each note's own document (`seedNoteBody`). Fixed ids make the root
 * part idempotent: two replicas that both seed produce the same records, not duplicates.
 */
export function seedDemoWorkspace(doc: Y.Doc, now: number): SeedBody[] {
  doc.transact(() => {
    initWorkspace(doc, { name: DEMO_WORKSPACE_NAME, now, demo: true })
    for (const company of COMPANIES) {
      createCompany(doc, { ...company, id: company.id as CompanyId })
    }
    for (const competence of COMPETENCES) {
      createCompetence(doc, { ...competence, id: competence.id as CompetenceId })
    }
    NOTES.forEach((note, index) => {
      createNote(doc, {
        id: note.id as NoteId,
        title: note.title,
        author: DEMO_AUTHOR,
        now: now - index * 3_600_000,
        companyId: note.companyId as CompanyId,
      })
    })
  }, SEED_ORIGIN)
  return NOTES.map((note) => ({ noteId: note.id as NoteId, blocks: note.blocks }))
}
