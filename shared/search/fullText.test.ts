import { describe, expect, it } from 'vitest'
import { createFullTextIndex, loadFullTextIndex, type SearchDoc } from './fullText'

const doc = (id: string, title: string, body: string, updatedAt = 1): SearchDoc => ({
  id,
  kind: id.startsWith('sticky:') ? 'sticky' : 'note',
  title,
  body,
  updatedAt,
})

function fixture() {
  const index = createFullTextIndex()
  index.upsert(doc('note:body', 'Ovnene i hall B', 'Vi har testet varmegjenvinning fra ovnene.'))
  index.upsert(doc('note:title', 'Varmegjenvinning fra ovner', 'Erfaringer fra Solbakken.'))
  index.upsert(doc('note:typo', 'Varmegjenvining', 'Skrevet feil i tittelen.'))
  index.upsert(doc('sticky:1', 'Spillvarme fra tørken', 'Kan varme lageret på Løten.', 5))
  return index
}

describe('full-text index', () => {
  it('ranks a title hit above a body hit, and an exact word above a misspelled one', () => {
    const ids = fixture()
      .search('varmegjenvinning')
      .map((hit) => hit.id)
    expect(ids[0]).toBe('note:title')
    expect(ids.indexOf('note:body')).toBeLessThan(ids.indexOf('note:typo'))
    expect(ids).toContain('note:typo')
  })

  it('finds prefixes and words typed without æøå, and needs every word', () => {
    const index = fixture()
    expect(index.search('varmegjen').map((hit) => hit.id)).toContain('note:body')
    expect(index.search('loeten').map((hit) => hit.id)).toEqual(['sticky:1'])
    expect(index.search('tørken varme').map((hit) => hit.id)).toEqual(['sticky:1'])
    expect(index.search('tørken ovnene')).toEqual([])
    expect(index.search('ovnene', { kinds: ['sticky'] })).toEqual([])
  })

  it('follows edits and deletions, and loads back what it saved', () => {
    const index = fixture()
    index.upsert(doc('sticky:1', 'Solceller på taket', 'Ny idé', 9))
    expect(index.search('løten')).toEqual([])
    expect(index.search('solceller').map((hit) => hit.id)).toEqual(['sticky:1'])
    index.remove('note:title')
    expect(index.search('erfaringer')).toEqual([])
    const loaded = loadFullTextIndex(index.toBytes())
    expect(loaded.size).toBe(index.size)
    expect(loaded.search('varmegjenvinning').map((hit) => hit.id)).toEqual(
      index.search('varmegjenvinning').map((hit) => hit.id),
    )
    expect(() => loadFullTextIndex(new TextEncoder().encode('{"not":"an index"}'))).toThrow()
    expect(() => loadFullTextIndex(new Uint8Array([9, 0, 0, 0, 1, 2]))).toThrow()
    // Edits after a load land next to the loaded postings; compacting keeps the answers.
    loaded.upsert(doc('note:new', 'Varmegjenvinning i hall C', 'Ny', 20))
    loaded.remove('note:body')
    const before = loaded.search('varmegjenvinning').map((hit) => hit.id)
    expect(before).toContain('note:new')
    expect(before).not.toContain('note:body')
    loaded.compact()
    expect(loaded.search('varmegjenvinning').map((hit) => hit.id)).toEqual(before)
    expect(
      loadFullTextIndex(loaded.toBytes())
        .search('varmegjenvinning')
        .map((h) => h.id),
    ).toEqual(before)
  })
})

describe('full-text words', () => {
  it('are the words terms.ts makes, ASCII shortcut or not', async () => {
    const { tokenize } = await import('./terms')
    const text = 'Varmegjenvinning på Løten, ÆØÅ æøå Straße café 2025 Über-Kühlung naïve'
    const index = createFullTextIndex()
    index.upsert(doc('note:x', '', text))
    for (const term of tokenize(text)) {
      expect(index.search(term).map((hit) => hit.terms.includes(term))).toEqual([true])
    }
  })
})

