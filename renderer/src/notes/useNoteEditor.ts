import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Editor } from '@tiptap/react'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { noteBodyFragment } from '../../../shared/model/noteBody'
import { createNote, touchNote } from '../../../shared/model/notes'
import type { DocSync } from '../sync/docSync'
import { throttle } from '../lib/throttle'
import type { PresenceUser } from '../sync/presenceState'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { navigate } from '../lib/route'
import { warmEditor } from './editor/editorCache'
import { bodyExtensions, editingExtensions } from './editor/extensions'
import { openExternalLink, parseAppLink } from './safeLink'
import { isModClick } from './shortcuts'

/** A note made from the `[[` menu's "Create note «…»" entry. */
function createNoteNow(doc: Y.Doc, title: string, authorName: string): NoteId {
  return createNote(doc, { title, author: { name: authorName }, now: Date.now() })
}

/** How often a stream of local edits updates the note's "updated" time. */
const TOUCH_INTERVAL_MS = 5_000

type EditorInput = {
  connection: WorkspaceConnection
  noteId: NoteId
  body: DocSync
  user: PresenceUser
  readOnly: boolean
  t: TFunction
}

function noteEditorProps(t: TFunction) {
  return {
    attributes: {
      'aria-label': t('notes.bodyLabel'),
      'aria-multiline': 'true',
      role: 'textbox',
      class: 'prose',
    },
    handleDOMEvents: {
      // A place in Kryss (`#w=…&b=…`) opens on a plain click, like a [[note link]], in the
      // app itself; its link element would otherwise open a new tab where the note is not
      // editable (target _blank). The web needs Ctrl/Cmd+click (below).
      click: (_view: unknown, event: MouseEvent): boolean => {
        const anchor = (event.target as HTMLElement | null)?.closest('a[href]')
        const place = parseAppLink(anchor?.getAttribute('href') ?? '')
        if (place === undefined) return false
        event.preventDefault()
        navigate({ workspace: place.workspace, note: place.note, board: place.board })
        return true
      },
    },
    handleClick: (_view: unknown, _pos: number, event: MouseEvent): boolean => {
      const anchor = (event.target as HTMLElement | null)?.closest('a[href]')
      if (anchor === null || anchor === undefined || !isModClick(event)) return false
      const href = anchor.getAttribute('href') ?? ''
      if (parseAppLink(href) !== undefined) return true
      openExternalLink(href)
      return true
    },
  }
}

/**
 * The editor of a note's body: the one kept with the warm body (editor/editorCache.ts), or a
 * new one. Building it is most of what opening a note costs, so the list also calls this when
 * a row is pointed at (see `prepareNoteEditor`).
 */
export function noteEditorFor({
  connection,
  noteId,
  body,
  user,
  readOnly,
  t,
}: EditorInput): Editor {
  return warmEditor(
    body.doc,
    () =>
      new Editor({
        extensions: [
          ...bodyExtensions({
            bodyDoc: body.doc,
            rootDoc: connection.doc,
            openNote: (note) => navigate({ workspace: connection.workspaceId, note }),
          }),
          ...editingExtensions({
            bodyDoc: body.doc,
            rootDoc: connection.doc,
            noteId,
            userName: user.name,
            createNote: (title) => createNoteNow(connection.doc, title, user.name),
          }),
          Collaboration.configure({ fragment: noteBodyFragment(body.doc) }),
          CollaborationCaret.configure({ provider: body.provider, user }),
        ],
        editorProps: noteEditorProps(t),
        editable: !readOnly,
      }),
  )
}

/**
 * A TipTap editor bound to one note's body document. Create it under a component keyed by the
 * note id: the collaboration binding belongs to one document for its whole life. The editor
 * lives as long as the body document (editor/editorCache.ts), so a note opened again shows at
 * once. Carets go over the body's own awareness; the note list's "who is where" over the
 * workspace's.
 */
export function useNoteEditor(input: {
  connection: WorkspaceConnection
  noteId: NoteId
  body: DocSync
  user: PresenceUser
  /** A view-only guest: no typing, since the host would close the connection (4403). */
  readOnly?: boolean
}): Editor {
  const { connection, noteId, body, user, readOnly = false } = input
  const { t } = useTranslation()

  // Built once per note: the binding and caret plugin must not be re-created on re-render.
  // `user` is applied below when it changes, so its first value is enough here. A warm body
  // may already have its editor (made on an earlier visit, or while its row was pointed at).
  const [editor] = useState(() => noteEditorFor({ connection, noteId, body, user, readOnly, t }))
  const editorProps = useMemo(() => noteEditorProps(t), [t])
  // A kept editor has the props of the visit that made it: bring labels up to date.
  const firstProps = useRef(editorProps)
  useEffect(() => {
    if (editorProps === firstProps.current || editor.isDestroyed) return
    editor.setOptions({ editorProps })
  }, [editor, editorProps])

  useEffect(() => {
    if (editor.isDestroyed || editor.isEditable === !readOnly) return
    editor.setEditable(!readOnly)
  }, [editor, readOnly])

  // My name and colour on carets: the body's awareness is the caret extension's (useNoteBody
  // keeps it current, and only writes when it changed).

  // Local body edits move the note up the list ("updated"), at most once per interval, and
  // the last one is written when the editor goes away.
  const authorName = user.name
  useEffect(() => {
    // The trailing write records when the last edit happened, not when it was written:
    // otherwise leaving a note would sort it above a note created right after.
    let lastEditAt = 0
    const touch = throttle(
      () => touchNote(connection.doc, noteId, { author: { name: authorName }, now: lastEditAt }),
      TOUCH_INTERVAL_MS,
    )
    const onUpdate = ({ transaction }: { transaction: { getMeta(key: unknown): unknown } }) => {
      const sync = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
      if (sync?.isChangeOrigin === true) return
      lastEditAt = Date.now()
      touch.schedule()
    }
    editor.on('update', onUpdate)
    return () => {
      editor.off('update', onUpdate)
      touch.flush()
    }
  }, [editor, connection.doc, noteId, authorName])

  return editor
}
