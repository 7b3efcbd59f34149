import type * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import type { Level } from './cells'
import {
  MATCH_STATUSES,
  matchKey,
  readStoredMarks,
  type MatchMark,
  type MatchRef,
  type MatchStatus,
} from './matchStatus'
import type { CompetenceIndex } from './matrixIndex'
import type { Resolver } from './vocabulary'

/**
 * Reading match marks: keyed by the match as it stands now (merged competence ids resolved;
 * where two old keys become one, the later mark wins), and the pipeline view that groups the
 * marked matches by status.
 */
export function readMatchMarks(doc: Y.Doc, resolve: Resolver): Map<string, MatchMark> {
  const marks = new Map<string, MatchMark>()
  for (const stored of readStoredMarks(doc)) {
    const competenceId = resolve(stored.competenceId)
    if (competenceId === undefined) continue
    const key = matchKey({ ...stored, competenceId })
    const existing = marks.get(key)
    if (existing === undefined || existing.at < stored.at) {
      marks.set(key, { status: stored.status, by: stored.by, at: stored.at })
    }
  }
  return marks
}

export type PipelineEntry = MatchRef & {
  key: string
  mark: MatchMark
  /** Levels now (0 when the need or offer has since been taken away). */
  needLevel: Level
  offerLevel: Level
}

export type Pipeline = Record<MatchStatus, PipelineEntry[]>

/**
 * Marked matches grouped by status, most recently marked first in each. Marks whose
 * companies no longer exist are left out; a mark stays listed when the need or offer behind
 * it has been lowered to none (the levels say so), because the contact happened all the same.
 */
export function matchPipeline(
  index: CompetenceIndex,
  marks: ReadonlyMap<string, MatchMark>,
): Pipeline {
  const pipeline = Object.fromEntries(
    MATCH_STATUSES.map((status) => [status, []]),
  ) as unknown as Pipeline
  for (const [key, mark] of marks) {
    const [needCompanyId, competenceId, offerCompanyId] = key.split('|') as [
      CompanyId,
      CompetenceId,
      CompanyId,
    ]
    if (!index.companyById.has(needCompanyId) || !index.companyById.has(offerCompanyId)) continue
    pipeline[mark.status].push({
      key,
      needCompanyId,
      offerCompanyId,
      competenceId,
      mark,
      needLevel: index.cell(needCompanyId, competenceId)?.need ?? 0,
      offerLevel: index.cell(offerCompanyId, competenceId)?.offer ?? 0,
    })
  }
  for (const status of MATCH_STATUSES) {
    pipeline[status].sort((a, b) => b.mark.at - a.mark.at || (a.key < b.key ? -1 : 1))
  }
  return pipeline
}
