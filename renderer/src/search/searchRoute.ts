import type { CompanyId, NoteId } from '../../../shared/ids'
import type { SearchTarget } from '../../../shared/search/protocol'
import { isBoardId } from '../../../shared/rooms'
import { currentRoute, navigate } from '../lib/route'
import { revealCompanyCell, revealCompetence } from './reveal'

/**
 * Getting to and from the search page (lib/route.ts `&s=`), and opening what a hit points at.
 * The palette's "Search everything for «…»" and the sidebar's Search entry call
 * {@link openSearchPage}; the page and the palette call {@link openSearchTarget}.
 */

/** Opens the search page with `text` in its field (over the current note). */
export function openSearchPage(text = ''): void {
  const route = currentRoute.getSnapshot()
  navigate({ workspace: route.workspace, note: route.note, search: text })
}

/** Changes what the open search page shows in its field (kept in the URL for a reload). */
export function setSearchText(text: string): void {
  const route = currentRoute.getSnapshot()
  if (route.search === undefined) return
  navigate({ ...route, search: text })
}

/** Closes the search page, back to the note underneath. */
export function closeSearchPage(): void {
  const route = currentRoute.getSnapshot()
  navigate({ workspace: route.workspace, note: route.note })
}

/**
 * Opens a hit: a note; a board, zoomed to the item and with it selected
 * (boards/canvas/focusItem.ts); a company's page, at the offer/need when the hit is one; the
 * competence in the map's vocabulary.
 */
export function openSearchTarget(
  target: SearchTarget,
  /** The competence's name, to find an offer/need on the company's page (optional). */
  options: { competenceName?: string } = {},
): void {
  const { workspace, note } = currentRoute.getSnapshot()
  switch (target.type) {
    case 'note':
      navigate({ workspace, note: target.note as NoteId })
      return
    case 'boardItem':
      if (!isBoardId(target.board)) return
      navigate({ workspace, note, board: target.board, item: target.item })
      return
    case 'company':
      navigate({ workspace, note, map: { view: 'company', company: target.company as CompanyId } })
      if (target.competence !== undefined && options.competenceName !== undefined)
        revealCompanyCell(options.competenceName)
      return
    case 'competence':
      navigate({ workspace, note, map: { view: 'vocabulary' } })
      revealCompetence(target.competence)
      return
  }
}
