import type { NoteId } from '../ids'
import type { NoteSummary } from './notes'

/** A note summary for tests: empty fields, by Ada, at time 0, with what the test sets. */
export function noteSummary(id: string, fields: Partial<NoteSummary> = {}): NoteSummary {
  return {
    id: id as NoteId,
    title: '',
    createdAt: 0,
    createdBy: 'Ada',
    updatedAt: 0,
    updatedBy: 'Ada',
    companyId: undefined,
    type: undefined,
    tags: [],
    competenceIds: [],
    links: [],
    copiedFrom: undefined,
    ...fields,
  }
}
