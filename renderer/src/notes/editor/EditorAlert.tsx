import type { Editor } from '@tiptap/core'
import { X } from 'lucide-react'
import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton'
import { clearEditorAlert, editorAlertStore } from './editorAlerts'

/** How long a message stays unless dismissed: long enough to read twice. */
const ALERT_MS = 12_000

/** The editor's latest message (e.g. a refused image), with role="alert". */
export function EditorAlert({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const store = editorAlertStore(editor)
  const message = useSyncExternalStore(store.subscribe, store.getSnapshot)

  useEffect(() => {
    if (message === undefined) return
    const timer = setTimeout(() => clearEditorAlert(editor), ALERT_MS)
    return () => clearTimeout(timer)
  }, [editor, message])

  if (message === undefined) return null
  return (
    <div className="editor-alert" role="alert" data-testid="editor-alert">
      <span>{message.text}</span>
      <IconButton
        size="sm"
        label={t('blocks.dismiss')}
        tooltip={false}
        onClick={() => {
          clearEditorAlert(editor)
          editor.commands.focus()
        }}
      >
        <X size={14} aria-hidden />
      </IconButton>
    </div>
  )
}
