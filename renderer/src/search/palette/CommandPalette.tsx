import { Suspense, useCallback, useEffect, useRef, useState, type ComponentProps } from 'react'
import type { Profile, Settings } from '../../../../shared/hostApi'
import type { NoteId } from '../../../../shared/ids'
import { NewBoardDialog } from '../../boards/list/NewBoardDialog'
import { openBoard } from '../../boards/list/BoardList'
import { createBoardInList, type BoardStart } from '../../boards/list/newBoard'
import type { HostSession, WorkspaceEntry } from '../../connection/hostSession'
import { afterNextPaint } from '../../lib/afterNextPaint'
import { preloadable } from '../../lib/preloadable'
import { LoadBoundary } from '../../ui/LoadBoundary'
import type { PreferencesStore } from '../../settings/preferencesStore'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
// Only its type here: the code is the chunk below.
import type { PaletteDialog as PaletteDialogComponent } from './PaletteDialog'
import type { PaletteItem } from './paletteItems'
import { useRecordRecent } from './recentItems'

/**
 * The palette itself is its own chunk (with fuse.js and its indexes, ~25 kB): the app's first
 * screen does not wait for it. It is loaded when the browser is first idle after a workspace
 * shows, so that by the first Ctrl+K it is there and opens in the frame of the key press.
 */
const paletteDialog = preloadable<ComponentProps<typeof PaletteDialogComponent>>(() =>
  import('./PaletteDialog').then((module) => ({ default: module.PaletteDialog })),
)
const PaletteDialog = paletteDialog.Component

/** How long the preload waits for an idle moment before it loads anyway. */
const PRELOAD_TIMEOUT_MS = 3000

/** Runs `task` once the browser is idle (or after a moment where there is no idle callback). */
function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, { timeout: PRELOAD_TIMEOUT_MS })
    return () => window.cancelIdleCallback(handle)
  }
  const timer = setTimeout(task, 200)
  return () => clearTimeout(timer)
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** Ctrl+K, or ⌘K on a Mac; whatever the layout calls the key (`code`). */
export function isPaletteShortcut(event: KeyboardEvent): boolean {
  const mod = isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
  return (
    mod &&
    !event.altKey &&
    !event.shiftKey &&
    (event.key.toLowerCase() === 'k' || event.code === 'KeyK')
  )
}

/**
 * The Ctrl/Cmd+K palette of one workspace (mounted once per workspace, see App.tsx): the
 * shortcut, from anywhere — the note editor and the board canvas included (listened for on
 * the window in the capture phase, before either sees the key; neither binds Ctrl+K) — but
 * not over another open dialog; the palette itself (PaletteDialog.tsx), and what its commands
 * open (a new board's dialog). It also records what the user opens, for its empty query.
 */
export function CommandPalette({
  session,
  connection,
  entry,
  profile,
  preferences,
  onOpenNote,
}: {
  session: HostSession
  connection: WorkspaceConnection
  entry: WorkspaceEntry
  profile: Profile | null
  preferences: PreferencesStore
  onOpenNote: (id: NoteId | undefined, options?: { focusTitle?: boolean }) => void
}) {
  const [open, setOpen] = useState(false)
  const [newBoard, setNewBoard] = useState(false)
  // Where focus was when the palette opened (the editor, the canvas, a field): Radix gives it
  // back to a dialog's trigger, and the palette has none.
  const restoreTo = useRef<HTMLElement | undefined>(undefined)
  // A chosen row runs before the palette closes when it moves focus itself (opening a note);
  // one that opens a dialog, or changes something in place, runs once focus is back.
  const closing = useRef<PaletteItem | undefined>(undefined)
  useRecordRecent(connection.workspaceId)

  useEffect(
    () =>
      whenIdle(() => {
        // Not reported here: a chunk that failed to load fails the palette when it opens.
        paletteDialog.preload().catch(() => undefined)
      }),
    [],
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isPaletteShortcut(event)) return
      // Another modal dialog (settings, an invite, a confirmation) keeps the keyboard.
      const otherDialog = document.querySelector('.dialog-overlay') !== null
      if (otherDialog && !open) return
      event.preventDefault()
      if (!open) {
        closing.current = undefined
        restoreTo.current =
          document.activeElement instanceof HTMLElement ? document.activeElement : undefined
      }
      setOpen((current) => !current)
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [open])

  const choose = useCallback((item: PaletteItem) => {
    closing.current = item
    if (!item.restoresFocus) item.run()
    setOpen(false)
    if (item.restoresFocus) afterNextPaint(item.run)
  }, [])
  const onOpenChange = useCallback((next: boolean) => setOpen(next), [])
  const onCloseAutoFocus = useCallback((event: Event) => {
    event.preventDefault()
    const chosen = closing.current
    // A row that moved focus itself (a new note's title) keeps it there.
    if (chosen !== undefined && !chosen.restoresFocus) return
    const target = restoreTo.current
    if (target?.isConnected === true) target.focus({ preventScroll: true })
  }, [])

  const saveSettings = useCallback(
    (settings: Settings) => {
      preferences.saveSettings(settings).catch(() => {
        // The store rolled the setting back; the settings dialog is where errors are shown.
      })
    },
    [preferences],
  )
  const authorName = profile?.name ?? ''
  const createBoard = (start: BoardStart): void => {
    const id = createBoardInList(connection.doc, {
      ...start,
      author: { name: authorName },
      now: Date.now(),
    })
    setNewBoard(false)
    openBoard(id)
  }

  return (
    <>
      {open && (
        // Only while the chunk loads, when Ctrl+K came before the idle preload finished; if it
        // cannot load (the host is gone), the palette closes and the next Ctrl+K tries again.
        <LoadBoundary fallback={null} onFailed={() => onOpenChange(false)}>
          <Suspense fallback={null}>
            <PaletteDialog
              connection={connection}
              readOnly={entry.readOnly}
              canInvite={session.sharing !== undefined && entry.private !== true}
              authorName={authorName}
              settings={preferences.getSnapshot().settings}
              saveSettings={saveSettings}
              onOpenNote={onOpenNote}
              onNewBoard={() => setNewBoard(true)}
              onOpenChange={onOpenChange}
              onChoose={choose}
              onCloseAutoFocus={onCloseAutoFocus}
            />
          </Suspense>
        </LoadBoundary>
      )}
      {newBoard && <NewBoardDialog onOpenChange={setNewBoard} onCreate={createBoard} />}
    </>
  )
}
