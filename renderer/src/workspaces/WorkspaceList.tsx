import { CircleAlert, Ellipsis, Link2, Pencil, Plus, Trash2 } from 'lucide-react'
import { useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import type { HostSession, WorkspaceEntry } from '../connection/hostSession'
import { JoinWorkspaceDialog } from '../peers/JoinWorkspaceDialog'
import { PrivateNotebookEntry } from '../notebook/PrivateNotebookEntry'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { IconButton } from '../ui/IconButton'
import { Menu, MenuItem, MenuSeparator } from '../ui/Menu'
import { Tooltip } from '../ui/Tooltip'
import { TransferDialogs } from '../transfer/TransferDialogs'
import { TransferMenuItems } from '../transfer/TransferMenuItems'
import { WorkspaceNameDialog } from './WorkspaceNameDialog'

type Pending =
  | { kind: 'create' }
  | { kind: 'join' }
  | { kind: 'rename'; entry: WorkspaceEntry }
  | { kind: 'delete'; entry: WorkspaceEntry }
  | undefined

/**
 * The workspace switcher. Owners also create, rename and delete here; guests see only what
 * they joined.
 */
export function WorkspaceList({
  session,
  currentId,
  currentName,
  onOpen,
  onDeleted,
}: {
  session: HostSession
  currentId: WorkspaceId | undefined
  /** The open workspace's name from its own document, newer than the host's list. */
  currentName: string | undefined
  onOpen: (id: WorkspaceId) => void
  onDeleted: (id: WorkspaceId) => void
}) {
  const { t } = useTranslation()
  const all = useSyncExternalStore(session.workspaces.subscribe, session.workspaces.getSnapshot)
  const entries = all.filter((entry) => entry.private !== true) // the notebook is listed apart
  const [pending, setPending] = useState<Pending>()
  // Owners only: joining links this host to another one.
  const sharing = session.sharing
  const close = (open: boolean): void => {
    if (!open) setPending(undefined)
  }
  const nameOf = (entry: WorkspaceEntry): string =>
    entry.id === currentId && currentName ? currentName : entry.name

  return (
    <section className="sidebar-section" aria-labelledby="workspaces-heading">
      <PrivateNotebookEntry session={session} currentId={currentId} onOpen={onOpen} />
      <div className="sidebar-heading">
        <h2 id="workspaces-heading">{t('workspaces.heading')}</h2>
        {session.canManageWorkspaces && (
          <IconButton
            size="sm"
            label={t('workspaces.new')}
            onClick={() => setPending({ kind: 'create' })}
            data-testid="new-workspace"
          >
            <Plus size={16} aria-hidden />
          </IconButton>
        )}
        {sharing !== undefined && (
          <IconButton
            size="sm"
            label={t('peers.join')}
            onClick={() => setPending({ kind: 'join' })}
            data-testid="join-workspace"
          >
            <Link2 size={16} aria-hidden />
          </IconButton>
        )}
      </div>
      <ul className="workspace-list" data-testid="workspace-list">
        {entries.map((entry) => {
          const name = nameOf(entry)
          const active = entry.id === currentId
          return (
            <li
              key={entry.id}
              className={active ? 'workspace-item is-active' : 'workspace-item'}
              data-testid="workspace-item"
              data-workspace-id={entry.id}
            >
              <button
                type="button"
                className="workspace-open"
                aria-current={active ? 'page' : undefined}
                onClick={() => onOpen(entry.id)}
                disabled={entry.error !== undefined}
              >
                <span className="workspace-mark" aria-hidden>
                  {name.trim().charAt(0).toUpperCase() || '·'}
                </span>
                <span className="workspace-name">{name}</span>
                {entry.demo && <span className="badge">{t('workspaces.exampleBadge')}</span>}
              </button>
              {entry.error !== undefined && (
                <Tooltip content={`${t('workspaces.unavailable')}: ${entry.error}`}>
                  <span
                    className="workspace-error"
                    tabIndex={0}
                    aria-label={t('workspaces.unavailable')}
                  >
                    <CircleAlert size={14} aria-hidden />
                  </span>
                </Tooltip>
              )}
              {session.canManageWorkspaces && (
                <Menu
                  trigger={
                    <IconButton
                      size="sm"
                      className="row-menu"
                      label={t('workspaces.actionsFor', { name })}
                      tooltip={false}
                    >
                      <Ellipsis size={16} aria-hidden />
                    </IconButton>
                  }
                >
                  <MenuItem
                    icon={<Pencil size={14} aria-hidden />}
                    onSelect={() => setPending({ kind: 'rename', entry: { ...entry, name } })}
                  >
                    {t('workspaces.rename')}
                  </MenuItem>
                  <TransferMenuItems id={entry.id} name={name} />
                  <MenuSeparator />
                  <MenuItem
                    danger
                    icon={<Trash2 size={14} aria-hidden />}
                    onSelect={() => setPending({ kind: 'delete', entry: { ...entry, name } })}
                  >
                    {t('workspaces.delete')}
                  </MenuItem>
                </Menu>
              )}
            </li>
          )
        })}
      </ul>
      <TransferDialogs session={session} />
      <WorkspaceNameDialog
        open={pending?.kind === 'create'}
        onOpenChange={close}
        mode="create"
        onSubmit={async (name) => {
          const id = await session.createWorkspace(name)
          setPending(undefined)
          onOpen(id)
        }}
      />
      {sharing !== undefined && (
        <JoinWorkspaceDialog
          open={pending?.kind === 'join'}
          onOpenChange={close}
          onJoin={async (invite) => {
            const id = await sharing.joinWorkspace(invite)
            setPending(undefined)
            onOpen(id)
            return id
          }}
        />
      )}
      <WorkspaceNameDialog
        key={pending?.kind === 'rename' ? pending.entry.id : 'rename'}
        open={pending?.kind === 'rename'}
        onOpenChange={close}
        mode="rename"
        initialName={pending?.kind === 'rename' ? pending.entry.name : ''}
        onSubmit={async (name) => {
          if (pending?.kind !== 'rename') return
          await session.renameWorkspace(pending.entry.id, name)
          setPending(undefined)
        }}
      />
      <ConfirmDialog
        open={pending?.kind === 'delete'}
        onOpenChange={close}
        title={
          pending?.kind === 'delete'
            ? t('workspaces.deleteTitle', { name: pending.entry.name })
            : ''
        }
        body={
          pending?.kind === 'delete' ? t('workspaces.deleteBody', { name: pending.entry.name }) : ''
        }
        confirmLabel={t('workspaces.deleteConfirm')}
        onConfirm={async () => {
          if (pending?.kind !== 'delete') return
          await session.deleteWorkspace(pending.entry.id)
          onDeleted(pending.entry.id)
        }}
      />
    </section>
  )
}
