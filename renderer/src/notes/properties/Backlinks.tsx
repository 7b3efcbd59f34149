import { ArrowUpRight, CornerDownRight, FileText } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteId, WorkspaceId } from '../../../../shared/ids'
import { useNow } from '../../lib/clock'
import { formatDateTime, formatRelativeTime } from '../../lib/format'
import { navigate } from '../../lib/route'
import { useBacklinks, useCompanyNames, useNote } from '../useNotes'
import { NoteTypeIcon } from './NoteTypeIcon'

/**
 * Under the editor: the notes that link to this one ("Linked from", from the backlink index
 * over the root document, so no other body is opened), and the notes this one links to.
 */
export function Backlinks({
  doc,
  workspaceId,
  noteId,
  outgoing,
}: {
  doc: Y.Doc
  workspaceId: WorkspaceId
  noteId: NoteId
  outgoing: readonly NoteId[]
}) {
  const { t } = useTranslation()
  const incoming = useBacklinks(doc, noteId)
  const open = (id: NoteId): void => navigate({ workspace: workspaceId, note: id })
  return (
    <footer className="note-links">
      <section
        className="note-links-section"
        aria-labelledby={`backlinks-${noteId}`}
        data-testid="backlinks"
      >
        <h2 className="note-links-heading" id={`backlinks-${noteId}`}>
          <CornerDownRight size={14} aria-hidden />
          {t('noteProps.backlinks')}
          {incoming.length > 0 && <span className="note-links-count">{incoming.length}</span>}
        </h2>
        {incoming.length === 0 ? (
          <p className="note-links-empty">{t('noteProps.backlinksEmpty')}</p>
        ) : (
          <ul className="note-links-list">
            {incoming.map((id) => (
              <LinkedNote key={id} doc={doc} id={id} onOpen={open} testId="backlink" />
            ))}
          </ul>
        )}
      </section>
      {outgoing.length > 0 && (
        <section className="note-links-section" aria-labelledby={`outgoing-${noteId}`}>
          <h2 className="note-links-heading" id={`outgoing-${noteId}`}>
            <ArrowUpRight size={14} aria-hidden />
            {t('noteProps.outgoing')}
          </h2>
          <ul className="note-links-list">
            {outgoing.map((id) => (
              <LinkedNote key={id} doc={doc} id={id} onOpen={open} testId="outgoing-link" />
            ))}
          </ul>
        </section>
      )}
    </footer>
  )
}

function LinkedNote({
  doc,
  id,
  onOpen,
  testId,
}: {
  doc: Y.Doc
  id: NoteId
  onOpen: (id: NoteId) => void
  testId: string
}) {
  const { t, i18n } = useTranslation()
  const note = useNote(doc, id)
  const companies = useCompanyNames(doc)
  const now = useNow()
  // A link to a deleted note (or one not synced yet) has nothing to show or open.
  if (note === undefined) return null
  const title = note.title || t('notes.untitled')
  const company = note.companyId === undefined ? undefined : companies.get(note.companyId)
  return (
    <li>
      <button
        type="button"
        className="note-link-row"
        onClick={() => onOpen(id)}
        data-testid={testId}
        data-note-id={id}
      >
        {note.type === undefined ? (
          <FileText size={15} aria-hidden className="note-link-icon" />
        ) : (
          <NoteTypeIcon type={note.type} size={15} className="note-link-icon" />
        )}
        <span className={note.title ? 'note-link-title' : 'note-link-title is-untitled'}>
          {title}
        </span>
        <span className="note-link-meta">
          {company !== undefined && <span className="note-link-company">{company}</span>}
          <time
            dateTime={new Date(note.updatedAt).toISOString()}
            title={formatDateTime(note.updatedAt, i18n.language)}
          >
            {formatRelativeTime(note.updatedAt, now, i18n.language, t('notes.justNow'))}
          </time>
        </span>
      </button>
    </li>
  )
}
