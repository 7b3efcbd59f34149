import { Plus, Radio } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SharingControls } from '../connection/hostSession'
import { IconButton } from '../ui/IconButton'
import { AddAddressDialog } from './AddAddressDialog'
import { useNearby } from './useNearby'

/** "192.168.1.20" from "http://192.168.1.20:4455/": what a person recognises. */
function hostLabel(address: string): string {
  try {
    return new URL(address).hostname
  } catch {
    return address
  }
}

/**
 * Workspaces other Kryss hosts on this network have and this host does not: listed by name,
 * never joined from here (joining needs the invite link, which carries the token). Shown to
 * the owner while LAN hosting is on, or while anything is found.
 */
export function NearbySection({ sharing }: { sharing: SharingControls }) {
  const { t } = useTranslation()
  const { hostingOn, hosts, refresh } = useNearby(sharing)
  const [adding, setAdding] = useState(false)
  const items = hosts.flatMap((host) =>
    host.workspaces
      .filter((w) => !w.member)
      .map((w) => ({
        key: `${host.hostId} ${w.tag}`,
        name: w.name,
        host: hostLabel(host.address),
      })),
  )
  if (!hostingOn && items.length === 0) return null

  return (
    <section className="sidebar-section" aria-labelledby="nearby-heading">
      <div className="sidebar-heading">
        <h2 id="nearby-heading">{t('nearby.heading')}</h2>
        <IconButton
          size="sm"
          label={t('nearby.add')}
          onClick={() => setAdding(true)}
          data-testid="add-address"
        >
          <Plus size={16} aria-hidden />
        </IconButton>
      </div>
      {items.length > 0 && (
        <>
          <ul className="nearby-list" data-testid="nearby-list">
            {items.map((item) => {
              const text = t('nearby.item', {
                name: item.name ?? t('nearby.unnamed'),
                host: item.host,
              })
              return (
                <li key={item.key} className="nearby-item" data-testid="nearby-item">
                  <Radio size={14} aria-hidden />
                  {/* Long names are cut with an ellipsis; the title shows them whole. */}
                  <span title={text}>{text}</span>
                </li>
              )
            })}
          </ul>
          <p className="nearby-hint">{t('nearby.joinHint')}</p>
        </>
      )}
      <AddAddressDialog
        open={adding}
        onOpenChange={setAdding}
        onAdd={async (address) => {
          const answer = await sharing.addPeerAddress(address)
          refresh()
          return answer
        }}
      />
    </section>
  )
}
