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
