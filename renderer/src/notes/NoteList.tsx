import { useVirtualizer } from '@tanstack/react-virtual'
import { Ellipsis, Pencil, Trash2 } from 'lucide-react'
import {
  memo,
  useCallback,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { filterNotes, sortNotes } from '../../../shared/model/noteFilter'
import { createNote, deleteNote, renameNote, type NoteSummary } from '../../../shared/model/notes'
import type { NoteType } from '../../../shared/model/noteTypes'
import { useNow } from '../lib/clock'
import { currentRoute } from '../lib/route'
import { useHoverIntent } from '../lib/useHoverIntent'
import type { Participant } from '../sync/presenceState'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { IconButton } from '../ui/IconButton'
import { LazyMenu, MenuItem, MenuSeparator } from '../ui/Menu'
import { prepareEditor } from './editorPreparer'
import { NoteRenameDialog } from './NoteRenameDialog'
import { formatCount, formatDateTime, formatRelativeTime } from '../lib/format'
import { createNoteFromTemplate, templateLanguage } from './list/createFromTemplate'
import {
  clearFilters,
  hasFilters,
  noteListViewStore,
  toNoteFilter,
  updatedSince,
  updateNoteListView,
  type NoteListView,
} from './list/listView'
import { NewNoteButton } from './list/NewNoteButton'
import { NoteFilterBar } from './list/NoteFilterBar'
import { NoteTypeIcon } from './properties/NoteTypeIcon'
import { useCompanyNames, useNoteList } from './useNotes'

/** Fixed row height: with it the virtualizer needs no measuring, even at 10k notes. */
const ROW_HEIGHT = 56

type Pending = { kind: 'rename' | 'delete'; note: NoteSummary } | undefined

type RowLabels = {
  untitled: string
  rename: string
  delete: string
  actionsFor: (title: string) => string
}

type NoteListProps = {
  connection: WorkspaceConnection
  workspaceName: string
  authorName: string
  /** Other people, by the note they have open. */
  viewers: ReadonlyMap<NoteId, readonly Participant[]>
  /** Before the first sync an empty list means "not here yet", not "no notes". */
  synced: boolean
  /** A view-only guest: no creating, renaming or deleting (the host would refuse it). */
  readOnly?: boolean
  onOpen: (id: NoteId | undefined, options?: { focusTitle?: boolean }) => void
}

/**
 * The list does not depend on which note is open (each row follows the route itself, see
 * useIsCurrentNote), so switching notes does not re-render it. `viewers` is rebuilt whenever
 * anyone's presence changes — including mine when I switch notes — so it is compared by who
 * is where, not by identity.
 */
function sameListProps(a: NoteListProps, b: NoteListProps): boolean {
  return (
    a.connection === b.connection &&
    a.workspaceName === b.workspaceName &&
    a.authorName === b.authorName &&
    a.synced === b.synced &&
    a.readOnly === b.readOnly &&
    a.onOpen === b.onOpen &&
    sameViewers(a.viewers, b.viewers)
  )
}

function sameViewers(
  a: ReadonlyMap<NoteId, readonly Participant[]>,
  b: ReadonlyMap<NoteId, readonly Participant[]>,
): boolean {
  if (a === b) return true
  if (a.size !== b.size) return false
  for (const [id, list] of a) {
    const other = b.get(id)
    if (other === undefined || other.length !== list.length) return false
    for (let i = 0; i < list.length; i++) {
      const x = list[i]
      const y = other[i]
      if (x?.clientId !== y?.clientId || x?.name !== y?.name || x?.color !== y?.color) return false
    }
  }
  return true
}

/** Whether `id` is the open note; only the rows whose answer changes re-render. */
function useIsCurrentNote(id: NoteId): boolean {
  return useSyncExternalStore(currentRoute.subscribe, () => currentRoute.getSnapshot().note === id)
}

/**
 * The workspace's notes, filtered and sorted by the workspace's list view (list/listView.ts).
 * Only the visible rows are in the DOM and the filtered list is one pass over the summaries,
 * so filtering and scrolling stay smooth at 10k notes.
 */
export const NoteList = memo(function NoteList({
  connection,
  workspaceName,
  authorName,
  viewers,
  synced,
  readOnly = false,
  onOpen,
}: NoteListProps) {
  const { t, i18n } = useTranslation()
  const doc = connection.doc
  const allNotes = useNoteList(doc)
  const viewStore = noteListViewStore(connection.workspaceId)
  const view = useSyncExternalStore(viewStore.subscribe, viewStore.getSnapshot)
  const companies = useCompanyNames(doc)
  const now = useNow()
  const justNow = t('notes.justNow')
  const scrollRef = useRef<HTMLDivElement>(null)
  const [pending, setPending] = useState<Pending>()
  // The row under the mouse or with focus: its menu is built (see LazyMenu).
  const [armed, setArmed] = useState<NoteId>()
  const since = updatedSince(view.updated, now)
  const filter = useMemo(() => toNoteFilter(view, since), [view, since])
  // Sorted when the notes or the sort change; a filter keystroke only filters.
  const sorted = useMemo(() => sortNotes(allNotes, view.sort), [allNotes, view.sort])
  const notes = useMemo(() => filterNotes(sorted, filter), [sorted, filter])
  const filtered = hasFilters(view)
  const rowLabels = useMemo<RowLabels>(
    () => ({
      untitled: t('notes.untitled'),
      rename: t('notes.rename'),
      delete: t('notes.delete'),
      actionsFor: (title) => t('notes.actionsFor', { title }),
    }),
    [t],
  )
  // Start syncing a note's body when the person is about to open it: the click then finds it
  // ready (see sync/bodyCache.ts).
  const prefetch = useCallback(
    (id: NoteId) => {
      connection.prefetchNoteBody(id, { note: null })
      prepareEditor(id)
    },
    [connection],
  )
  // Rows have no handlers of their own (a keystroke in the filter re-renders every row on
  // screen, so a row must be cheap): the list finds the row under the pointer or with focus.
  const hovered = useRef<NoteId>(undefined)
  const intent = useHoverIntent(() => {
    if (hovered.current !== undefined) prefetch(hovered.current)
  })
  const onPointerOver = (event: PointerEvent<HTMLDivElement>): void => {
    const id = rowNoteId(event.target)
    if (id === hovered.current) return
    hovered.current = id
    if (id === undefined) return intent.cancel()
    intent.start()
    // Not on touch: a tap would re-render the button between its pointerdown and its click;
    // an unarmed menu opens on the click itself.
    if (event.pointerType === 'mouse') setArmed(id)
  }
  const onPointerLeave = (): void => {
    hovered.current = undefined
    intent.cancel()
  }
  const onFocus = (event: FocusEvent<HTMLDivElement>): void => {
    const id = rowNoteId(event.target)
    if (id === undefined) return
    setArmed(id)
    if ((event.target as HTMLElement).classList.contains('note-open')) prefetch(id)
  }
  const updateView = useCallback(
    (change: (view: NoteListView) => NoteListView) =>
      updateNoteListView(connection.workspaceId, change),
    [connection.workspaceId],
  )

  // eslint-disable-next-line react-hooks/incompatible-library -- we do not use the React Compiler; TanStack Virtual re-renders through its own state.
  const virtualizer = useVirtualizer({
    count: notes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows beyond the visible ones, for smooth scrolling; every one of them mounts when a
    // filter keystroke changes the list.
    overscan: 3,
    // Items keyed by position (the default), like the rows: with fixed heights nothing is
    // measured per note, and a key per note would make the virtualizer walk all 10k of them
    // on every keystroke.
  })

  const language = i18n.language
  const createAndOpen = useCallback(
    (type: NoteType | undefined): void => {
      const author = { name: authorName }
      const id =
        type === undefined
          ? createNote(connection.doc, { title: '', author, now: Date.now() })
          : createNoteFromTemplate(connection, {
              type,
              language: templateLanguage(language),
              author,
              now: Date.now(),
            })
      // A new note must be visible: it is the newest, but may not pass the filters.
      updateNoteListView(connection.workspaceId, (view) =>
        hasFilters(view) ? clearFilters(view) : view,
      )
      scrollRef.current?.scrollTo({ top: 0 })
      onOpen(id, { focusTitle: true })
    },
    [connection, authorName, language, onOpen],
  )

  const focusRow = (index: number): void => {
    virtualizer.scrollToIndex(index)
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] .note-open`)?.focus()
    })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]')
    if (row === null) return
    event.preventDefault()
    const next = Number(row.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1)
    if (next < 0 || next >= notes.length) return
    focusRow(next)
  }

  return (
    <section className="sidebar-section sidebar-section--notes" aria-labelledby="notes-heading">
      <div className="sidebar-heading">
        <h2 id="notes-heading">
          {t('notes.heading')}
          <span className="sidebar-count">
            {allNotes.length > 0 ? formatCount(allNotes.length, i18n.language) : ''}
          </span>
        </h2>
      </div>
      {!readOnly && (
        <div className="new-note-row">
          <NewNoteButton onCreate={createAndOpen} />
        </div>
      )}
      {allNotes.length > 0 && (
        <NoteFilterBar
          doc={doc}
          notes={allNotes}
          view={view}
          onUpdate={updateView}
          onLeave={(how) => {
            const first = notes[0]
            if (first === undefined) return
            if (how === 'open') onOpen(first.id)
            else focusRow(0)
          }}
        />
      )}
      {filtered && allNotes.length > 0 && (
        <div className="note-count-row">
          <span className="note-count" data-testid="note-count" role="status">
            {t('noteProps.filter.shownOf', {
              shown: formatCount(notes.length, i18n.language),
              count: allNotes.length,
            })}
          </span>
          <button
            type="button"
            className="filter-clear"
            onClick={() => viewStore.set(clearFilters(view))}
            data-testid="clear-filters"
          >
            {t('noteProps.filter.clear')}
          </button>
        </div>
      )}
      <div
        ref={scrollRef}
        className="note-list"
        data-testid="note-list"
        role="list"
        aria-label={t('notes.listLabel')}
        onKeyDown={onKeyDown}
        onPointerOver={onPointerOver}
        onPointerLeave={onPointerLeave}
        onFocus={onFocus}
      >
        {notes.length === 0 && !synced ? (
          <div className="note-list-empty" role="status">
            <p>{t('workspaces.connecting')}</p>
          </div>
        ) : allNotes.length === 0 ? (
          <div className="note-list-empty">
            <p className="empty-state-title">{t('notes.empty')}</p>
            <p>{t('notes.emptyHint')}</p>
          </div>
        ) : notes.length === 0 ? (
          <div className="note-list-empty" data-testid="note-list-no-matches">
            <p className="empty-state-title">{t('noteProps.filter.noMatchesTitle')}</p>
            <p>{t('noteProps.filter.noMatches')}</p>
            <button
              type="button"
              className="button button--secondary button--sm note-list-clear"
              onClick={() => viewStore.set(clearFilters(view))}
            >
              {t('noteProps.filter.clear')}
            </button>
          </div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const note = notes[item.index]
              if (note === undefined) return null
              return (
                // Keyed by position, not by note: when a filter keystroke changes the list, the
                // rows on screen are updated with other notes instead of unmounted and mounted.
                <NoteRow
                  key={item.index}
                  index={item.index}
                  total={notes.length}
                  top={item.start}
                  note={note}
                  company={note.companyId === undefined ? undefined : companies.get(note.companyId)}
                  time={formatRelativeTime(note.updatedAt, now, i18n.language, justNow)}
                  fullTime={formatDateTime(note.updatedAt, i18n.language)}
                  viewers={viewers.get(note.id)}
                  armed={armed === note.id}
                  onOpen={onOpen}
                  onAction={readOnly ? undefined : setPending}
                  labels={rowLabels}
                />
              )
            })}
          </div>
        )}
      </div>
      <RowDialogs
        doc={doc}
        pending={pending}
        onDone={setPending}
        workspaceName={workspaceName}
        authorName={authorName}
        onOpen={onOpen}
      />
    </section>
  )
}, sameListProps)

/** The id of the note row `target` is in, if any. */
function rowNoteId(target: EventTarget): NoteId | undefined {
  if (!(target instanceof Element)) return undefined
  const row = target.closest<HTMLElement>('[data-note-id]')
  return (row?.dataset.noteId as NoteId | undefined) ?? undefined
}

/** Rename and delete from a row's menu; memoized, so list keystrokes do not re-render them. */
const RowDialogs = memo(function RowDialogs({
  doc,
  pending,
  onDone,
  workspaceName,
  authorName,
  onOpen,
}: {
  doc: Y.Doc
  pending: Pending
  onDone: (pending: Pending) => void
  workspaceName: string
  authorName: string
  onOpen: (id: NoteId | undefined) => void
}) {
  const { t } = useTranslation()
  const title = pending?.note.title || t('notes.untitled')
  return (
    <>
      <NoteRenameDialog
        key={pending?.kind === 'rename' ? pending.note.id : 'rename'}
        open={pending?.kind === 'rename'}
        onOpenChange={(open) => !open && onDone(undefined)}
        initialTitle={pending?.note.title ?? ''}
        onSubmit={(newTitle) => {
          if (pending === undefined) return
          renameNote(doc, pending.note.id, {
            title: newTitle,
            author: { name: authorName },
            now: Date.now(),
          })
          onDone(undefined)
        }}
      />
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        onOpenChange={(open) => !open && onDone(undefined)}
        title={t('notes.deleteTitle', { title })}
        body={t('notes.deleteBody', { title, workspace: workspaceName })}
        confirmLabel={t('notes.deleteConfirm')}
        onConfirm={() => {
          if (pending === undefined) return
          deleteNote(doc, pending.note.id)
          if (pending.note.id === currentRoute.getSnapshot().note) onOpen(undefined)
        }}
      />
    </>
  )
})

const NoteRow = memo(function NoteRow({
  index,
  total,
  top,
  note,
  company,
  time,
  fullTime,
  viewers,
  armed,
  onOpen,
  onAction,
  labels,
}: {
  index: number
  total: number
  top: number
  note: NoteSummary
  company: string | undefined
  time: string
  fullTime: string
  viewers: readonly Participant[] | undefined
  /** Under the mouse or focused: its menu is built (see LazyMenu). */
  armed: boolean
  onOpen: (id: NoteId) => void
  /** Absent for a view-only guest: the row has no rename/delete menu. */
  onAction: ((pending: Pending) => void) | undefined
  /** The row's words, from the list: one translation hook per list, not per row. */
  labels: RowLabels
}) {
  const title = note.title || labels.untitled
  const active = useIsCurrentNote(note.id)
  return (
    <div
      role="listitem"
      aria-setsize={total}
      aria-posinset={index + 1}
      data-index={index}
      data-testid="note-item"
      data-note-id={note.id}
      className={active ? 'note-item is-active' : 'note-item'}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
    >
      <button
        type="button"
        className="note-open"
        aria-current={active ? 'page' : undefined}
        onClick={() => onOpen(note.id)}
      >
        <span className="note-item-head">
          {note.type !== undefined && (
            <NoteTypeIcon type={note.type} size={14} className="note-item-type" />
          )}
          <span className={note.title ? 'note-item-title' : 'note-item-title is-untitled'}>
            {title}
          </span>
        </span>
        <span className="note-item-meta">
          {company !== undefined && <span className="note-item-company">{company}</span>}
          <time dateTime={new Date(note.updatedAt).toISOString()} title={fullTime}>
            {time}
          </time>
          {note.tags.length > 0 && (
            <span className="note-item-tags">
              {note.tags.map((tag) => (
                <span key={tag} className="note-item-tag">
                  #{tag}
                </span>
              ))}
            </span>
          )}
        </span>
      </button>
      {viewers !== undefined && viewers.length > 0 && (
        <span
          className="note-item-viewers"
          aria-label={viewers.map((viewer) => viewer.name).join(', ')}
        >
          {viewers.slice(0, 3).map((viewer) => (
            <span
              key={viewer.clientId}
              className="viewer-dot"
              style={{ backgroundColor: viewer.color }}
            />
          ))}
        </span>
      )}
      {onAction !== undefined && (
        <LazyMenu
          armed={armed}
          trigger={
            <IconButton
              size="sm"
              className="row-menu"
              label={labels.actionsFor(title)}
              tooltip={false}
            >
              <Ellipsis size={16} aria-hidden />
            </IconButton>
          }
        >
          <MenuItem
            icon={<Pencil size={14} aria-hidden />}
            onSelect={() => onAction({ kind: 'rename', note })}
          >
            {labels.rename}
          </MenuItem>
          <MenuSeparator />
          <MenuItem
            danger
            icon={<Trash2 size={14} aria-hidden />}
            onSelect={() => onAction({ kind: 'delete', note })}
          >
            {labels.delete}
          </MenuItem>
        </LazyMenu>
      )}
    </div>
  )
})
