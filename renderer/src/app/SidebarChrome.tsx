import { FileText, Network, Presentation, Settings, type LucideIcon } from 'lucide-react'
import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Profile } from '../../../shared/hostApi'
import type { BoardId, NoteId, WorkspaceId } from '../../../shared/ids'
import { createValueStore } from '../lib/externalStore'
import { Avatar } from '../ui/Avatar'
import { Brand } from '../ui/Brand'
import { IconButton } from '../ui/IconButton'

export function SidebarTop({ onOpenSettings }: { onOpenSettings: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="sidebar-top">
      <Brand />
      <IconButton
        label={t('settings.open')}
        onClick={onOpenSettings}
        data-testid="settings-button"
        size="sm"
      >
        <Settings size={16} aria-hidden />
      </IconButton>
    </div>
  )
}

/** Who I am, at the foot of the sidebar; opens the settings. */
export function SidebarProfile({
  profile,
  onOpenSettings,
}: {
  profile: Profile | null
  onOpenSettings: () => void
}) {
  const { t } = useTranslation()
  if (profile === null) return null
  return (
    <button
      type="button"
      className="sidebar-profile"
      onClick={onOpenSettings}
      aria-label={t('settings.profileButton')}
    >
      <Avatar name={profile.name} color={profile.color} size="sm" />
      <span className="sidebar-profile-text">
        <span className="sidebar-profile-name">{profile.name}</span>
        {profile.company !== '' && (
          <span className="sidebar-profile-company">{profile.company}</span>
        )}
      </span>
    </button>
  )
}

/**
 * What the sidebar's list area shows: one space at a time. Add a space here (its label in its
 * own translation section) and render its list where WorkspaceScreen picks by space.
 */
export const SIDEBAR_SPACES = [
  { id: 'notes', icon: FileText, label: 'boards.spaces.notes' },
  { id: 'boards', icon: Presentation, label: 'boards.spaces.boards' },
  { id: 'map', icon: Network, label: 'map.space' },
] as const satisfies readonly { id: string; icon: LucideIcon; label: string }[]

export type SidebarSpace = (typeof SIDEBAR_SPACES)[number]['id']

/** The space chosen per workspace, in memory: switching workspaces and back keeps it. */
const chosenSpaces = createValueStore<ReadonlyMap<WorkspaceId, SidebarSpace>>(new Map())

function chooseSpace(workspaceId: WorkspaceId, space: SidebarSpace): void {
  const current = chosenSpaces.getSnapshot()
  if (current.get(workspaceId) === space) return
  chosenSpaces.set(new Map(current).set(workspaceId, space))
}

/**
 * The workspace's sidebar space and a way to change it. Opening a board shows the Boards
 * space (a board opened from a link, or on reload, shows where it sits in the list).
 */
export function useSidebarSpace(
  workspaceId: WorkspaceId,
  boardId: BoardId | undefined,
  noteId: NoteId | undefined,
  mapOpen = false,
): [SidebarSpace, (space: SidebarSpace) => void] {
  const chosen = useSyncExternalStore(chosenSpaces.subscribe, () =>
    chosenSpaces.getSnapshot().get(workspaceId),
  )
  // The space follows what the main area opens: a board shows Boards, a note (from a link,
  // a promoted sticky's "Open the note", …) shows Notes. Choosing a space by hand stays until
  // something else opens.
  useEffect(() => {
    if (boardId !== undefined) chooseSpace(workspaceId, 'boards')
    else if (mapOpen) chooseSpace(workspaceId, 'map')
    else if (noteId !== undefined) chooseSpace(workspaceId, 'notes')
  }, [workspaceId, boardId, noteId, mapOpen])
  const space = chosen ?? (boardId !== undefined ? 'boards' : mapOpen ? 'map' : 'notes')
  return [space, (next) => chooseSpace(workspaceId, next)]
}

/** The compact switch between the sidebar's spaces (Notes | Boards), above the list. */
export function SpaceSwitch({
  space,
  onChange,
}: {
  space: SidebarSpace
  onChange: (space: SidebarSpace) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="segmented space-switch" role="group" aria-label={t('boards.spaces.label')}>
      {SIDEBAR_SPACES.map(({ id, icon: Icon, label }) => (
        <button
          key={id}
          type="button"
          className={id === space ? 'segment is-active' : 'segment'}
          aria-pressed={id === space}
          onClick={() => onChange(id)}
          data-testid={`space-${id}`}
        >
          <Icon size={14} aria-hidden />
          {t(label)}
        </button>
      ))}
    </div>
  )
}
