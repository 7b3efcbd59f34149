import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { createTitleRenamer } from './titleRenamer'
/**
 * The note title. While it has focus the field shows what is being typed (a local draft);
 * otherwise it shows the document's title, so renames by others appear at once.
 */
export function NoteTitleInput({
  doc,
  noteId,
  title,
  authorName,
  autoFocus,
  readOnly = false,
  placeholder,
  onEnter,
}: {
  doc: Y.Doc
  noteId: NoteId
  title: string
  authorName: string
  autoFocus?: boolean
  /** Shown, selectable, never written (a view-only guest's change would be refused). */
  readOnly?: boolean
  /** Shown while the title is empty (a template's suggested title); never written. */
  placeholder?: string
  onEnter: () => void
}) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<string | null>(null)
  const renamer = useMemo(
    () => createTitleRenamer(doc, noteId, authorName),
    [doc, noteId, authorName],
  )
  useEffect(() => () => renamer.flush(), [renamer])

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Enter') {
      event.preventDefault()
      renamer.flush()
      onEnter()
    } else if (event.key === 'Escape') {
      renamer.cancel()
      setDraft(null)
      event.currentTarget.blur()
    }
  }

  // A textarea, so a long title wraps instead of scrolling out of sight; Enter never makes a
  // line break (it moves to the text), and pasted line breaks become spaces when saved.
  return (
    <textarea
      className="note-title"
      rows={1}
      value={draft ?? title}
      placeholder={placeholder ?? t('notes.untitled')}
      aria-label={t('notes.titleInputLabel')}
      maxLength={300}
      autoFocus={autoFocus}
      readOnly={readOnly}
      onFocus={() => {
        if (!readOnly) setDraft(title)
      }}
      onChange={(event) => {
        if (readOnly) return
        setDraft(event.target.value)
        renamer.type(event.target.value)
      }}
      onBlur={() => {
        renamer.flush()
        setDraft(null)
      }}
      onKeyDown={onKeyDown}
      data-testid="note-title"
    />
  )
}
