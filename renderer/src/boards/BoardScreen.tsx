import { LoaderCircle, Presentation, X } from 'lucide-react'
import {
  useEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { BoardId } from '../../../shared/ids'
import { MAX_BOARD_TITLE_LENGTH } from '../../../shared/model/board/boardDoc'
import { getBoard, type BoardSummary } from '../../../shared/model/boards'
import type { PresenceUser } from '../sync/presenceState'
import { useSyncStatus } from '../sync/useSyncStatus'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { Avatar } from '../ui/Avatar'
import { Button } from '../ui/Button'
import { Tooltip } from '../ui/Tooltip'
import { useBoardRuntime, type BoardRuntime } from './boardRuntime'
import { BoardCanvas } from './canvas/BoardCanvas'
import { useRouteItemFocus } from './canvas/useRouteItemFocus'
import { BoardMenu } from './export/BoardMenu'
import { FacilitationBar } from './facilitation/FacilitationBar'
import { openBoard } from './list/BoardList'
import { registerOpenBoard, renameBoardEverywhere } from './list/boardTitle'
import { startBoard } from './list/newBoard'
import { BoardToolbar } from './tools/BoardToolbar'
import { usePaletteBoard } from '../search/palette/paletteHooks'
import { useBoardSummary } from './useBoards'

type BoardScreenProps = {
  connection: WorkspaceConnection
  boardId: BoardId
  user: PresenceUser
  /** A view-only guest: the board is shown, nothing on it can be changed. */
  readOnly: boolean
  authorName: string
  /** Present mode began or ended (the workspace hides its own chrome meanwhile). */
  onPresentingChange?: (presenting: boolean) => void
}

/**
 * The open board in the main area: a header (title, who is here, facilitation, the "…" menu)
 * over the canvas with its tool bar. The board's list entry is what it is called; a board no
 * longer in the list is said to be deleted, and its document is closed.
 */
export function BoardScreen(props: BoardScreenProps) {
  const { t } = useTranslation()
  const summary = useBoardSummary(props.connection.doc, props.boardId)
  const workspace = useSyncStatus(props.connection.status)
  if (summary !== undefined) return <OpenBoard key={props.boardId} {...props} summary={summary} />
  if (!workspace.synced) return <BoardLoading />
  return (
    <div className="board-screen board-screen--message" data-testid="board-deleted">
      <div className="empty-state">
        <Presentation size={32} strokeWidth={1.5} aria-hidden className="empty-state-icon" />
        <p className="empty-state-title">{t('boards.screen.deletedTitle')}</p>
        <p>{t('boards.screen.deletedBody')}</p>
        <Button size="sm" onClick={() => openBoard(undefined)}>
          {t('boards.screen.close')}
        </Button>
      </div>
    </div>
  )
}

function BoardLoading() {
  const { t } = useTranslation()
  return (
    <div className="empty-state board-loading" role="status" data-testid="board-loading">
      <LoaderCircle size={20} aria-hidden className="spin" />
      <p>{t('boards.screen.loading')}</p>
    </div>
  )
}

const noSubscription = (): (() => void) => () => {}

/**
 * Whether the board's document has synced with the host at least once on this runtime: a
 * board shown before that would flash empty, and a new one could not be started safely.
 */
function useFirstSync(runtime: BoardRuntime | undefined): boolean {
  const synced = useSyncExternalStore(
    runtime?.sync.status.subscribe ?? noSubscription,
    () => runtime?.sync.status.getSnapshot().synced ?? false,
  )
  const [syncedRuntime, setSyncedRuntime] = useState<BoardRuntime>()
  if (synced && runtime !== undefined && syncedRuntime !== runtime) setSyncedRuntime(runtime)
  return runtime !== undefined && (synced || syncedRuntime === runtime)
}

/** Whether the board's preview is on screen before its document (boardPreview.ts). */
function usePreviewing(runtime: BoardRuntime | undefined): boolean {
  return useSyncExternalStore(
    runtime?.previewing.subscribe ?? noSubscription,
    () => runtime?.previewing.getSnapshot() ?? false,
  )
}

function usePresenting(runtime: BoardRuntime | undefined): boolean {
  return useSyncExternalStore(
    runtime?.presenting.subscribe ?? noSubscription,
    () => runtime?.presenting.getSnapshot() ?? false,
  )
}

function OpenBoard({
  connection,
  boardId,
  user,
  readOnly,
  authorName,
  onPresentingChange,
  summary,
}: BoardScreenProps & { summary: BoardSummary }) {
  const { t } = useTranslation()
  const runtime = useBoardRuntime({ connection, boardId, user, readOnly })
  const loaded = useFirstSync(runtime)
  const previewing = usePreviewing(runtime)
  const presenting = usePresenting(runtime)
  useRouteItemFocus(runtime)

  // A board nobody has started yet is started by whoever opens it and can write, once its
  // document has synced (list/newBoard.ts: the start comes from the list record, so two at
  // once write the same thing).
  useEffect(() => {
    if (runtime === undefined || !loaded || readOnly) return
    const record = getBoard(connection.doc, boardId)
    if (record !== undefined) startBoard(runtime.doc, record)
  }, [runtime, loaded, readOnly, connection, boardId])

  useEffect(
    () => (runtime === undefined ? undefined : registerOpenBoard(boardId, runtime.doc)),
    [runtime, boardId],
  )
  usePaletteBoard(runtime)

  useEffect(() => {
    if (runtime === undefined || !presenting) return
    onPresentingChange?.(true)
    const onKey = (event: globalThis.KeyboardEvent): void => {
      if (event.key === 'Escape' && !event.defaultPrevented) runtime.presenting.set(false)
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
      onPresentingChange?.(false)
    }
  }, [runtime, presenting, onPresentingChange])

  // The parts others build re-render only when what they are given changes, not with the title.
  const tools = useMemo(
    () =>
      runtime === undefined ? null : (
        <>
          <FacilitationBar runtime={runtime} />
          <BoardMenu runtime={runtime} connection={connection} authorName={authorName} />
        </>
      ),
    [runtime, connection, authorName],
  )
  // The canvas shows a preview as soon as there is one; the tools wait for the document.
  const canvas = useMemo(
    () => (runtime === undefined ? null : <BoardCanvas runtime={runtime} />),
    [runtime],
  )
  const toolbar = useMemo(
    () => (runtime === undefined ? null : <BoardToolbar runtime={runtime} />),
    [runtime],
  )

  const title = summary.title || t('boards.untitled')
  return (
    <section
      className={presenting ? 'board-screen is-presenting' : 'board-screen'}
      aria-label={t('boards.screen.label', { title })}
      data-testid="board-screen"
      data-board-id={boardId}
    >
      {/* Hidden, not unmounted, while presenting: the facilitation bar keeps following
          summons and ringing the timer then (see FacilitationBar). */}
      <header className="board-header" hidden={presenting}>
        <BoardTitle
          title={summary.title}
          editable={!readOnly}
          onRename={(next) =>
            renameBoardEverywhere(connection.doc, boardId, { title: next, now: Date.now() })
          }
        />
        {runtime !== undefined && <BoardPeers runtime={runtime} />}
        <div className="board-header-end">{loaded && tools}</div>
      </header>
      <div className="board-body">
        {loaded || previewing ? canvas : <BoardLoading />}
        {loaded && toolbar}
        {presenting && runtime !== undefined && (
          <Button
            size="sm"
            className="board-exit-present"
            icon={<X size={15} aria-hidden />}
            onClick={() => runtime.presenting.set(false)}
            data-testid="board-exit-present"
          >
            {t('boards.screen.exitPresent')}
            <kbd className="tooltip-kbd">Esc</kbd>
          </Button>
        )}
      </div>
    </section>
  )
}

/**
 * The board's title, edited in place: Enter or leaving the field saves (the list entry and the
 * board's own title), Escape puts the title back. A view-only guest reads it.
 */
function BoardTitle({
  title,
  editable,
  onRename,
}: {
  title: string
  editable: boolean
  onRename: (title: string) => void
}) {
  const { t } = useTranslation()
  // While the field has focus it holds what is typed; otherwise it shows the list's title,
  // so a rename by someone else shows at once.
  const [draft, setDraft] = useState<string>()
  const cancelled = useRef(false)
  if (!editable) {
    return (
      <h1 className="board-title" data-testid="board-title">
        {title || t('boards.untitled')}
      </h1>
    )
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') event.currentTarget.blur()
    if (event.key === 'Escape') {
      cancelled.current = true
      event.currentTarget.blur()
    }
    // The canvas's shortcuts (Delete, Ctrl+A, arrows) are not for the title.
    event.stopPropagation()
  }
  return (
    <input
      className="board-title board-title-input"
      value={draft ?? title}
      placeholder={t('boards.untitled')}
      aria-label={t('boards.screen.titleLabel')}
      maxLength={MAX_BOARD_TITLE_LENGTH}
      onFocus={() => {
        cancelled.current = false
        setDraft(title)
      }}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        const next = draft?.trim() ?? ''
        if (!cancelled.current && next !== '' && next !== title) onRename(next)
        setDraft(undefined)
      }}
      data-testid="board-title"
    />
  )
}

