import { noteSummary } from '../../../../shared/model/notes.fixture'
import { describe, expect, it } from 'vitest'
import type { CompanyId, CompetenceId, WorkspaceId } from '../../../../shared/ids'
import { filterAndSortNotes } from '../../../../shared/model/noteFilter'
import type { NoteSummary } from '../../../../shared/model/notes'
import {
  activeFilterFields,
  clearFilters,
  DEFAULT_LIST_VIEW,
  hasFilters,
  noteListViewStore,
  toNoteFilter,
  updatedSince,
  updateNoteListView,
  viewForFacet,
  withoutFilter,
} from './listView'
import { showNotesWith } from './showNotesWith'

const DAY = 24 * 60 * 60 * 1000

function note(id: string, fields: Partial<NoteSummary>): NoteSummary {
  return noteSummary(id, { title: id, ...fields })
}

describe('note list view', () => {
  it('turns ranges into edit times: today from local midnight, a week and a month rolling', () => {
    const now = new Date(2026, 10, 27, 15, 30).getTime()
    expect(updatedSince('any', now)).toBeUndefined()
    expect(updatedSince('today', now)).toBe(new Date(2026, 10, 27, 0, 0).getTime())
    expect(updatedSince('week', now)).toBe(now - 7 * DAY)
    expect(updatedSince('month', now)).toBe(now - 30 * DAY)
  })

  it('builds the model filter from the set fields only, and filters with it', () => {
    const view = { ...DEFAULT_LIST_VIEW, text: '  ', tag: 'Robot', updated: 'week' as const }
    const now = 100 * DAY
    const filter = toNoteFilter(view, updatedSince(view.updated, now))
    expect(filter).toEqual({ tag: 'Robot', updatedSince: now - 7 * DAY })
    const notes = [
      note('old-robot', { tags: ['robot'], updatedAt: now - 8 * DAY }),
      note('new-robot', { tags: ['Robot'], updatedAt: now - DAY }),
      note('new-other', { tags: ['varme'], updatedAt: now - DAY }),
    ]
    expect(filterAndSortNotes(notes, filter, view.sort).map((n) => n.id)).toEqual(['new-robot'])
  })

  it('lists active filters, removes one, and clears all but the sort', () => {
    const view = {
      ...DEFAULT_LIST_VIEW,
      text: 'varme',
      companyId: 'co-1' as CompanyId,
      author: 'Bo',
      updated: 'today' as const,
      sort: 'title' as const,
    }
    expect(activeFilterFields(view)).toEqual(['companyId', 'author', 'updated'])
    expect(activeFilterFields(withoutFilter(view, 'updated'))).toEqual(['companyId', 'author'])
    expect(withoutFilter(view, 'companyId').companyId).toBeUndefined()
    expect(hasFilters(view)).toBe(true)
    const cleared = clearFilters(view)
    expect(hasFilters(cleared)).toBe(false)
    expect(cleared.sort).toBe('title')
    expect(hasFilters({ ...DEFAULT_LIST_VIEW, text: 'x' })).toBe(true)
  })

  it('a chip shows every note with that one thing, replacing other filters', () => {
    const view = { ...DEFAULT_LIST_VIEW, text: 'varme', tag: 'robot', sort: 'created' as const }
    const byCompetence = viewForFacet(view, {
      kind: 'competence',
      competenceId: 'cp-1' as CompetenceId,
    })
    expect(byCompetence).toEqual({
      ...DEFAULT_LIST_VIEW,
      competenceId: 'cp-1',
      sort: 'created',
    })
  })

  it('keeps one store per workspace, and chip navigation sets that workspace only', () => {
    const a = 'ws-aaaaaaaaaaaa' as WorkspaceId
    const b = 'ws-bbbbbbbbbbbb' as WorkspaceId
    expect(noteListViewStore(a)).toBe(noteListViewStore(a))
    let notified = 0
    const unsubscribe = noteListViewStore(a).subscribe(() => notified++)
    updateNoteListView(a, (view) => ({ ...view, sort: 'title' }))
    showNotesWith(a, { kind: 'tag', tag: 'Robotikk' })
    unsubscribe()
    expect(notified).toBe(2)
    expect(noteListViewStore(a).getSnapshot()).toMatchObject({ tag: 'Robotikk', sort: 'title' })
    expect(noteListViewStore(b).getSnapshot()).toEqual(DEFAULT_LIST_VIEW)
  })
})
