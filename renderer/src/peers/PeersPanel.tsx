import * as Popover from '@radix-ui/react-popover'
import { useEffect, useState, type ReactElement } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import type { PeerLinkInfo, WorkspacePeers } from '../../../shared/peersApi'
import type { SharingControls } from '../connection/hostSession'
import { formatDateTime, formatRelativeTime } from '../lib/format'

/** How often the panel asks the host while it is open: links come and go within seconds. */
export const PEERS_POLL_MS = 2000

type Loaded = { peers: WorkspacePeers; at: number } | { error: string } | undefined

/**
 * The truth about peers, opened from the sync status chip (owner only): each linked host, in
 * sync since when or offline since when, and how many local changes no peer holds yet. It
 * polls the host only while open.
 */
export function PeersPanel({
  sharing,
  workspaceId,
  children,
}: {
  sharing: SharingControls
  workspaceId: WorkspaceId
  /** The chip; wrapped in a button that opens the panel. */
  children: ReactElement
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [loaded, setLoaded] = useState<Loaded>()

  useEffect(() => {
    if (!open) return
    let live = true
    const load = (): void => {
      sharing.getWorkspacePeers(workspaceId).then(
        (peers) => {
          if (live) setLoaded({ peers, at: Date.now() })
        },
        (error: unknown) => {
          if (live) setLoaded({ error: error instanceof Error ? error.message : String(error) })
        },
      )
    }
    load()
    const timer = setInterval(load, PEERS_POLL_MS)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [open, sharing, workspaceId])

  return (
    <Popover.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) setLoaded(undefined)
      }}
    >
      <Popover.Trigger asChild>
        <button
          type="button"
          className="sync-chip-button"
          aria-label={t('peers.button')}
          data-testid="peers-button"
        >
          {children}
        </button>
      </Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          className="popover peers-panel"
          side="bottom"
          align="end"
          sideOffset={6}
          collisionPadding={8}
          data-testid="peers-panel"
        >
          <h2 className="peers-heading">{t('peers.heading')}</h2>
          <PeersBody loaded={loaded} />
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  )
}

function PeersBody({ loaded }: { loaded: Loaded }) {
  const { t, i18n } = useTranslation()
  if (loaded === undefined) return <p className="peers-note">{t('app.loading')}</p>
  if ('error' in loaded) {
    return (
      <p className="peers-note" role="alert">
        {t('peers.loadFailed', { message: loaded.error })}
      </p>
    )
  }
  const { peers, at } = loaded
  return (
    <>
      {peers.links.length === 0 ? (
        <p className="peers-note">{t('peers.none')}</p>
      ) : (
        <ul className="peers-list">
          {peers.links.map((link) => (
            <li
              key={`${link.direction} ${link.hosts[0] ?? ''} ${link.remoteHostId ?? ''}`}
              className={`peer-link peer-link--${link.state}`}
              data-testid="peer-link"
              data-state={link.state}
            >
              <span className="peer-dot" aria-hidden />
              <span className="peer-host">{hostLabel(link)}</span>
              <span
                className="peer-state"
                title={
                  link.lastSyncedAt === null
                    ? undefined
                    : formatDateTime(link.lastSyncedAt, i18n.language)
                }
              >
                {describeLink(link, at, i18n.language, t)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p
        className={peers.unshared > 0 ? 'peers-unshared is-pending' : 'peers-unshared'}
        data-testid="peers-unshared"
        data-count={peers.unshared}
      >
        {peers.unshared > 0 ? t('peers.unshared', { count: peers.unshared }) : t('peers.allShared')}
      </p>
    </>
  )
}

/** The remote's address without the scheme, else its host id. */
function hostLabel(link: PeerLinkInfo): string {
  const host = link.hosts[0]
  if (host === undefined || host === '?') return link.remoteHostId ?? '?'
  return host.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

function describeLink(link: PeerLinkInfo, now: number, language: string, t: TFunction): string {
  const ago = (time: number) => formatRelativeTime(time, now, language, t('notes.justNow'))
  switch (link.state) {
    case 'synced':
      return t('peers.synced', { time: ago(link.lastSyncedAt ?? now) })
    case 'syncing':
      return t('peers.syncing')
    case 'duplicate':
      return t('peers.duplicate')
    case 'unavailable':
      return t('peers.unavailable')
    case 'connecting':
      return link.lastSyncedAt === null
        ? t('peers.offlineNever')
        : t('peers.offlineSince', { time: clockTime(link.lastSyncedAt, now, language) })
  }
}

/** "14:32" today, else date and time: "offline since 5 minutes ago" reads oddly. */
function clockTime(time: number, now: number, language: string): string {
  const sameDay = new Date(time).toDateString() === new Date(now).toDateString()
  return sameDay
    ? new Intl.DateTimeFormat(language, { timeStyle: 'short' }).format(time)
    : formatDateTime(time, language)
}