const MAX_PEERS_SHOWN = 5

/** The others on this board now, each in their colour; the tooltip names them. */
function BoardPeers({ runtime }: { runtime: BoardRuntime }) {
  const { t } = useTranslation()
  const peers = useSyncExternalStore(runtime.peers.subscribe, runtime.peers.getSnapshot)
  if (peers.length === 0) return null
  const shown = peers.slice(0, MAX_PEERS_SHOWN)
  const hidden = peers.slice(MAX_PEERS_SHOWN)
  return (
    <ul
      className="presence board-peers"
      aria-label={t('boards.screen.peers')}
      data-testid="board-peers"
    >
      {shown.map((peer) => {
        const description = peer.company ? `${peer.name} · ${peer.company}` : peer.name
        return (
          <li key={peer.clientId}>
            <Tooltip content={description}>
              <span
                className="presence-user"
                tabIndex={0}
                aria-label={description}
                data-testid="board-peer"
              >
                <Avatar name={peer.name} color={peer.color} size="sm" ring />
              </span>
            </Tooltip>
          </li>
        )
      })}
      {hidden.length > 0 && (
        <li>
          <Tooltip content={hidden.map((peer) => peer.name).join(', ')}>
            <span className="presence-more" tabIndex={0}>
              {t('boards.screen.peersMore', { count: hidden.length })}
            </span>
          </Tooltip>
        </li>
      )}
    </ul>
  )
}
