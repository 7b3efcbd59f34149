import Fuse from 'fuse.js'
import { describe, expect, it } from 'vitest'
import { foldWithOffsets, originalRanges } from './foldOffsets'
import {
  allowedErrors,
  createFuzzyIndex,
  foldName,
  FUSE_OPTIONS,
  queryWords,
  type FuzzyEntry,
  type FuzzyHit,
} from './fuzzyIndex'
import { foldTerm } from '../../../../shared/search/terms'

const WORDS = [
  'varmegjenvinning',
  'tørkeanlegg',
  'laserkutting',
  'biobaserte',
  'bindemidler',
  'møbelproduksjon',
  'råvarer',
  'overskuddsvarme',
  'robotsveising',
  'kvalitetskontroll',
  'logistikk',
  'prosjekt',
  'erfaringer',
  'møte',
  'idé',
  'kapasitet',
  'limtre',
  'energi',
  'måling',
  'Løten',
  'Ærfugl',
  'CNC',
  'og',
  'på',
]

function seeded(seed: number): () => number {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
}

function fixture(count: number, seed = 7): FuzzyEntry[] {
  const random = seeded(seed)
  const pick = (): string => WORDS[Math.floor(random() * WORDS.length)] as string
  const entries: FuzzyEntry[] = []
  for (let i = 0; i < count; i++) {
    const length = 1 + Math.floor(random() * 5)
    entries.push({
      kind: 'note',
      id: `n${i}`,
      names: [Array.from({ length }, pick).join(' ')],
    })
  }
  for (let i = 0; i < 40; i++)
    entries.push({ kind: 'board', id: `b${i}`, names: [`Workshop ${pick()}`] })
  for (let i = 0; i < 30; i++) {
    entries.push({ kind: 'competence', id: `c${i}`, names: [pick(), `${pick()} en`, pick()] })
  }
  for (let i = 0; i < 20; i++) entries.push({ kind: 'tag', id: `t${i}`, names: [pick()] })
  return entries
}

/** Queries as people type them: prefixes, typos (a letter dropped, swapped, doubled), æøå. */
function queries(count: number, seed = 11): string[] {
  const random = seeded(seed)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const word = foldTerm(WORDS[Math.floor(random() * WORDS.length)] as string)
    const cut = word.slice(0, 1 + Math.floor(random() * word.length))
    const at = Math.floor(random() * cut.length)
    const variant = Math.floor(random() * 4)
    const typed =
      variant === 0
        ? cut
        : variant === 1
          ? cut.slice(0, at) + cut.slice(at + 1)
          : variant === 2
            ? cut.slice(0, at) + (cut[at + 1] ?? '') + (cut[at] ?? '') + cut.slice(at + 2)
            : cut.slice(0, at) + (cut[at] ?? '') + cut.slice(at)
    out.push(random() < 0.3 ? `${typed} ${WORDS[Math.floor(random() * WORDS.length)]}` : typed)
  }
  return out.filter((query) => query.trim() !== '')
}

const ids = (hits: readonly FuzzyHit[]): string[] => hits.map((hit) => hit.entry.id).sort()

