import { describe, expect, it } from 'vitest'
import type { CompanyId } from '../../../shared/ids'
import type { SearchHit } from '../../../shared/search/protocol'
import { addRecent, MAX_RECENT, readRecentList, removeRecent } from './recentSearches'
import {
  activeFilterCount,
  groupHits,
  moveActive,
  NO_FILTERS,
  queryFilters,
  shownOrder,
  withDateRange,
} from './searchPageState'

function hit(id: string, kind: SearchHit['kind']): SearchHit {
  return {
    id,
    kind,
    title: [{ text: id, hit: false }],
    snippet: [],
    updatedAt: 0,
    target: { type: 'note', note: id },
  }
}

describe('search page filters', () => {
  it('ask nothing extra when none is set', () => {
    expect(queryFilters(NO_FILTERS)).toEqual({})
    expect(activeFilterCount(NO_FILTERS)).toBe(0)
  })

  it('become the query’s kinds and filters, with the date counted back from when it was chosen', () => {
    const now = Date.UTC(2026, 10, 27, 12)
    const filters = withDateRange(
      { ...NO_FILTERS, kind: 'note', companyId: 'c1' as CompanyId, tag: 'varme', type: 'idea' },
      'week',
      now,
    )
    expect(queryFilters(filters)).toEqual({
      kinds: ['note'],
      filters: {
        companyId: 'c1',
        tag: 'varme',
        type: 'idea',
        updatedSince: now - 7 * 24 * 3600 * 1000,
      },
    })
    expect(activeFilterCount(filters)).toBe(5)
    expect(withDateRange(filters, 'year', now).since).toBe(now - 365 * 24 * 3600 * 1000)
    expect(queryFilters(withDateRange(filters, 'any', now)).filters).not.toHaveProperty(
      'updatedSince',
    )
  })
})

describe('search results', () => {
  const hits = [
    hit('s1', 'sticky'),
    hit('n1', 'note'),
    hit('c1', 'competence'),
    hit('n2', 'note'),
    hit('k1', 'company'),
  ]

  it('are grouped notes, on boards, companies, competences, each in rank order', () => {
    const groups = groupHits(hits)
    expect(groups.map((group) => [group.kind, group.hits.map((h) => h.id)])).toEqual([
      ['note', ['n1', 'n2']],
      ['sticky', ['s1']],
      ['company', ['k1']],
      ['competence', ['c1']],
    ])
    expect(groupHits([hit('x', 'company')]).map((group) => group.kind)).toEqual(['company'])
  })

  it('are walked with the arrow keys in the order shown, stopping at the ends', () => {
    const order = shownOrder(groupHits(hits))
    expect(order.map((h) => h.id)).toEqual(['n1', 'n2', 's1', 'k1', 'c1'])
    expect(moveActive(order, undefined, 'ArrowDown')).toBe('n1')
    expect(moveActive(order, 'n1', 'ArrowDown')).toBe('n2')
    expect(moveActive(order, 'n2', 'ArrowUp')).toBe('n1')
    expect(moveActive(order, 'n1', 'ArrowUp')).toBe('n1')
    expect(moveActive(order, 'c1', 'ArrowDown')).toBe('c1')
    expect(moveActive(order, 'n2', 'End')).toBe('c1')
    expect(moveActive(order, 'c1', 'Home')).toBe('n1')
    // A marked hit that left the results: ↓ starts again from the top.
    expect(moveActive(order, 'gone', 'ArrowDown')).toBe('n1')
    expect(moveActive([], 'n1', 'ArrowDown')).toBeUndefined()
  })
})

describe('recent searches', () => {
  it('put the newest first, once per wording, at most eight', () => {
    let list: string[] = []
    for (const text of ['varme', 'sol', '  Løten  ', 'VARME']) list = addRecent(list, text)
    expect(list).toEqual(['VARME', 'Løten', 'sol'])
    // Spelled without ø, it is the same search.
    expect(addRecent(list, 'loeten')).toEqual(['loeten', 'VARME', 'sol'])
    expect(addRecent(list, '   ')).toEqual(list)
    for (let i = 0; i < 20; i++) list = addRecent(list, `søk ${i}`)
    expect(list).toHaveLength(MAX_RECENT)
    expect(list[0]).toBe('søk 19')
    expect(removeRecent(list, 'søk 19')[0]).toBe('søk 18')
  })

  it('read back only a list of words from storage', () => {
    expect(readRecentList(['a', 2, '', 'b'])).toEqual(['a', 'b'])
    expect(readRecentList({ a: 1 })).toEqual([])
    expect(readRecentList(undefined)).toEqual([])
  })
})
