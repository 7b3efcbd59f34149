import { useTranslation } from 'react-i18next'
import { INDUSTRIES } from '../../../../shared/model/companies'
import { COMPETENCE_CATEGORIES } from '../../../../shared/model/competence/vocabulary'
import type { NetworkGraph } from './networkGraph'
import type { NetworkPalette } from './networkStyle'

/**
 * The network view's legend, a strip under the graph (never over it): what solid and dashed
 * lines mean, and the colours of the industries and categories on the map now — from the
 * same palette as the graph, so the two cannot drift apart.
 */
export function NetworkLegend({
  graph,
  palette,
}: {
  graph: NetworkGraph
  palette: NetworkPalette
}) {
  const { t } = useTranslation()
  const groups = new Set(graph.nodes.map((node) => `${node.kind}:${node.group}`))
  const industries = INDUSTRIES.filter((industry) => groups.has(`company:${industry}`))
  const categories = COMPETENCE_CATEGORIES.filter((category) =>
    groups.has(`competence:${category}`),
  )
  return (
    <section
      className="network-legend"
      aria-label={t('mapNetwork.legend.heading')}
      data-testid="network-legend"
    >
      <ul className="network-legend-row">
        <li>
          <svg width="28" height="10" aria-hidden>
            <line x1="1" y1="5" x2="27" y2="5" stroke={palette.offer} strokeWidth="3" />
          </svg>
          {t('mapNetwork.legend.offer')}
        </li>
        <li>
          <svg width="28" height="10" aria-hidden>
            <line
              x1="1"
              y1="5"
              x2="27"
              y2="5"
              stroke={palette.need}
              strokeWidth="3"
              strokeDasharray="6 4"
            />
          </svg>
          {t('mapNetwork.legend.need')}
        </li>
        <li className="network-legend-note">{t('mapNetwork.legend.width')}</li>
        {graph.unconnectedCompetences > 0 && (
          <li className="network-legend-note">
            {t('mapNetwork.legend.unconnected', { count: graph.unconnectedCompetences })}
          </li>
        )}
      </ul>
      {industries.length > 0 && (
        <ul className="network-legend-row" aria-label={t('mapNetwork.legend.industries')}>
          <li className="network-legend-title" aria-hidden>
            {t('mapNetwork.legend.industries')}
          </li>
          {industries.map((industry) => (
            <li key={industry}>
              <svg width="12" height="12" aria-hidden>
                <circle cx="6" cy="6" r="5.5" fill={palette.industries[industry]} />
              </svg>
              {t(`map.industries.${industry}`)}
            </li>
          ))}
        </ul>
      )}
      {categories.length > 0 && (
        <ul className="network-legend-row" aria-label={t('mapNetwork.legend.categories')}>
          <li className="network-legend-title" aria-hidden>
            {t('mapNetwork.legend.categories')}
          </li>
          {categories.map((category) => (
            <li key={category}>
              <svg width="12" height="12" aria-hidden>
                <path d="M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z" fill={palette.categories[category]} />
              </svg>
              {t(`map.categories.${category}`)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
