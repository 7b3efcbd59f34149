import { Menu as MenuIcon } from 'lucide-react'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../ui/IconButton'

/**
 * Sidebar + main area. On narrow screens (a phone that scanned the workshop's QR code) the
 * sidebar becomes a drawer opened from the top bar; `closeSignal` closes it (e.g. a note
 * was picked). `fill` gives the main area to one view that fills it (a board) instead of a
 * scrolling page; `presenting` leaves only the main area's content on screen (present mode).
 */
export function Layout({
  sidebar,
  topBar,
  children,
  closeSignal,
  fill = false,
  presenting = false,
}: {
  sidebar: ReactNode
  topBar: ReactNode
  children: ReactNode
  closeSignal?: unknown
  fill?: boolean
  presenting?: boolean
}) {
  const { t } = useTranslation()
  const [drawerOpen, setDrawerOpen] = useState(false)
  const [lastSignal, setLastSignal] = useState(closeSignal)
  if (lastSignal !== closeSignal) {
    setLastSignal(closeSignal)
    setDrawerOpen(false)
  }
  useEffect(() => {
    if (!drawerOpen) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Escape') setDrawerOpen(false)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [drawerOpen])

  return (
    <div
      className={['layout', drawerOpen ? 'drawer-open' : '', presenting ? 'layout--presenting' : '']
        .filter(Boolean)
        .join(' ')}
    >
      <aside className="sidebar" aria-label={t('app.sidebarLabel')}>
        {sidebar}
      </aside>
      <div className="drawer-scrim" onClick={() => setDrawerOpen(false)} aria-hidden />
      <main className="main">
        <header className="topbar">
          <IconButton
            className="drawer-toggle"
            label={t('app.sidebarLabel')}
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen((open) => !open)}
            tooltip={false}
          >
            <MenuIcon size={18} aria-hidden />
          </IconButton>
          {topBar}
        </header>
        <div className={fill ? 'main-scroll main-scroll--fill' : 'main-scroll'}>{children}</div>
      </main>
    </div>
  )
}
