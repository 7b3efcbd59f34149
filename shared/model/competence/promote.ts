import type * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import { titleFromText } from '../board/promote'
import { isoDate } from '../board/summary'
import { COMMAND_ORIGIN } from '../schema'
import type { TemplateLanguage } from '../noteTypes'
import {
  MAX_CELL_COMMENT_LENGTH,
  readRawCell,
  writeCell,
  type CellAuthor,
  type CellSide,
  type Level,
} from './cells'
import { joinComments } from './matrixIndex'
import {
  addCompetence,
  findCompetenceByLabel,
  MAX_COMPETENCE_NAME_LENGTH,
  type CompetenceCategory,
  type VocabularyEntry,
} from './vocabulary'

/**
 * "Promote a sticky to an offer or a need": from a workshop sticky's text and where it came
 * from, what to write into the competence map — which competence (one of the vocabulary's,
 * matched by label or synonym on the sticky's first line, or a new one named after it), the
 * level, and a comment that keeps the provenance ("From workshop board «…» 2026-11-26, by
 * Ada"). Pure: the UI shows it, lets the person change competence and level, then calls
 * `applyPromotedCell`. Like board/promote.ts, the board never writes the workspace itself.
 */
export type StickySource = {
  text: string
  boardTitle: string
  /** When the board was started (the workshop's date), ms since the epoch. */
  workshopDate: number
  author: string
}

export type PromotedCell = {
  companyId: CompanyId
  side: CellSide
  level: Level
  competence:
    | { kind: 'existing'; id: CompetenceId; name: string }
    | { kind: 'new'; name: string; category: CompetenceCategory }
  comment: string
}

/**
 * A workshop sticky is a claim nobody has checked yet: an offer starts at "some" (1), a need
 * at "important" (2). The person promoting can change either before it is written.
 */
export const PROMOTED_LEVEL: Record<CellSide, Level> = { offer: 1, need: 2 }

const PROVENANCE = {
  nb: (board: string, date: string, author: string) =>
    `Fra workshoptavla «${board}» ${date}${author === '' ? '' : `, av ${author}`}`,
  en: (board: string, date: string, author: string) =>
    `From workshop board «${board}» ${date}${author === '' ? '' : `, by ${author}`}`,
} as const

export function promoteStickyToCell(input: {
  sticky: StickySource
  side: CellSide
  companyId: CompanyId
  vocabulary: readonly VocabularyEntry[]
  lang: TemplateLanguage
  level?: Level
}): PromotedCell | undefined {
  const text = input.sticky.text.replace(/\r\n?/g, '\n').trim()
  const firstLine = titleFromText(text)
    .replace(/…$/, '')
    .slice(0, MAX_COMPETENCE_NAME_LENGTH)
    .trim()
  if (firstLine === '') return undefined
  const found = findCompetenceByLabel(input.vocabulary, firstLine)
  const provenance = PROVENANCE[input.lang](
    input.sticky.boardTitle,
    isoDate(input.sticky.workshopDate),
    input.sticky.author,
  )
  // The sticky's words stay in the comment unless they are just the competence's name.
  const words = text.replace(/\s+/g, ' ')
  const said = found !== undefined || words !== firstLine ? words : ''
  const comment = joinComments(said, provenance)
  return {
    companyId: input.companyId,
    side: input.side,
    level: input.level ?? PROMOTED_LEVEL[input.side],
    competence:
      found === undefined
        ? { kind: 'new', name: firstLine, category: 'other' }
        : { kind: 'existing', id: found.id, name: found.name },
    comment:
      comment.length <= MAX_CELL_COMMENT_LENGTH
        ? comment
        : joinComments(
            `${said.slice(0, MAX_CELL_COMMENT_LENGTH - provenance.length - 3)}…`,
            provenance,
          ),
  }
}

/**
 * Writes a promotion in one transaction: creates the competence when new, raises the cell's
 * level on that side to the promoted one (never lowers what is there) and adds the comment
 * to the cell's. Returns the competence id.
 */
export function applyPromotedCell(
  doc: Y.Doc,
  promoted: PromotedCell,
  edit: CellAuthor,
): CompetenceId {
  let competenceId: CompetenceId | undefined
  doc.transact(() => {
    competenceId =
      promoted.competence.kind === 'existing'
        ? promoted.competence.id
        : addCompetence(doc, {
            name: promoted.competence.name,
            category: promoted.competence.category,
          })
    const current = readRawCell(doc, promoted.companyId, competenceId)
    writeCell(
      doc,
      promoted.companyId,
      competenceId,
      {
        [promoted.side]: Math.max(current[promoted.side], promoted.level) as Level,
        comment: joinComments(current.comment, promoted.comment),
      },
      edit,
    )
  }, COMMAND_ORIGIN)
  return competenceId as CompetenceId
}
