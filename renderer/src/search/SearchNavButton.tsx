import { Search } from 'lucide-react'
import { useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { currentRoute } from '../lib/route'
import { openSearchPage } from './searchRoute'

/** The sidebar's "Search" entry: opens the search page (marked while it is open). */
export function SearchNavButton() {
  const { t } = useTranslation()
  const open = useSyncExternalStore(
    currentRoute.subscribe,
    () => currentRoute.getSnapshot().search !== undefined,
  )
  return (
    <button
      type="button"
      className={open ? 'search-nav is-active' : 'search-nav'}
      aria-current={open ? 'page' : undefined}
      onClick={() => openSearchPage(open ? (currentRoute.getSnapshot().search ?? '') : '')}
      data-testid="search-nav"
    >
      <Search size={15} aria-hidden />
      <span>{t('search.nav')}</span>
    </button>
  )
}
