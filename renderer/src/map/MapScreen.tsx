import { X } from 'lucide-react'
import { Suspense, useEffect, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { settleMerges } from '../../../shared/model/competence/merge'
import { openMap, type MapRoute } from '../lib/route'
import { IconButton } from '../ui/IconButton'
import { CompanyPage } from './company/CompanyPage'
import { MAP_VIEW_ENTRIES, type MapViewEntry, type MapViewProps } from './mapViews'
import { MapMenu } from './transfer/MapMenu'

function ViewOf({ entry, ...props }: MapViewProps & { entry: MapViewEntry }) {
  const { View } = entry
  return <View {...props} />
}

/**
 * The competence map in the main area: one of its views (mapViews.ts) or a company's page,
 * under a header naming it. A view that is not built (or a stale link to one) closes the map.
 */
export function MapScreen({ route, ...props }: MapViewProps & { route: MapRoute }) {
  const { t } = useTranslation()
  const entry = MAP_VIEW_ENTRIES.find((candidate) => candidate.id === route.view)
  const { connection, readOnly, authorName } = props

  // A merge seen while someone else still pointed at the old competence is settled here, once
  // per opening of the map (readers are right without it; this only tidies the document).
  useEffect(() => {
    if (readOnly) return
    settleMerges(connection.doc, { author: { name: authorName }, now: Date.now() })
  }, [connection.doc, readOnly, authorName])

  const body = useMemo(() => {
    if (route.view === 'company' && route.company !== undefined) {
      return <CompanyPage {...props} companyId={route.company} />
    }
    if (entry === undefined) return null
    return <ViewOf {...props} entry={entry} />
    // eslint-disable-next-line react-hooks/exhaustive-deps -- props are spread; their parts are listed
  }, [route.view, route.company, entry, connection, readOnly, authorName])

  useEffect(() => {
    if (body === null) openMap(undefined)
  }, [body])

  return (
    <section className="map-screen" data-testid="map-screen" data-view={route.view}>
      <header className="map-header">
        <h1 className="map-title">{t(`map.views.${route.view}`)}</h1>
        <MapMenu {...props} />
        <IconButton label={t('map.close')} onClick={() => openMap(undefined)}>
          <X size={16} aria-hidden />
        </IconButton>
      </header>
      <div className="map-body">
        <Suspense
          fallback={
            <div className="empty-state" role="status">
              <p>{t('map.loading')}</p>
            </div>
          }
        >
          {body}
        </Suspense>
      </div>
    </section>
  )
}
