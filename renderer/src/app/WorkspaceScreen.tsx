import { ChevronRight, Eye, FileText, LoaderCircle } from 'lucide-react'
import { Suspense, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Profile } from '../../../shared/hostApi'
import type { BoardId, NoteId, WorkspaceId } from '../../../shared/ids'
import { BoardList } from '../boards/list/BoardList'
import { useBoardSummary } from '../boards/useBoards'
import type { HostSession, WorkspaceEntry } from '../connection/hostSession'
import { InviteButton } from '../invite/InviteDialog'
import { NoteList } from '../notes/NoteList'
import { useNote } from '../notes/useNotes'
import { PresenceAvatars } from '../sync/PresenceAvatars'
import { toPresenceUser, type Participant, type PresenceUser } from '../sync/presenceState'
import { PeersPanel } from '../peers/PeersPanel'
import { SyncStatusChip } from '../sync/SyncStatusChip'
import { usePresence } from '../sync/usePresence'
import { useSyncStatus } from '../sync/useSyncStatus'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { afterNextPaint } from '../lib/afterNextPaint'
import { currentRoute } from '../lib/route'
import { DemoBanner } from '../workspaces/DemoBanner'
import { StorageWarnings } from '../workspaces/StorageWarnings'
import { useWorkspaceMeta } from '../workspaces/useWorkspaceMeta'
import { NearbySection } from '../nearby/NearbySection'
import { PrivateBadge } from '../notebook/PrivateBadge'
import { WorkspaceList } from '../workspaces/WorkspaceList'
import { Layout } from './Layout'
import { LoadBoundary } from '../ui/LoadBoundary'
import { editorShelf, noteView, toolbarShelf } from '../notes/noteViewLoader'
import { SidebarProfile, SidebarTop, SpaceSwitch, useSidebarSpace } from './SidebarChrome'
import { MapNav } from '../map/MapNav'
import { mapScreen } from '../map/mapScreenLoader'
import { boardScreen } from '../boards/boardScreenLoader'
import { SearchPage } from '../search/SearchPage'
import { SearchNavButton } from '../search/SearchNavButton'

// The editor loads after the note list shows; the board screen and the map when first
// opened, or ahead of that (see their loaders).
const NoteView = noteView.Component
const EditorShelf = editorShelf.Component
const ToolbarShelf = toolbarShelf.Component
const BoardScreen = boardScreen.Component
const MapScreen = mapScreen.Component

type ScreenProps = {
  session: HostSession
  profile: Profile | null
  onOpenWorkspace: (id: WorkspaceId) => void
  onWorkspaceDeleted: (id: WorkspaceId) => void
  onOpenSettings: () => void
}

/**
 * One open workspace: its notes or boards in the sidebar, the open board or note in the main
 * area.
 */
