import * as Popover from '@radix-ui/react-popover'
import { FileText, Link2, X } from 'lucide-react'
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type RefObject,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, CompetenceId, NoteId } from '../../../../shared/ids'
import {
  LEVELS,
  MAX_CELL_COMMENT_LENGTH,
  updateCell,
  type CellPatch,
  type Level,
} from '../../../../shared/model/competence/cells'
import type { CellView, CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { useNow } from '../../lib/clock'
import { formatRelativeTime } from '../../lib/format'
import { navigate } from '../../lib/route'
import { PickerPopover } from '../../notes/properties/PickerPopover'
import type { Suggestion } from '../../notes/properties/SuggestInput'
import { useNoteList } from '../../notes/useNotes'
import type { Participant } from '../../sync/presenceState'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { IconButton } from '../../ui/IconButton'
import { levelNames } from './cellLabels'
import { rankEvidenceNotes } from './evidenceNotes'

/**
 * The editor of one cell, in a popover at the cell: offer and need levels, a comment and
 * evidence notes. Every change is written at once through the model's `updateCell` (the
 * comment when its field is left), so others see it live, and the editor shows what the
 * document holds — including someone else's edit made while it is open.
 */
export type EditedCell = { companyId: CompanyId; competenceId: CompetenceId }

/** Anything with a box: the cell's element, found again on every position update. */
type Measurable = { getBoundingClientRect(): DOMRect }

export function CellEditor({
  connection,
  index,
  edited,
  anchor,
  peers,
  authorName,
  onClose,
  onCloseFocus,
}: {
  connection: WorkspaceConnection
  index: CompetenceIndex
  edited: EditedCell
  anchor: RefObject<Measurable | null>
  /** Others with this cell open. */
  peers: readonly Participant[]
  authorName: string
  onClose: () => void
  /** Where focus goes when the editor closes by keyboard. */
  onCloseFocus: () => void
}) {
  const { t, i18n } = useTranslation()
  const company = index.companyById.get(edited.companyId)
  const competence = index.competenceById.get(edited.competenceId)
  const cell = index.cell(edited.companyId, edited.competenceId)
  const label =
    competence === undefined ? '' : competence.labels[i18n.language.startsWith('en') ? 'en' : 'nb']
  const write = (patch: CellPatch): void => {
    updateCell(connection.doc, {
      ...edited,
      ...patch,
      author: { name: authorName },
      now: Date.now(),
    })
  }
  if (company === undefined || competence === undefined) return null
  return (
    <Popover.Root open onOpenChange={(open) => !open && onClose()}>
      <Popover.Anchor virtualRef={anchor} />
      <Popover.Portal>
        <Popover.Content
          className="popover matrix-editor"
          // Beside the cell: the editor is taller than most rows leave room for above or below.
          side="right"
          align="start"
          sideOffset={6}
          collisionPadding={8}
          // The grid scrolls under the editor: follow the cell every frame while open.
          updatePositionStrategy="always"
          aria-label={t('mapMatrix.editor.label', { company: company.name, competence: label })}
          onOpenAutoFocus={(event) => {
            // Start on the offer level (the close button comes first in the DOM).
            const checked =
              event.currentTarget instanceof HTMLElement
                ? event.currentTarget.querySelector<HTMLElement>('input[type="radio"]:checked')
                : null
            if (checked === null) return
            event.preventDefault()
            checked.focus()
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            onCloseFocus()
          }}
          data-testid="matrix-editor"
        >
          <header className="matrix-editor-header">
            <p className="matrix-editor-title">
              <span>{company.name}</span>
              <span aria-hidden> × </span>
              <span>{label}</span>
            </p>
            <Popover.Close asChild>
              <IconButton label={t('mapMatrix.editor.close')} size="sm">
                <X size={14} aria-hidden />
              </IconButton>
            </Popover.Close>
          </header>
          <LevelPicker
            side="offer"
            value={cell?.offer ?? 0}
            onChange={(level) => write({ offer: level })}
          />
          <LevelPicker
            side="need"
            value={cell?.need ?? 0}
            onChange={(level) => write({ need: level })}
          />
          <CommentField stored={cell?.comment ?? ''} onCommit={(comment) => write({ comment })} />
          <EvidenceField
            connection={connection}
            cell={cell}
            edited={edited}
            onAdd={(noteId) => write({ addEvidence: [noteId] })}
            onRemove={(noteId) => write({ removeEvidence: [noteId] })}
            onOpenNote={(noteId) => {
              onClose()
              navigate({ workspace: connection.workspaceId, note: noteId })
            }}
          />
          <EditorFooter cell={cell} peers={peers} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

function LevelPicker({
  side,
  value,
  onChange,
}: {
  side: 'offer' | 'need'
  value: Level
  onChange: (level: Level) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const names = levelNames(t)[side]
  return (
    <div className="matrix-editor-field">
      <span className="field-label" id={`${id}-label`}>
        {t(`mapMatrix.editor.${side}`)}
      </span>
      <div
        className="segmented matrix-levels"
        role="radiogroup"
        aria-labelledby={`${id}-label`}
        data-testid={`matrix-editor-${side}`}
      >
        {LEVELS.map((level) => (
          <label
            key={level}
            className={value === level ? 'segment is-active' : 'segment'}
            data-level={level}
          >
            <input
              type="radio"
              name={id}
              value={level}
              checked={value === level}
              onChange={() => onChange(level)}
            />
            <span className="matrix-swatch" data-side={side} data-level={level} aria-hidden />
            {names[level]}
          </label>
        ))}
      </div>
    </div>
  )
}

/**
 * The comment: typed into a draft while the field has focus (so a remote edit does not move
 * the text under the cursor) and written when the field is left, on Ctrl+Enter, or when the
 * editor closes. Without focus it shows the document's comment, live.
 */
function CommentField({
  stored,
  onCommit,
}: {
  stored: string
  onCommit: (comment: string) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const [draft, setDraft] = useState<string | undefined>(undefined)
  const pending = useRef<{ draft: string | undefined; stored: string; onCommit: typeof onCommit }>({
    draft,
    stored,
    onCommit,
  })
  useLayoutEffect(() => {
    pending.current = { draft, stored, onCommit }
  })
  const commit = (): void => {
    const current = pending.current
    if (current.draft !== undefined && current.draft.trim() !== current.stored.trim()) {
      current.onCommit(current.draft)
    }
  }
  // Closing the editor unmounts the field without a blur: write what was typed.
  useEffect(() => () => commit(), [])
  return (
    <div className="matrix-editor-field">
      <label className="field-label" htmlFor={id}>
        {t('mapMatrix.editor.comment')}
      </label>
      <textarea
        id={id}
        className="input matrix-comment"
        rows={2}
        maxLength={MAX_CELL_COMMENT_LENGTH}
        placeholder={t('mapMatrix.editor.commentPlaceholder')}
        value={draft ?? stored}
        aria-describedby={`${id}-hint`}
        onFocus={() => setDraft(stored)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          commit()
          setDraft(undefined)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault()
            commit()
            setDraft(event.currentTarget.value)
          }
        }}
        data-testid="matrix-editor-comment"
      />
      <p className="field-hint" id={`${id}-hint`}>
        {t('mapMatrix.editor.commentHint')}
      </p>
    </div>
  )
}

function EvidenceField({
  connection,
  cell,
  edited,
  onAdd,
  onRemove,
  onOpenNote,
}: {
  connection: WorkspaceConnection
  cell: CellView | undefined
  edited: EditedCell
  onAdd: (noteId: NoteId) => void
  onRemove: (noteId: NoteId) => void
  onOpenNote: (noteId: NoteId) => void
}) {
  const { t } = useTranslation()
  const id = useId()
  const notes = useNoteList(connection.doc)
  const byId = useMemo(() => new Map(notes.map((note) => [note.id, note])), [notes])
  const evidence = cell?.evidence ?? []
  // A new array per index build: its contents are what the suggestions depend on.
  const linked = evidence.join('\n')
  const suggestionsFor = useCallback(
    (query: string): Suggestion[] =>
      rankEvidenceNotes(notes, query, new Set(linked.split('\n')), edited).map((note) => ({
        key: note.id,
        label: note.title || t('notes.untitled'),
        icon: <FileText size={14} aria-hidden />,
      })),
    [notes, linked, edited, t],
  )
  return (
    <div className="matrix-editor-field">
      <span className="field-label" id={`${id}-label`}>
        {t('mapMatrix.editor.evidence')}
      </span>
      {evidence.length === 0 ? (
        <p className="matrix-editor-empty">{t('mapMatrix.editor.noEvidence')}</p>
      ) : (
        <ul
          className="matrix-evidence"
          aria-labelledby={`${id}-label`}
          data-testid="matrix-evidence"
        >
          {evidence.map((noteId) => {
            const note = byId.get(noteId)
            const title =
              note === undefined
                ? t('mapMatrix.editor.deletedNote')
                : note.title || t('notes.untitled')
            return (
              <li key={noteId}>
                <FileText size={14} aria-hidden />
                {note === undefined ? (
                  <span className="matrix-evidence-missing">{title}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => onOpenNote(noteId)}>
                    {title}
                  </button>
                )}
                <IconButton
                  size="sm"
                  label={t('mapMatrix.editor.removeEvidence', { title })}
                  onClick={() => onRemove(noteId)}
                >
                  <X size={13} aria-hidden />
                </IconButton>
              </li>
            )
          })}
        </ul>
      )}
      <PickerPopover
        trigger={
          <Button
            variant="ghost"
            size="sm"
            icon={<Link2 size={14} aria-hidden />}
            className="matrix-evidence-add"
            data-testid="matrix-evidence-add"
          >
            {t('mapMatrix.editor.addEvidence')}
          </Button>
        }
        label={t('mapMatrix.editor.addEvidence')}
        placeholder={t('mapMatrix.editor.addEvidencePlaceholder')}
        emptyText={t('mapMatrix.editor.noNotes')}
        suggestionsFor={suggestionsFor}
        onPick={(key) => onAdd(key as NoteId)}
        testId="matrix-evidence-picker"
      />
    </div>
  )
}

function EditorFooter({
  cell,
  peers,
}: {
  cell: CellView | undefined
  peers: readonly Participant[]
}) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  if (cell?.edited === undefined && peers.length === 0) return null
  return (
    <footer className="matrix-editor-footer">
      {peers.length > 0 && (
        <p className="matrix-editor-peers" data-testid="matrix-editor-peers">
          {peers.map((peer) => (
            <span
              key={peer.clientId}
              className="matrix-peer-dot"
              style={{ background: peer.color }}
              aria-hidden
            />
          ))}
          {t('mapMatrix.editor.alsoHere', { names: peers.map((peer) => peer.name).join(', ') })}
        </p>
      )}
      {cell?.edited !== undefined && (
        <p className="matrix-editor-edited">
          {t('mapMatrix.editor.edited', {
            name: cell.edited.by,
            time: formatRelativeTime(
              cell.edited.at,
              now,
              i18n.language,
              t('mapMatrix.editor.justNow'),
            ),
          })}
        </p>
      )}
    </footer>
  )
}
