import Collaboration from '@tiptap/extension-collaboration'
import { EditorContent, useEditor } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { noteBodyFragment } from '../../../../shared/model/noteBody'
import { bodyExtensions } from '../editor/extensions'

/**
 * A past version, shown exactly as the editor shows a body (the same extensions: tables,
 * images from the live note's files, task lists, note links) but read-only, bound to the
 * version's own throwaway document.
 */
export function VersionViewer({
  versionDoc,
  bodyDoc,
  rootDoc,
  label,
}: {
  versionDoc: Y.Doc
  /** The live body: images read their bytes from its `files` map. */
  bodyDoc: Y.Doc
  rootDoc: Y.Doc
  label: string
}) {
  const editor = useEditor(
    {
      extensions: [
        ...bodyExtensions({ bodyDoc, rootDoc }),
        Collaboration.configure({ fragment: noteBodyFragment(versionDoc) }),
      ],
      editable: false,
      editorProps: {
        attributes: { class: 'prose', 'aria-label': label, 'aria-readonly': 'true' },
      },
    },
    [versionDoc, bodyDoc, rootDoc, label],
  )
  return (
    <EditorContent
      editor={editor}
      className="note-editor history-viewer"
      data-testid="history-viewer"
    />
  )
}

/** Placeholder while a version's document opens (one frame) or when it cannot be read. */
export function VersionUnreadable() {
  const { t } = useTranslation()
  return <p className="history-empty">{t('history.unreadable')}</p>
}
