import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { foldText } from '../../../../shared/model/noteFilter'
import type { NoteSummary } from '../../../../shared/model/notes'

export const MAX_NOTE_SUGGESTIONS = 8

/**
 * Notes to offer as a cell's evidence: those whose title holds the query (case and accents
 * ignored) and that are not linked yet; notes about the cell's company or tagged with its
 * competence first, then the most recently edited. At most `MAX_NOTE_SUGGESTIONS`.
 */
export function rankEvidenceNotes(
  notes: readonly NoteSummary[],
  query: string,
  linked: ReadonlySet<string>,
  cell: { companyId: CompanyId; competenceId: CompetenceId },
): NoteSummary[] {
  const folded = foldText(query.trim())
  const relevance = (note: NoteSummary): number =>
    Number(note.companyId === cell.companyId) +
    Number(note.competenceIds.includes(cell.competenceId))
  return notes
    .filter((note) => !linked.has(note.id) && foldText(note.title).includes(folded))
    .sort((a, b) => relevance(b) - relevance(a) || b.updatedAt - a.updatedAt)
    .slice(0, MAX_NOTE_SUGGESTIONS)
}
