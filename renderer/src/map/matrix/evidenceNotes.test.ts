import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import { createNote, listNotes } from '../../../../shared/model/notes'
import { MAX_NOTE_SUGGESTIONS, rankEvidenceNotes } from './evidenceNotes'

const author = { name: 'Ada' }
const cell = { companyId: 'co-a' as CompanyId, competenceId: 'cp-x' as CompetenceId }

describe('rankEvidenceNotes', () => {
  it('puts notes about the company or the competence first, leaves linked ones out', () => {
    const doc = new Y.Doc()
    const recent = createNote(doc, { title: 'Møtereferat', author, now: 30 })
    const about = createNote(doc, {
      title: 'Om bedriften',
      author,
      now: 10,
      companyId: cell.companyId,
    })
    const both = createNote(doc, {
      title: 'Stivelse hos bedriften',
      author,
      now: 5,
      companyId: cell.companyId,
      competenceIds: [cell.competenceId],
    })
    const linked = createNote(doc, { title: 'Allerede koblet', author, now: 40 })
    const ranked = rankEvidenceNotes(listNotes(doc), '', new Set([linked]), cell)
    expect(ranked.map((note) => note.id)).toEqual([both, about, recent])
  })

  it('matches the title ignoring case and accents, and stops at the limit', () => {
    const doc = new Y.Doc()
    for (let i = 0; i < MAX_NOTE_SUGGESTIONS + 3; i++) {
      createNote(doc, { title: `Lakk ${i}`, author, now: i })
    }
    createNote(doc, { title: 'Café-besøk', author, now: 100 })
    expect(rankEvidenceNotes(listNotes(doc), 'CAFE', new Set(), cell).map((n) => n.title)).toEqual([
      'Café-besøk',
    ])
    expect(rankEvidenceNotes(listNotes(doc), 'lakk', new Set(), cell)).toHaveLength(
      MAX_NOTE_SUGGESTIONS,
    )
  })
})
