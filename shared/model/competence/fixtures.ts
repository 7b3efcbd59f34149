import type * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import { createCompany, INDUSTRIES, SIZE_BANDS } from '../companies'
import { COMMAND_ORIGIN } from '../schema'
import { writeCell, type Level } from './cells'
import { addCompetence, COMPETENCE_CATEGORIES } from './vocabulary'

/**
 * A generated competence map, deterministic from a seed: `companies` companies spread over
 * the industries, `competences` competences over the categories, and for each company ×
 * competence an offer with probability `offerShare` and a need with `needShare` (levels 1–3).
 * For tests, the benchmark (50 × 300) and screenshots. Written in one transaction.
 */
export type CompetenceMapFixture = {
  companies: CompanyId[]
  competences: CompetenceId[]
  offers: number
  needs: number
}

const SYLLABLES = [
  'lin',
  'fjord',
  'vest',
  'nor',
  'hal',
  'aune',
  'bjør',
  'sol',
  'elv',
  'strand',
  'å',
  'myr',
]
const PLACES = ['Nordvik', 'Elvestad', 'Haugli', 'Strandvik', 'Kryssdalen', 'Øvre Ås']
const TOPICS = [
  ['Bindemidler', 'Binders'],
  ['Herding', 'Hardening'],
  ['Robotsveising', 'Robot welding'],
  ['Varmepumper', 'Heat pumps'],
  ['Returlogistikk', 'Reverse logistics'],
  ['Fiberstøping', 'Fibre moulding'],
  ['Produktdesign', 'Product design'],
  ['Maskinlæring', 'Machine learning'],
  ['Lakkering', 'Coating'],
  ['Sporbarhet', 'Traceability'],
  ['Fukt og inneklima', 'Moisture and indoor climate'],
  ['Livsløpsanalyse', 'Life-cycle assessment'],
] as const

function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number): string => String(n).padStart(3, '0')

export function fillCompetenceMap(
  doc: Y.Doc,
  input: {
    companies?: number
    competences?: number
    offerShare?: number
    needShare?: number
    seed?: number
    now?: number
  } = {},
): CompetenceMapFixture {
  const random = seeded(input.seed ?? 1)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const level = (): Level => (1 + Math.floor(random() * 3)) as Level
  const edit = { author: { name: 'Fixture' }, now: input.now ?? Date.UTC(2026, 0, 15) }
  const companies: CompanyId[] = []
  const competences: CompetenceId[] = []
  let offers = 0
  let needs = 0
  doc.transact(() => {
    for (let i = 0; i < (input.companies ?? 50); i++) {
      const name = `${pick(SYLLABLES)}${pick(SYLLABLES)}`
      companies.push(
        createCompany(doc, {
          id: `co-fx-${pad(i)}` as CompanyId,
          name: `${name[0]?.toLocaleUpperCase('nb') ?? ''}${name.slice(1)} ${pad(i)} AS`,
          industry: INDUSTRIES[i % INDUSTRIES.length] as (typeof INDUSTRIES)[number],
          location: pick(PLACES),
          description: '',
          color: `#${Math.floor(random() * 0xffffff)
            .toString(16)
            .padStart(6, '0')}`,
          sizeBand: pick(SIZE_BANDS),
        }),
      )
    }
    for (let i = 0; i < (input.competences ?? 300); i++) {
      const [nb, en] = TOPICS[i % TOPICS.length] as readonly [string, string]
      competences.push(
        addCompetence(doc, {
          id: `cp-fx-${pad(i)}` as CompetenceId,
          name: `${nb} ${pad(i)}`,
          nameEn: `${en} ${pad(i)}`,
          category: COMPETENCE_CATEGORIES[i % COMPETENCE_CATEGORIES.length],
        }),
      )
    }
    for (const companyId of companies) {
      for (const competenceId of competences) {
        const offer = random() < (input.offerShare ?? 0.1) ? level() : 0
        const need = random() < (input.needShare ?? 0.05) ? level() : 0
        if (offer === 0 && need === 0) continue
        if (offer > 0) offers++
        if (need > 0) needs++
        writeCell(doc, companyId, competenceId, { offer, need }, edit)
      }
    }
  }, COMMAND_ORIGIN)
  return { companies, competences, offers, needs }
}