export function WorkspaceScreen({
  session,
  profile,
  connection,
  entry,
  noteId,
  focusTitleFor,
  onOpenWorkspace,
  onWorkspaceDeleted,
  onOpenSettings,
  onOpenNote,
}: ScreenProps & {
  connection: WorkspaceConnection
  entry: WorkspaceEntry
  noteId: NoteId | undefined
  focusTitleFor: NoteId | undefined
  onOpenNote: (id: NoteId | undefined, options?: { focusTitle?: boolean }) => void
}) {
  const { t } = useTranslation()
  const meta = useWorkspaceMeta(connection.doc)
  const status = useSyncStatus(connection.status)
  const participants = usePresence(connection.awareness)
  const workspaceName = meta.name || entry.name
  const demo = meta.demo || entry.demo
  // The route's board (App passes the note; a board shows over it, see lib/route.ts).
  const boardId = useSyncExternalStore(
    currentRoute.subscribe,
    () => currentRoute.getSnapshot().board,
  )
  const map = useSyncExternalStore(currentRoute.subscribe, () => currentRoute.getSnapshot().map)
  const search = useSyncExternalStore(
    currentRoute.subscribe,
    () => currentRoute.getSnapshot().search,
  )
  const [space, setSpace] = useSidebarSpace(
    connection.workspaceId,
    boardId,
    noteId,
    map !== undefined,
  )
  const [presenting, setPresenting] = useState(false)

  const user = useMemo<PresenceUser | undefined>(
    () => (profile === null ? undefined : toPresenceUser(profile)),
    [profile],
  )

  // Presence goes over awareness, never into the document.
  useEffect(() => {
    connection.awareness.setLocalStateField('user', user)
  }, [connection, user])
  // Where I am is told after the note has been painted: announcing it re-renders everyone's
  // presence, mine included, and is not what the person who clicked is waiting for.
  useEffect(
    () => afterNextPaint(() => connection.awareness.setLocalStateField('note', noteId ?? null)),
    [connection, noteId],
  )

  useEffect(() => {
    if (status.synced && meta.name !== '') {
      session.noteWorkspaceMeta(connection.workspaceId, { name: meta.name, demo: meta.demo })
    }
  }, [session, connection.workspaceId, status.synced, meta.name, meta.demo])

  // A browser tab holds unconfirmed edits only in memory: warn before it is closed.
  useEffect(() => {
    if (session.surface !== 'browser') return
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (connection.status.getSnapshot().unsaved) event.preventDefault()
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [session.surface, connection])

  const refreshWorkspaces = useCallback(() => session.refreshWorkspaces(), [session])

  const viewers = useMemo(() => {
    const byNote = new Map<NoteId, Participant[]>()
    for (const participant of participants) {
      if (participant.isSelf || participant.note === null) continue
      const list = byNote.get(participant.note) ?? []
      list.push(participant)
      byNote.set(participant.note, list)
    }
    return byNote
  }, [participants])

  // Switching notes re-renders this screen. What does not depend on the open note is kept as
  // elements between renders, so React skips those subtrees (menus, dialogs, popovers).
  const workspaceNav = useMemo(
    () => (
      <>
        <SidebarTop onOpenSettings={onOpenSettings} />
        <WorkspaceList
          session={session}
          currentId={connection.workspaceId}
          currentName={meta.name || undefined}
          onOpen={onOpenWorkspace}
          onDeleted={onWorkspaceDeleted}
        />
        {session.sharing && <NearbySection sharing={session.sharing} />}
      </>
    ),
    [
      onOpenSettings,
      session,
      connection.workspaceId,
      meta.name,
      onOpenWorkspace,
      onWorkspaceDeleted,
    ],
  )
  const sidebarProfile = useMemo(
    () => <SidebarProfile profile={profile} onOpenSettings={onOpenSettings} />,
    [profile, onOpenSettings],
  )
  const sharingControls = useMemo(
    () => (
      <>
        {session.sharing !== undefined && entry.private !== true ? (
          <PeersPanel sharing={session.sharing} workspaceId={connection.workspaceId}>
            <SyncStatusChip store={connection.status} />
          </PeersPanel>
        ) : (
          <SyncStatusChip store={connection.status} />
        )}
        {session.sharing !== undefined && entry.private !== true && (
          <InviteButton
            sharing={session.sharing}
            workspaceId={connection.workspaceId}
            workspaceName={workspaceName}
            invite={entry.invite}
            refreshInvites={refreshWorkspaces}
          />
        )}
      </>
    ),
    [session.sharing, entry.private, entry.invite, connection, workspaceName, refreshWorkspaces],
  )

  return (
    <Layout
      closeSignal={
        boardId ??
        (map !== undefined
          ? `${map.view}:${map.company ?? ''}`
          : search !== undefined
            ? 'search'
            : noteId)
      }
      fill={boardId !== undefined || map !== undefined}
      presenting={presenting && boardId !== undefined}
      sidebar={
        <>
          {workspaceNav}
          <SearchNavButton />
          <div className="sidebar-spaces">
            <SpaceSwitch space={space} onChange={setSpace} />
            {space === 'map' ? (
              <MapNav connection={connection} readOnly={entry.readOnly} />
            ) : space === 'boards' ? (
              <BoardList
                connection={connection}
                workspaceName={workspaceName}
                authorName={profile?.name ?? ''}
                synced={status.synced}
                readOnly={entry.readOnly}
              />
            ) : (
              <NoteList
                connection={connection}
                workspaceName={workspaceName}
                authorName={profile?.name ?? ''}
                viewers={viewers}
                synced={status.synced}
                readOnly={entry.readOnly}
                onOpen={onOpenNote}
              />
            )}
          </div>
          {sidebarProfile}
        </>
      }
      topBar={
        <>
          <nav className="breadcrumb" aria-label={workspaceName}>
            <span className="breadcrumb-workspace">{workspaceName}</span>
            {boardId !== undefined ? (
              <>
                <ChevronRight size={14} aria-hidden className="breadcrumb-separator" />
                <BoardCrumb connection={connection} boardId={boardId} />
              </>
            ) : map !== undefined ? (
              <>
                <ChevronRight size={14} aria-hidden className="breadcrumb-separator" />
                <span className="breadcrumb-note">{t('map.navLabel')}</span>
              </>
            ) : search !== undefined ? (
              <>
                <ChevronRight size={14} aria-hidden className="breadcrumb-separator" />
                <span className="breadcrumb-note">{t('search.title')}</span>
              </>
            ) : (
              noteId !== undefined && (
                <>
                  <ChevronRight size={14} aria-hidden className="breadcrumb-separator" />
                  <NoteCrumb connection={connection} noteId={noteId} />
                </>
              )
            )}
          </nav>
          <div className="topbar-end">
            {entry.readOnly && (
              <span
                className="view-only-badge"
                title={t('notes.viewOnlyBadgeHint')}
                data-testid="view-only-badge"
              >
                <Eye size={14} aria-hidden />
                {t('notes.viewOnlyBadge')}
              </span>
            )}
            {entry.private === true && <PrivateBadge />}
            <PresenceAvatars participants={participants} />
            {sharingControls}
          </div>
        </>
      }
    >
      {(demo || entry.warnings.length > 0) && (
        <div className="banners">
          {demo && <DemoBanner key={connection.workspaceId} workspaceId={connection.workspaceId} />}
          <StorageWarnings warnings={entry.warnings} />
        </div>
      )}
      {boardId === undefined && map !== undefined ? (
        <LoadBoundary key="map" place={JSON.stringify(map)}>
          <Suspense fallback={<LoadingNote />}>
            <MapScreen
              route={map}
              connection={connection}
              readOnly={entry.readOnly}
              authorName={profile?.name ?? ''}
            />
          </Suspense>
        </LoadBoundary>
      ) : boardId !== undefined ? (
        user === undefined ? null : (
          <LoadBoundary key="board" place={boardId}>
            <Suspense fallback={<LoadingBoard />}>
              <BoardScreen
                key={boardId}
                connection={connection}
                boardId={boardId}
                user={user}
                readOnly={entry.readOnly}
                authorName={profile?.name ?? ''}
                onPresentingChange={setPresenting}
              />
            </Suspense>
          </LoadBoundary>
        )
      ) : search !== undefined ? (
        <SearchPage connection={connection} text={search} />
      ) : noteId === undefined ? (
        <div className="empty-state">
          <FileText size={32} strokeWidth={1.5} aria-hidden className="empty-state-icon" />
          <p className="empty-state-title">{t('notes.pickTitle')}</p>
          <p>{t('notes.pickHint')}</p>
        </div>
      ) : user === undefined ? null : (
        <LoadBoundary key="note" place={noteId}>
          <Suspense fallback={<LoadingNote />}>
            <NoteView
              key={noteId}
              connection={connection}
              noteId={noteId}
              synced={status.synced}
              user={user}
              autoFocusTitle={focusTitleFor === noteId}
              readOnly={entry.readOnly}
            />
            <EditorShelf />
            <ToolbarShelf />
          </Suspense>
        </LoadBoundary>
      )}
    </Layout>
  )
}

function LoadingNote() {
  const { t } = useTranslation()
  return (
    <div className="empty-state" role="status">
      <p className="empty-state-title">{t('notes.loading')}</p>
    </div>
  )
}

function LoadingBoard() {
  const { t } = useTranslation()
  return (
    <div className="empty-state" role="status" data-testid="board-loading">
      <p className="empty-state-title">{t('boards.screen.loading')}</p>
    </div>
  )
}

function NoteCrumb({ connection, noteId }: { connection: WorkspaceConnection; noteId: NoteId }) {
  const { t } = useTranslation()
  const note = useNote(connection.doc, noteId)
  if (note === undefined) return null
  return <span className="breadcrumb-note">{note.title || t('notes.untitled')}</span>
}

function BoardCrumb({
  connection,
  boardId,
}: {
  connection: WorkspaceConnection
  boardId: BoardId
}) {
  const { t } = useTranslation()
  const board = useBoardSummary(connection.doc, boardId)
  if (board === undefined) return null
  return (
    <span className="breadcrumb-note" data-testid="board-crumb">
      {board.title || t('boards.untitled')}
    </span>
  )
}

/** No workspace open: none exist yet, or the chosen one is still connecting. */
export function EmptyWorkspaceScreen({
  session,
  profile,
  currentId,
  onOpenWorkspace,
  onWorkspaceDeleted,
  onOpenSettings,
}: ScreenProps & { currentId: WorkspaceId | undefined }) {
  const { t } = useTranslation()
  return (
    <Layout
      sidebar={
        <>
          <SidebarTop onOpenSettings={onOpenSettings} />
          <WorkspaceList
            session={session}
            currentId={currentId}
            currentName={undefined}
            onOpen={onOpenWorkspace}
            onDeleted={onWorkspaceDeleted}
          />
          {session.sharing && <NearbySection sharing={session.sharing} />}
          <div className="sidebar-spacer" />
          <SidebarProfile profile={profile} onOpenSettings={onOpenSettings} />
        </>
      }
      topBar={<div className="breadcrumb" />}
    >
      {currentId === undefined ? (
        <div className="empty-state">
          <p className="empty-state-title">{t('workspaces.noneTitle')}</p>
          {session.canManageWorkspaces && <p>{t('workspaces.noneBody')}</p>}
        </div>
      ) : (
        <div className="empty-state" role="status">
          <LoaderCircle size={20} aria-hidden className="spin" />
          <p>{t('workspaces.connecting')}</p>
        </div>
      )}
    </Layout>
  )
}
