import { Building2, Crosshair, X } from 'lucide-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { NEED_LEVELS, OFFER_LEVELS } from '../../../../shared/model/competence/cells'
import { foldText } from '../../../../shared/model/noteFilter'
import { openMap } from '../../lib/route'
import { Button } from '../../ui/Button'
import { TextField } from '../../ui/TextField'
import {
  neighbourhood,
  type NetworkEdge,
  type NetworkGraph,
  type NetworkNode,
} from './networkGraph'

/** Rows per group in the list before "n more – type more". */
const LIST_LIMIT = 80

/**
 * Beside the graph: what is in focus (its offers and needs, each a way to move the focus on)
 * and a searchable list of every node — the keyboard's way to focus, and a quicker one than
 * hunting for a dot among 350.
 */
export function NetworkPanel({
  graph,
  focus,
  onFocus,
}: {
  graph: NetworkGraph
  focus: string | undefined
  onFocus: (id: string | undefined) => void
}) {
  const { t } = useTranslation()
  const nodeById = useMemo(() => new Map(graph.nodes.map((node) => [node.id, node])), [graph])
  const focused = focus === undefined ? undefined : nodeById.get(focus)
  return (
    <aside className="network-panel" aria-label={t('mapNetwork.panelLabel')}>
      {focused === undefined && <p className="network-empty-note">{t('mapNetwork.hint')}</p>}
      {focused !== undefined && (
        <FocusCard graph={graph} node={focused} nodeById={nodeById} onFocus={onFocus} />
      )}
      <NodeList graph={graph} focus={focus} onFocus={onFocus} />
    </aside>
  )
}

function FocusCard({
  graph,
  node,
  nodeById,
  onFocus,
}: {
  graph: NetworkGraph
  node: NetworkNode
  nodeById: ReadonlyMap<string, NetworkNode>
  onFocus: (id: string | undefined) => void
}) {
  const { t } = useTranslation()
  const { edges } = useMemo(() => neighbourhood(graph, node.id), [graph, node.id])
  const company = node.kind === 'company'
  const sides = [
    {
      side: 'offer' as const,
      title: company ? t('mapNetwork.focus.offers') : t('mapNetwork.focus.offeredBy'),
    },
    {
      side: 'need' as const,
      title: company ? t('mapNetwork.focus.needs') : t('mapNetwork.focus.neededBy'),
    },
  ]
  const other = (edge: NetworkEdge): string => (edge.source === node.id ? edge.target : edge.source)
  const levelLabel = (edge: NetworkEdge): string =>
    edge.side === 'offer'
      ? t(`map.levels.offer.${OFFER_LEVELS[edge.level]}`)
      : t(`map.levels.need.${NEED_LEVELS[edge.level]}`)
  return (
    <section className="network-focus" data-testid="network-focus" aria-live="polite">
      <header className="network-focus-header">
        <div>
          <p className="network-focus-kicker">{t('mapNetwork.focus.heading')}</p>
          <h2>{node.label}</h2>
          <p className="network-focus-group">
            {company ? t(`map.industries.${node.group}`) : t(`map.categories.${node.group}`)}
          </p>
        </div>
        <Button
          size="sm"
          variant="ghost"
          icon={<X size={14} aria-hidden />}
          onClick={() => onFocus(undefined)}
        >
          {t('mapNetwork.focus.clear')}
        </Button>
      </header>
      {company && (
        <Button
          size="sm"
          icon={<Building2 size={14} aria-hidden />}
          onClick={() => openMap({ view: 'company', company: node.refId })}
        >
          {t('mapNetwork.focus.openCompany')}
        </Button>
      )}
      {edges.length === 0 && <p className="network-empty-note">{t('mapNetwork.focus.none')}</p>}
      {sides.map(({ side, title }) => {
        const list = edges
          .filter((edge) => edge.side === side)
          .sort(
            (a, b) =>
              b.level - a.level ||
              (nodeById.get(other(a))?.label ?? '').localeCompare(
                nodeById.get(other(b))?.label ?? '',
                'nb',
              ),
          )
        if (list.length === 0) return null
        return (
          <div key={side} className="network-focus-list">
            <h3>
              {title} <span className="sidebar-count">{list.length}</span>
            </h3>
            <ul>
              {list.map((edge) => {
                const target = nodeById.get(other(edge))
                if (target === undefined) return null
                return (
                  <li key={edge.id}>
                    <button
                      type="button"
                      className="network-link"
                      onClick={() => onFocus(target.id)}
                    >
                      <span className="network-link-label">{target.label}</span>
                      <span className={`network-level network-level--${side}`}>
                        {levelLabel(edge)}
                      </span>
                    </button>
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
    </section>
  )
}

function NodeList({
  graph,
  focus,
  onFocus,
}: {
  graph: NetworkGraph
  focus: string | undefined
  onFocus: (id: string) => void
}) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const groups = useMemo(() => {
    const folded = foldText(query.trim())
    const hits = graph.nodes.filter(
      (node) => folded === '' || foldText(node.label).includes(folded),
    )
    const sorted = (kind: NetworkNode['kind']) =>
      hits.filter((node) => node.kind === kind).sort((a, b) => a.label.localeCompare(b.label, 'nb'))
    return [
      { kind: 'company' as const, title: t('mapNetwork.companies'), nodes: sorted('company') },
      {
        kind: 'competence' as const,
        title: t('mapNetwork.competences'),
        nodes: sorted('competence'),
      },
    ]
  }, [graph, query, t])
  const total = groups.reduce((sum, group) => sum + group.nodes.length, 0)
  return (
    <div className="network-list" data-testid="network-node-list">
      <TextField
        label={t('mapNetwork.search')}
        placeholder={t('mapNetwork.searchPlaceholder')}
        type="search"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
        data-testid="network-search"
      />
      {total === 0 && <p className="network-empty-note">{t('mapNetwork.noResults')}</p>}
      {groups.map(({ kind, title, nodes }) =>
        nodes.length === 0 ? null : (
          <section key={kind} className="network-list-group">
            <h3>
              {title} <span className="sidebar-count">{nodes.length}</span>
            </h3>
            <ul>
              {nodes.slice(0, LIST_LIMIT).map((node) => (
                <li key={node.id}>
                  <button
                    type="button"
                    className={node.id === focus ? 'network-link is-active' : 'network-link'}
                    aria-pressed={node.id === focus}
                    onClick={() => onFocus(node.id)}
                    data-testid="network-node"
                    data-node-id={node.id}
                  >
                    <Crosshair size={13} aria-hidden className="network-link-icon" />
                    <span className="network-link-label">{node.label}</span>
                    <span className="network-link-meta">
                      {t('mapNetwork.connections', { count: node.degree })}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {nodes.length > LIST_LIMIT && (
              <p className="network-empty-note">
                {t('mapNetwork.moreResults', { count: nodes.length - LIST_LIMIT })}
              </p>
            )}
          </section>
        ),
      )}
    </div>
  )
}
