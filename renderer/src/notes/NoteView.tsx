import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoteId } from '../../../shared/ids'
import { noteTemplate } from '../../../shared/model/noteTypes'
import type { NoteSummary } from '../../../shared/model/notes'
import type { DocSync } from '../sync/docSync'
import { useNow } from '../lib/clock'
import type { PresenceUser } from '../sync/presenceState'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { NoteTitleInput } from './NoteTitleInput'
import { formatDateTime, formatRelativeTime } from '../lib/format'
import { templateLanguage } from './list/createFromTemplate'
import { Backlinks } from './properties/Backlinks'
import { NoteProperties } from './properties/NoteProperties'
import { useNote } from './useNotes'
import { useNoteBody } from './useNoteBody'
import { setEditorPreparer } from './editorPreparer'
import { EditorSlot, shelveEditor } from './editor/EditorShelf'
import { ToolbarSlot } from './editor/ToolbarShelf'
import { noteEditorFor, useNoteEditor } from './useNoteEditor'
import { HistoryButton } from './history/HistoryButton'
import { NoteShareLine } from '../notebook/NoteShareLine'
import { ShareNoteButton } from '../notebook/ShareNoteButton'
import { ExportNoteButton } from '../transfer/ExportNoteButton'
import { useVersionRecorder } from './history/useVersionRecorder'

export { EditorShelf } from './editor/EditorShelf'
export { ToolbarShelf } from './editor/ToolbarShelf'

/**
 * One open note. Render it keyed by note id: the editor binds to a single note's body.
 * Before the first sync a note may not exist locally yet; after it, a missing note was deleted.
 */
export function NoteView({
  connection,
  noteId,
  synced,
  user,
  autoFocusTitle,
  readOnly,
}: {
  connection: WorkspaceConnection
  noteId: NoteId
  synced: boolean
  user: PresenceUser
  autoFocusTitle: boolean
  /** A view-only guest: the host would refuse any change, so nothing is editable. */
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const note = useNote(connection.doc, noteId)
  const body = useNoteBody(connection, noteId, user)
  if (note === undefined || body === undefined) {
    return (
      <div className="empty-state" role="status">
        <p className="empty-state-title">{synced ? t('notes.missing') : t('notes.loading')}</p>
      </div>
    )
  }
  return (
    <NoteBody
      connection={connection}
      noteId={noteId}
      body={body}
      note={note}
      user={user}
      autoFocusTitle={autoFocusTitle}
      readOnly={readOnly}
    />
  )
}

function NoteBody({
  connection,
  noteId,
  body,
  note,
  user,
  autoFocusTitle,
  readOnly,
}: {
  connection: WorkspaceConnection
  noteId: NoteId
  body: DocSync
  note: NoteSummary
  user: PresenceUser
  autoFocusTitle: boolean
  readOnly: boolean
}) {
  const { t, i18n } = useTranslation()
  const editor = useNoteEditor({ connection, noteId, body, user, readOnly })
  // While this note is open, pointing at another one in the list builds its editor ahead.
  useEffect(
    () =>
      setEditorPreparer((id) => {
        const warm = connection.peekNoteBody(id)
        // Mounted on the shelf now, so the click only moves it on screen.
        if (warm !== undefined)
          shelveEditor(noteEditorFor({ connection, noteId: id, body: warm, user, readOnly, t }))
      }),
    [connection, user, readOnly, t],
  )
  const history = useVersionRecorder(body, user.name, readOnly)
  const now = useNow()
  const { title, updatedAt, updatedBy } = note

  return (
    <article className="note" aria-label={title || t('notes.untitled')}>
      <div className="note-toolbar">
        <ToolbarSlot editor={editor} show={!readOnly} />
        {/* Note-level actions (history, export, share, …): one element each, right-aligned. */}
        <div className="note-actions" data-testid="note-actions">
          <HistoryButton
            bodyDoc={body.doc}
            rootDoc={connection.doc}
            noteId={noteId}
            recorder={history}
            readOnly={readOnly}
            title={title}
          />
          <ShareNoteButton connection={connection} noteId={noteId} />
          <ExportNoteButton rootDoc={connection.doc} bodyDoc={body.doc} noteId={noteId} />
        </div>
      </div>
      <div className="note-column">
        <NoteTitleInput
          doc={connection.doc}
          noteId={noteId}
          title={title}
          authorName={user.name}
          autoFocus={autoFocusTitle && !readOnly}
          readOnly={readOnly}
          placeholder={
            note.type === undefined
              ? undefined
              : noteTemplate(note.type, templateLanguage(i18n.language)).title
          }
          onEnter={() => {
            // Focus at once: TipTap's focus command waits a frame, and what a fast typist types
            // after Enter would still land in the title.
            editor.view.dom.focus()
            editor.commands.focus('start')
          }}
        />
        <NoteProperties
          doc={connection.doc}
          workspaceId={connection.workspaceId}
          note={note}
          authorName={user.name}
          readOnly={readOnly}
        />
        <NoteShareLine connection={connection} noteId={noteId} />
        <p className="note-meta">
          {updatedBy !== '' && (
            <time
              dateTime={new Date(updatedAt).toISOString()}
              title={formatDateTime(updatedAt, i18n.language)}
            >
              {t('notes.edited', {
                time: formatRelativeTime(updatedAt, now, i18n.language, t('notes.justNow')),
                name: updatedBy,
              })}
            </time>
          )}
        </p>
        <EditorSlot editor={editor} />
        <Backlinks
          doc={connection.doc}
          workspaceId={connection.workspaceId}
          noteId={noteId}
          outgoing={note.links}
        />
      </div>
    </article>
  )
}
