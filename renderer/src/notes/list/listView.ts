import type { CompanyId, CompetenceId, WorkspaceId } from '../../../../shared/ids'
import type { NoteFilter, NoteSort } from '../../../../shared/model/noteFilter'
import type { NoteType } from '../../../../shared/model/noteTypes'
import { createValueStore, type ValueStore } from '../../lib/externalStore'

/**
 * How the note list is filtered and sorted, per workspace. This is view state, not document
 * data: it lives in a small store (never in the Y doc), survives switching workspaces and
 * notes, and is set both by the filter bar and by property chips in an open note.
 */
export const UPDATED_RANGES = ['any', 'today', 'week', 'month'] as const
export type UpdatedRange = (typeof UPDATED_RANGES)[number]

export type NoteListView = {
  text: string
  companyId: CompanyId | undefined
  tag: string | undefined
  competenceId: CompetenceId | undefined
  type: NoteType | undefined
  author: string | undefined
  updated: UpdatedRange
  sort: NoteSort
}

export const DEFAULT_LIST_VIEW: NoteListView = {
  text: '',
  companyId: undefined,
  tag: undefined,
  competenceId: undefined,
  type: undefined,
  author: undefined,
  updated: 'any',
  sort: 'updated',
}

const DAY_MS = 24 * 60 * 60 * 1000

/** The earliest edit time a range keeps: today starts at local midnight, the others roll. */
export function updatedSince(range: UpdatedRange, now: number): number | undefined {
  switch (range) {
    case 'any':
      return undefined
    case 'today': {
      const midnight = new Date(now)
      midnight.setHours(0, 0, 0, 0)
      return midnight.getTime()
    }
    case 'week':
      return now - 7 * DAY_MS
    case 'month':
      return now - 30 * DAY_MS
  }
}

/** The model's filter for a view; `since` is {@link updatedSince} of its range. */
export function toNoteFilter(view: NoteListView, since: number | undefined): NoteFilter {
  const filter: NoteFilter = {}
  if (view.text.trim() !== '') filter.text = view.text
  if (view.companyId !== undefined) filter.companyId = view.companyId
  if (view.tag !== undefined) filter.tag = view.tag
  if (view.competenceId !== undefined) filter.competenceId = view.competenceId
  if (view.type !== undefined) filter.type = view.type
  if (view.author !== undefined) filter.author = view.author
  if (since !== undefined) filter.updatedSince = since
  return filter
}

/** The filters that are set, in the order the bar shows them (title text not included). */
export const FILTER_FIELDS = [
  'companyId',
  'tag',
  'competenceId',
  'type',
  'author',
  'updated',
] as const
export type FilterField = (typeof FILTER_FIELDS)[number]

export function activeFilterFields(view: NoteListView): FilterField[] {
  return FILTER_FIELDS.filter((field) =>
    field === 'updated' ? view.updated !== 'any' : view[field] !== undefined,
  )
}

export function hasFilters(view: NoteListView): boolean {
  return view.text.trim() !== '' || activeFilterFields(view).length > 0
}

/** Every filter off, title text too; the sort order is a preference and stays. */
export function clearFilters(view: NoteListView): NoteListView {
  return { ...DEFAULT_LIST_VIEW, sort: view.sort }
}

export function withoutFilter(view: NoteListView, field: FilterField): NoteListView {
  return field === 'updated' ? { ...view, updated: 'any' } : { ...view, [field]: undefined }
}

/** Something a note can be listed by: what a property chip stands for. */
export type NoteFacet =
  | { kind: 'company'; companyId: CompanyId }
  | { kind: 'tag'; tag: string }
  | { kind: 'competence'; competenceId: CompetenceId }
  | { kind: 'type'; type: NoteType }

/** The list showing every note with `facet`: the other filters go, the sort stays. */
export function viewForFacet(view: NoteListView, facet: NoteFacet): NoteListView {
  const cleared = clearFilters(view)
  switch (facet.kind) {
    case 'company':
      return { ...cleared, companyId: facet.companyId }
    case 'tag':
      return { ...cleared, tag: facet.tag }
    case 'competence':
      return { ...cleared, competenceId: facet.competenceId }
    case 'type':
      return { ...cleared, type: facet.type }
  }
}

const stores = new Map<WorkspaceId, ValueStore<NoteListView>>()

/** The list view of one workspace; starts unfiltered, newest edit first. */
export function noteListViewStore(workspaceId: WorkspaceId): ValueStore<NoteListView> {
  let store = stores.get(workspaceId)
  if (store === undefined) {
    store = createValueStore(DEFAULT_LIST_VIEW)
    stores.set(workspaceId, store)
  }
  return store
}

/** Changes a workspace's list view from its current value. */
export function updateNoteListView(
  workspaceId: WorkspaceId,
  change: (view: NoteListView) => NoteListView,
): void {
  const store = noteListViewStore(workspaceId)
  store.set(change(store.getSnapshot()))
}
