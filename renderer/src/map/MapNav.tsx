import { Building2 } from 'lucide-react'
import { useEffect, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import type { Company } from '../../../shared/model/companies'
import { companyInitials } from '../../../shared/model/companies'
import { formatCount } from '../lib/format'
import { currentRoute, openMap, type MapRoute } from '../lib/route'
import { useCompanies } from '../notes/useNotes'
import type { WorkspaceConnection } from '../sync/workspaceConnection'
import { competenceIndexStore } from './competenceStore'
import { mapScreen } from './mapScreenLoader'
import { MAP_VIEW_ENTRIES } from './mapViews'
import { NewCompanyButton } from './company/NewCompanyButton'

function useMapRoute(): MapRoute | undefined {
  return useSyncExternalStore(currentRoute.subscribe, () => currentRoute.getSnapshot().map)
}

/**
 * The sidebar of the competence map: its views (matrix, network, matches, vocabulary — those
 * that are built, see mapViews.ts) and the member companies, each opening its page.
 */
export function MapNav({
  connection,
  readOnly = true,
}: {
  connection: WorkspaceConnection
  /** A view-only guest (the default until told): nothing that writes is shown. */
  readOnly?: boolean
}) {
  const { t, i18n } = useTranslation()
  const route = useMapRoute()
  const companies = useCompanies(connection.doc)
  // While the person looks at the list: the first view's code, and the map's index, so that
  // opening a view only has to draw it.
  const doc = connection.doc
  useEffect(() => {
    const timer = setTimeout(() => {
      void mapScreen.preload()
      void MAP_VIEW_ENTRIES[0]?.preload()
      competenceIndexStore(doc).getSnapshot()
    }, 0)
    return () => clearTimeout(timer)
  }, [doc])
  return (
    <nav className="sidebar-section map-nav" aria-label={t('map.navLabel')}>
      {MAP_VIEW_ENTRIES.length > 0 && (
        <ul className="map-views" data-testid="map-views">
          {MAP_VIEW_ENTRIES.map(({ id, icon: Icon }) => {
            const active = route?.view === id
            return (
              <li key={id}>
                <button
                  type="button"
                  className={active ? 'map-view-link is-active' : 'map-view-link'}
                  aria-current={active ? 'page' : undefined}
                  onClick={() => openMap({ view: id })}
                  data-testid={`map-view-${id}`}
                >
                  <Icon size={16} aria-hidden />
                  {t(`map.views.${id}`)}
                </button>
              </li>
            )
          })}
        </ul>
      )}
      <div className="sidebar-heading">
        <h2 id="map-companies-heading">
          {t('map.companiesHeading')}
          <span className="sidebar-count">
            {companies.length > 0 ? formatCount(companies.length, i18n.language) : ''}
          </span>
        </h2>
      </div>
      <NewCompanyButton connection={connection} readOnly={readOnly} />
      <ul
        className="board-list map-company-list"
        aria-labelledby="map-companies-heading"
        data-testid="map-company-list"
      >
        {companies.length === 0 ? (
          <li className="note-list-empty">
            <p className="empty-state-title">{t('map.companiesEmpty')}</p>
          </li>
        ) : (
          companies.map((company) => (
            <CompanyRow
              key={company.id}
              company={company}
              active={route?.view === 'company' && route.company === company.id}
            />
          ))
        )}
      </ul>
    </nav>
  )
}

/** A company's colour with its initials: how a company shows wherever it is named. */
export function CompanyBadge({ company, size = 30 }: { company: Company; size?: number }) {
  return (
    <span
      className="company-badge"
      style={{ background: company.color, width: size, height: size }}
      aria-hidden
    >
      {companyInitials(company.name) || <Building2 size={size / 2} />}
    </span>
  )
}

function CompanyRow({ company, active }: { company: Company; active: boolean }) {
  const { t } = useTranslation()
  return (
    <li
      className={active ? 'board-item is-active' : 'board-item'}
      data-testid="map-company-item"
      data-company-id={company.id}
    >
      <button
        type="button"
        className="board-open"
        aria-current={active ? 'page' : undefined}
        onClick={() => openMap({ view: 'company', company: company.id })}
      >
        <CompanyBadge company={company} />
        <span className="board-item-text">
          <span className="board-item-title">{company.name}</span>
          <span className="board-item-meta">
            {t(`map.industries.${company.industry}`)}
            {company.location !== '' && ` · ${company.location}`}
          </span>
        </span>
      </button>
    </li>
  )
}
