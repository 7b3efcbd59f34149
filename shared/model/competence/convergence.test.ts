import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId, NoteId } from '../../ids'
import { createCompany } from '../companies'
import { addNoteCompetence, createNote } from '../notes'
import { updateCell, type Level } from './cells'
import { findMatches } from './matching'
import { setMatchStatus, MATCH_STATUSES } from './matchStatus'
import { buildCompetenceIndex } from './matrixIndex'
import { mergeCompetences, settleMerges } from './merge'
import { readMatchMarks } from './pipeline'
import { addCompetence, addSynonym } from './vocabulary'

/**
 * Seeded convergence: three replicas make random edits (levels, comments, evidence, marks,
 * synonyms, note tags and merges) with random partial syncs in between; after a full sync
 * every replica holds the same document and shows the same map and matches, and settling the
 * merges changes nothing a reader sees.
 */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}

function shown(doc: Y.Doc) {
  const index = buildCompetenceIndex(doc)
  const marks = readMatchMarks(doc, index.resolve)
  return {
    competences: index.competences.map((entry) => [entry.id, entry.synonyms]),
    cells: index.cells.map(({ edited: _edited, ...cell }) => cell),
    matches: findMatches(index, { marks }).map((need) => [
      need.companyId,
      need.competenceId,
      need.matches.map((match) => [match.offerCompanyId, match.score, match.mark?.status]),
    ]),
  }
}

describe('competence map convergence', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`three replicas converge on the same map (seed ${seed})`, () => {
      const random = seeded(seed)
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
      const origin = new Y.Doc()
      const companies = (['food', 'wood-panels', 'furniture', 'university'] as const).map(
        (industry, i) =>
          createCompany(origin, {
            id: `co-${i}` as CompanyId,
            name: `Bedrift ${i}`,
            industry,
            location: '',
            description: '',
            color: '#000000',
          }),
      )
      const competences = [0, 1, 2, 3, 4].map((i) =>
        addCompetence(origin, { id: `cp-${i}` as CompetenceId, name: `Kompetanse ${i}` }),
      )
      const notes = [0, 1].map((i) =>
        createNote(origin, {
          title: `Notat ${i}`,
          author: { name: 'O' },
          now: 0,
          id: `note-${i}` as NoteId,
        }),
      )
      const replicas = [0, 1, 2].map((i) => {
        const doc = new Y.Doc()
        doc.clientID = 100 + i
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(origin))
        return doc
      })
      for (let step = 0; step < 60; step++) {
        const doc = pick(replicas)
        const edit = { author: { name: `R${replicas.indexOf(doc)}` }, now: step }
        const companyId = pick(companies)
        const competenceId = pick(competences)
        const op = Math.floor(random() * 7)
        try {
          if (op === 0)
            updateCell(doc, {
              ...edit,
              companyId,
              competenceId,
              offer: Math.floor(random() * 4) as Level,
            })
          else if (op === 1)
            updateCell(doc, {
              ...edit,
              companyId,
              competenceId,
              need: Math.floor(random() * 4) as Level,
            })
          else if (op === 2)
            updateCell(doc, { ...edit, companyId, competenceId, comment: `k${step}` })
          else if (op === 3)
            updateCell(doc, { ...edit, companyId, competenceId, addEvidence: [pick(notes)] })
          else if (op === 4)
            setMatchStatus(doc, {
              ...edit,
              needCompanyId: companyId,
              offerCompanyId: pick(companies),
              competenceId,
              status: random() < 0.2 ? undefined : pick(MATCH_STATUSES),
            })
          else if (op === 5) {
            addSynonym(doc, competenceId, `syn ${step}`)
            addNoteCompetence(doc, pick(notes), { ...edit, competenceId })
          } else if (random() < 0.5) {
            mergeCompetences(doc, { ...edit, keepId: competenceId, removeId: pick(competences) })
          }
        } catch {
          // A merge of a competence into itself (or into what it already is) is refused.
        }
        if (random() < 0.3) sync(pick(replicas), pick(replicas))
      }
      for (const a of replicas) for (const b of replicas) sync(a, b)
      const [first, ...rest] = replicas as [Y.Doc, ...Y.Doc[]]
      for (const other of rest) {
        expect(Y.encodeStateVector(other)).toEqual(Y.encodeStateVector(first))
        expect(shown(other)).toEqual(shown(first))
      }
      // Every seed merges at least once, so tombstones and redirects are exercised.
      expect(buildCompetenceIndex(first).competences.length).toBeLessThan(competences.length)
      const before = shown(first)
      settleMerges(first, { author: { name: 'Settler' }, now: 1_000 })
      const after = shown(first)
      expect(after.competences).toEqual(before.competences)
      expect(after.matches).toEqual(before.matches)
      expect(after.cells.map((cell) => [cell.key, cell.offer, cell.need, cell.evidence])).toEqual(
        before.cells.map((cell) => [cell.key, cell.offer, cell.need, cell.evidence]),
      )
    })
  }
})
