import type { WorkspaceId } from '../../../../shared/ids'
import { updateNoteListView, viewForFacet, type NoteFacet } from './listView'

/**
 * Where a property chip (company, competence, tag, type) takes you. Today: the note list,
 * filtered to that one thing. WARNING: every chip goes through here — when companies get
 * pages of their own (issue 6), a company chip should open its page, and this is the one
 * place to change.
 */
export function showNotesWith(workspaceId: WorkspaceId, facet: NoteFacet): void {
  updateNoteListView(workspaceId, (view) => viewForFacet(view, facet))
}
