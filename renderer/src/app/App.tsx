import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { NoteId, WorkspaceId } from '../../../shared/ids'
import type { HostSession } from '../connection/hostSession'
import { applyLanguageSetting } from '../i18n/i18n'
import { currentRoute, navigate } from '../lib/route'
import { FirstRunDialog } from '../settings/FirstRunDialog'
import type { PreferencesStore } from '../settings/preferencesStore'
import { SettingsDialog } from '../settings/SettingsDialog'
import { applyThemeSetting } from '../settings/theme'
import type { ConnectionPool } from '../sync/connectionPool'
import { useWorkspaceConnection } from '../sync/useWorkspaceConnection'
import { useCompanySuggestions } from '../notes/useNotes'
import { CommandPalette } from '../search/palette/CommandPalette'
import { TooltipProvider } from '../ui/Tooltip'
import { EmptyWorkspaceScreen, WorkspaceScreen } from './WorkspaceScreen'

/**
 * The app once it knows its host: picks the workspace from the route, opens it, and keeps
 * language, theme and the first-run profile in step with the preferences.
 */
export function App({
  session,
  preferences,
  pool,
}: {
  session: HostSession
  preferences: PreferencesStore
  pool: ConnectionPool
}) {
  const { profile, settings } = useSyncExternalStore(preferences.subscribe, preferences.getSnapshot)
  const route = useSyncExternalStore(currentRoute.subscribe, currentRoute.getSnapshot)
  const entries = useSyncExternalStore(session.workspaces.subscribe, session.workspaces.getSnapshot)
  const [settingsOpen, setSettingsOpen] = useState(false)
  const [focusTitleFor, setFocusTitleFor] = useState<NoteId | undefined>()

  useEffect(() => {
    void applyLanguageSetting(settings.language)
  }, [settings.language])
  useEffect(() => applyThemeSetting(settings.theme), [settings.theme])

  const usable = entries.filter((entry) => entry.error === undefined)
  const currentEntry = usable.find((entry) => entry.id === route.workspace) ?? usable[0]
  const currentId = currentEntry?.id
  useEffect(() => {
    if (currentId !== route.workspace) navigate({ workspace: currentId, note: undefined })
  }, [currentId, route.workspace])

  const connection = useWorkspaceConnection(pool, currentId)
  const companySuggestions = useCompanySuggestions(connection?.doc)

  const openWorkspace = useCallback((id: WorkspaceId) => {
    navigate({ workspace: id, note: undefined })
  }, [])
  const openNote = useCallback(
    (id: NoteId | undefined, options?: { focusTitle?: boolean }) => {
      setFocusTitleFor(options?.focusTitle === true ? id : undefined)
      navigate({ workspace: currentId, note: id })
    },
    [currentId],
  )
  const onWorkspaceDeleted = useCallback(
    (id: WorkspaceId) => {
      pool.forget(id)
      if (id === currentId) navigate({ workspace: undefined, note: undefined })
    },
    [pool, currentId],
  )
  const openSettings = useCallback(() => setSettingsOpen(true), [])

  const screenProps = {
    session,
    profile,
    onOpenWorkspace: openWorkspace,
    onWorkspaceDeleted,
    onOpenSettings: openSettings,
  }

  return (
    <TooltipProvider>
      {connection !== undefined && currentEntry !== undefined ? (
        <WorkspaceScreen
          {...screenProps}
          key={connection.workspaceId}
          connection={connection}
          entry={currentEntry}
          noteId={route.note}
          focusTitleFor={focusTitleFor}
          onOpenNote={openNote}
        />
      ) : (
        <EmptyWorkspaceScreen {...screenProps} currentId={currentId} />
      )}
      {connection !== undefined && currentEntry !== undefined && (
        <CommandPalette
          // Not the screen's key: siblings with one key are one child to React, and switching
          // workspaces then left the old screen mounted beside the new one.
          key={`palette-${connection.workspaceId}`}
          session={session}
          connection={connection}
          entry={currentEntry}
          profile={profile}
          preferences={preferences}
          onOpenNote={openNote}
        />
      )}
      {profile === null && (
        <FirstRunDialog preferences={preferences} companySuggestions={companySuggestions} />
      )}
      <SettingsDialog
        open={settingsOpen}
        onOpenChange={setSettingsOpen}
        preferences={preferences}
        storedInBrowser={session.preferencesInBrowser}
        companySuggestions={companySuggestions}
      />
    </TooltipProvider>
  )
}