describe('loose æøå', () => {
  const ids = (hits: { id: string }[]) => hits.map((hit) => hit.id)

  it('finds a word with æøå typed with a/o, with ae/oe/aa, or as written', () => {
    const index = createFullTextIndex()
    index.upsert(
      doc('note:lien', 'Lien Møbelverk', 'Vi har løpende avtaler om ærfaring på Ålesund.'),
    )
    index.upsert(doc('note:other', 'Mobilkran', 'Utleie og loggføring.'))
    for (const query of ['mobel', 'moebel', 'møbel', 'MØBELVERK', 'mobelverk']) {
      expect(ids(index.search(query))).toEqual(['note:lien'])
    }
    for (const query of ['lopende', 'loepende', 'løpende', 'arfaring', 'aerfaring', 'alesund']) {
      expect(ids(index.search(query))).toEqual(['note:lien'])
    }
    expect(ids(index.search('lopende mobel'))).toEqual(['note:lien'])
    // The matched terms mark the word: its loose form as itself.
    expect(index.query('mobel').hits[0]?.terms).toEqual(['mobelverk'])
    // Saved and loaded, the same.
    const loaded = loadFullTextIndex(index.toBytes())
    expect(ids(loaded.search('lopende'))).toEqual(['note:lien'])
  })

  it('ranks the spelling as typed above a loose match, and counts a word once', () => {
    const index = createFullTextIndex()
    index.upsert(doc('note:loose', 'Møbel', 'Lager', 5))
    index.upsert(doc('note:exact', 'Mobel', 'Lager', 1))
    index.upsert(doc('note:oe', 'Moebel', 'Lager', 1))
    // "mobel" as written beats "Møbel" found loosely (though that one is newer)…
    expect(ids(index.search('mobel')).slice(0, 2)).toEqual(['note:exact', 'note:loose'])
    // …and "møbel" finds "Møbel" (and "Moebel") above "Mobel" (only a typo of it).
    const strict = index.search('møbel')
    expect(ids(strict).indexOf('note:exact')).toBe(2)
    const score = (query: string, id: string) =>
      index.search(query).find((hit) => hit.id === id)?.score ?? 0
    // A loose match counts LOOSE_WEIGHT of a match as typed (same fields, lengths and rarity)…
    expect(score('mobel', 'note:loose') / score('mobel', 'note:exact')).toBeCloseTo(0.7, 5)
    // …and "møbel"/"moebel" finds "Møbel" and "Moebel" alike.
    expect(score('moebel', 'note:loose')).toBeCloseTo(score('moebel', 'note:oe'), 10)
  })

  it('counts a word once when both its forms match (the better of the two)', () => {
    // "mo" begins both "moebel" and loose "mobel": "Møbel" scores what "Moebel" (no loose form)
    // scores in an index like it, not the sum of both forms.
    const scoreOf = (title: string, query: string) => {
      const index = createFullTextIndex()
      index.upsert(doc('note:a', title, 'Lager'))
      index.upsert(doc('note:b', 'Verksted', 'Lager'))
      return index.search(query)[0]?.score ?? 0
    }
    expect(scoreOf('Møbel', 'mo')).toBeGreaterThan(0)
    expect(scoreOf('Møbel', 'mo')).toBeCloseTo(scoreOf('Moebel', 'mo'), 10)
    expect(scoreOf('Møbel', 'mø')).toBeCloseTo(scoreOf('Moebel', 'mø'), 10)
  })

  it('refuses bytes saved before loose forms (they would be misread: rebuilt instead)', () => {
    const index = createFullTextIndex()
    index.upsert(doc('note:lien', 'Lien Møbelverk', ''))
    const bytes = index.toBytes()
    const at = new TextDecoder().decode(bytes).indexOf('"v":2')
    expect(at).toBeGreaterThan(0)
    const old = bytes.slice()
    old[at + 4] = '1'.charCodeAt(0)
    expect(() => loadFullTextIndex(old)).toThrow()
    expect(ids(loadFullTextIndex(bytes).search('mobel'))).toEqual(['note:lien'])
  })
})
