import type * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../ids'
import { COMMAND_ORIGIN, ROOT } from '../schema'

/**
 * Where a match stands: someone has contacted the other company, a project has started, or
 * the match is not relevant. Stored in the root map `competenceMatches`, keyed by the match
 * (`<needCompanyId>|<competenceId>|<offerCompanyId>`; matching is exact by competence, so one
 * competence id names both cells), value `{ status, by, at }` — last writer wins, and "back to
 * none" deletes the key. The key names the competence as it was when marked; readers resolve
 * merged ids (./pipeline.ts).
 */

export const MATCH_STATUSES = ['contacted', 'project-started', 'not-relevant'] as const
export type MatchStatus = (typeof MATCH_STATUSES)[number]

export function isMatchStatus(value: unknown): value is MatchStatus {
  return typeof value === 'string' && (MATCH_STATUSES as readonly string[]).includes(value)
}

export type MatchRef = {
  needCompanyId: CompanyId
  offerCompanyId: CompanyId
  competenceId: CompetenceId
}
export type MatchMark = { status: MatchStatus; by: string; at: number }
export type StoredMark = MatchRef & MatchMark

const SEP = '|'

export function matchesMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ROOT.competenceMatches)
}

export function matchKey(ref: MatchRef): string {
  return `${ref.needCompanyId}${SEP}${ref.competenceId}${SEP}${ref.offerCompanyId}`
}

function parseKey(key: string): MatchRef | undefined {
  const parts = key.split(SEP)
  if (parts.length !== 3 || parts.some((part) => part === '')) return undefined
  return {
    needCompanyId: parts[0] as CompanyId,
    competenceId: parts[1] as CompetenceId,
    offerCompanyId: parts[2] as CompanyId,
  }
}

function readMark(value: unknown): MatchMark | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const { status, by, at } = value as Record<string, unknown>
  if (!isMatchStatus(status) || typeof by !== 'string' || typeof at !== 'number') return undefined
  return { status, by, at }
}

/**
 * Marks a match (or, with `status: undefined`, takes the mark away). One transaction.
 */
export function setMatchStatus(
  doc: Y.Doc,
  input: MatchRef & { status: MatchStatus | undefined; author: { name: string }; now: number },
): void {
  if (
    [input.needCompanyId, input.offerCompanyId, input.competenceId].some((id) => id.includes(SEP))
  )
    throw new Error('Ids in a match key may not contain "|"')
  const key = matchKey(input)
  doc.transact(() => {
    if (input.status === undefined) matchesMap(doc).delete(key)
    else matchesMap(doc).set(key, { status: input.status, by: input.author.name, at: input.now })
  }, COMMAND_ORIGIN)
}

/** Every stored mark as written (competence ids not resolved). */
export function readStoredMarks(doc: Y.Doc): StoredMark[] {
  const marks: StoredMark[] = []
  matchesMap(doc).forEach((value, key) => {
    const ref = parseKey(key)
    const mark = readMark(value)
    if (ref !== undefined && mark !== undefined) marks.push({ ...ref, ...mark })
  })
  return marks
}

/**
 * Moves the marks of competences `from` to `to` (merge). Where both have a mark for the same
 * pair of companies, the later one stays. Call inside a transaction.
 */
export function moveCompetenceMatches(
  doc: Y.Doc,
  from: ReadonlySet<string>,
  to: CompetenceId,
): void {
  const map = matchesMap(doc)
  for (const mark of readStoredMarks(doc)) {
    if (!from.has(mark.competenceId)) continue
    const target = matchKey({ ...mark, competenceId: to })
    const existing = readMark(map.get(target))
    if (existing === undefined || existing.at < mark.at) {
      map.set(target, { status: mark.status, by: mark.by, at: mark.at })
    }
    map.delete(matchKey(mark))
  }
}

/** Deletes the marks that involve a company on either side. Call inside a transaction. */
export function removeCompanyMatches(doc: Y.Doc, companyId: CompanyId): void {
  const map = matchesMap(doc)
  for (const mark of readStoredMarks(doc)) {
    if (mark.needCompanyId === companyId || mark.offerCompanyId === companyId) {
      map.delete(matchKey(mark))
    }
  }
}

/** Deletes the marks of the given competences. Call inside a transaction. */
export function removeCompetenceMatches(doc: Y.Doc, competenceIds: ReadonlySet<string>): void {
  const map = matchesMap(doc)
  for (const mark of readStoredMarks(doc)) {
    if (competenceIds.has(mark.competenceId)) map.delete(matchKey(mark))
  }
}

/** Calls `onChange` after any change to match marks. Returns the disposer. */
export function observeMatchMarks(doc: Y.Doc, onChange: () => void): () => void {
  const map = matchesMap(doc)
  const handler = (): void => onChange()
  map.observe(handler)
  return () => map.unobserve(handler)
}