describe('the palette fuzzy index', () => {
  it('finds exactly what plain Fuse finds over every name (the filters drop nothing)', () => {
    const entries = fixture(600)
    const index = createFuzzyIndex(entries)
    const plain = new Fuse(
      entries.map((entry) => ({ names: entry.names.map(foldName) })),
      FUSE_OPTIONS,
    )
    let compared = 0
    for (const query of queries(300)) {
      const words = queryWords(query)
      if (words.length === 0) continue
      const expected = plain
        .search(words.join(' '))
        .map((result) => (entries[result.refIndex] as FuzzyEntry).id)
        .sort()
      expect(ids(index.search(query, { perKind: 10_000 })), query).toEqual(expected)
      compared += expected.length
    }
    // The queries did find things (a filter that dropped everything would pass otherwise).
    expect(compared).toBeGreaterThan(1000)
  })

  it('stops early without changing the top hits: the first few equal the start of all of them', () => {
    const entries = fixture(1500, 3)
    for (let i = 0; i < 10; i++)
      entries.push({ kind: 'board', id: `meeting${i}`, names: [`Møte ${i}`] })
    entries.push({ kind: 'board', id: 'late-exact', names: ['Møte'] })
    const index = createFuzzyIndex(entries)
    const queries = ['m', 'mo', 'moe', 'møte', 'mote', 'energi', 'enrgi', 'kapasitt', 'ide', 'r']
    for (const query of queries) {
      const all = index.search(query, { perKind: 10_000 })
      const few = index.search(query, { perKind: 5 })
      for (const kind of ['note', 'board', 'competence', 'tag'] as const) {
        const expected = all.filter((hit) => hit.entry.kind === kind).slice(0, 5)
        expect(
          few.filter((hit) => hit.entry.kind === kind),
          `${query} (${kind})`,
        ).toEqual(expected)
      }
    }
    // The name that is exactly the query comes first though it is the oldest.
    const boards = index.search('møte', { perKind: 3 }).filter((hit) => hit.entry.kind === 'board')
    expect(boards.map((hit) => hit.entry.id)).toEqual(['late-exact', 'meeting0', 'meeting1'])
  })

  it('ranks whole words above typos, a word start above inside a word, recent first', () => {
    const entries: FuzzyEntry[] = [
      { kind: 'note', id: 'inside', names: ['Grunnenergi'] },
      { kind: 'note', id: 'typo', names: ['Enrgi på lager'] },
      { kind: 'note', id: 'start-old', names: ['Om energi'] },
      { kind: 'note', id: 'first', names: ['Energi og varme'] },
      { kind: 'note', id: 'start-new', names: ['Mer energi'] },
    ]
    const order = createFuzzyIndex(entries)
      .search('energi')
      .map((hit) => hit.entry.id)
    expect(order).toEqual(['first', 'start-old', 'start-new', 'inside', 'typo'])
  })

  it('puts the name that is exactly the query first', () => {
    const entries: FuzzyEntry[] = [
      { kind: 'board', id: 'longer', names: ['Idémyldring'] },
      { kind: 'board', id: 'exact', names: ['Idé'] },
    ]
    expect(createFuzzyIndex(entries).search('ide')[0]?.entry.id).toBe('exact')
  })

  it('matches æ, ø and å typed as ae, oe and aa, and tolerates a typo', () => {
    const entries: FuzzyEntry[] = [
      { kind: 'note', id: 'torke', names: ['Tørkeanlegg på Løten'] },
      { kind: 'company', id: 'mobel', names: ['Møbelfabrikken AS'] },
    ]
    const index = createFuzzyIndex(entries)
    expect(ids(index.search('toerke loeten'))).toEqual(['torke'])
    expect(ids(index.search('Tørke'))).toEqual(['torke'])
    expect(ids(index.search('moebelfabrik'))).toEqual(['mobel'])
    // "mobel" lacks the e of "moebel": one error in five letters.
    expect(ids(index.search('mobelfabrikken'))).toEqual(['mobel'])
    expect(index.search('xyzzy')).toEqual([])
  })

  it('marks the matched letters on the name as written', () => {
    const index = createFuzzyIndex([{ kind: 'note', id: 'a', names: ['Om Tørkeanlegg'] }])
    const [hit] = index.search('tørke')
    // "Tørke" in the original: offsets 3–8, though folded it is "toerke" (six letters).
    expect(hit?.ranges).toEqual([[3, 8]])
  })

  it('finds a competence by a synonym and says which name matched', () => {
    const index = createFuzzyIndex([
      { kind: 'competence', id: 'k', names: ['Robotsveising', 'Robot welding', 'Sveiserobot'] },
    ])
    const [hit] = index.search('welding')
    expect(hit?.entry.id).toBe('k')
    expect(hit?.nameIndex).toBe(1)
  })

  it('needs every word in one name', () => {
    const index = createFuzzyIndex([
      { kind: 'competence', id: 'split', names: ['Laserkutting', 'Stål'] },
      { kind: 'competence', id: 'both', names: ['Laserkutting av stål'] },
    ])
    expect(ids(index.search('laser stål'))).toEqual(['both'])
  })

  it('caps hits per kind and keeps the kinds in order', () => {
    const entries = fixture(300)
    const hits = createFuzzyIndex(entries).search('a', { perKind: 3 })
    const kinds = hits.map((hit) => hit.entry.kind)
    expect(kinds).toEqual([
      'note',
      'note',
      'note',
      'board',
      'board',
      'board',
      'competence',
      'competence',
      'competence',
      'tag',
      'tag',
      'tag',
    ])
  })

  it('answers the same after an incremental rebuild as after a fresh one', () => {
    const entries = fixture(400)
    const first = createFuzzyIndex(entries)
    const changed = entries.slice(1)
    changed.splice(10, 0, { kind: 'note', id: 'renamed', names: ['Ærfugldun og varmegjenvinning'] })
    const incremental = createFuzzyIndex(changed, first)
    const fresh = createFuzzyIndex(changed)
    for (const query of ['aerfugl', 'varmegjenv', 'torke', 'møte', 'kvalitt', 'r']) {
      expect(incremental.search(query)).toEqual(fresh.search(query))
    }
    expect(incremental.search('ærfugldun')[0]?.entry.id).toBe('renamed')
  })
})

describe('folding', () => {
  it('folds names like the full-text search does', () => {
    for (const name of ['Tørke på Løten', 'ÆRFUGL', 'Café Über', 'Straße 5', 'plain ascii']) {
      expect(foldName(name)).toBe(foldTerm(name))
    }
  })

  it('maps folded ranges back onto the original, decomposed letters too', () => {
    const text = 'Va\u030Ag og Ørn' // "Våg" with a combining ring
    const folded = foldWithOffsets(text)
    expect(folded.folded).toBe('vaag og oern')
    // "aag" (folded 1–4) is "a\u030Ag" in the original (1–4); "oe" is "Ø" (8–9).
    expect(
      originalRanges(folded, folded.folded, [
        [1, 4],
        [8, 10],
      ]),
    ).toEqual([
      [1, 4],
      [8, 9],
    ])
    expect(originalRanges(folded, 'something else', [[0, 2]])).toEqual([])
  })

  it('allows a typo from four letters, two from seven', () => {
    expect([1, 3, 4, 6, 7, 10].map(allowedErrors)).toEqual([0, 0, 1, 1, 2, 3])
  })
})
