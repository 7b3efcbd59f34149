import cytoscape from 'cytoscape'
import { Maximize, ZoomIn, ZoomOut } from 'lucide-react'
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton'
import { useCompetenceIndex } from '../competenceStore'
import type { MapViewProps } from '../mapViews'
import type { Positions } from './forceLayout'
import { requestLayout } from './layoutClient'
import { NetworkLegend } from './NetworkLegend'
import { NetworkPanel } from './NetworkPanel'
import { buildNetworkGraph, layoutInput, nodeSize, type NetworkGraph } from './networkGraph'
import {
  darkThemeStore,
  edgeWidth,
  networkStylesheet,
  nodeColour,
  readPalette,
  type NetworkPalette,
} from './networkStyle'

/**
 * The competence map as a network (issue 6): companies and competences as nodes, offers
 * (solid) and needs (dashed) as edges, drawn by cytoscape on a canvas. Positions come from
 * the layout worker (layoutClient.ts) and are applied as a `preset` layout, so the page only
 * draws. The graph follows the document live: a changed level restyles an edge; a new
 * company, competence or pair lays the graph out again from where everything is, so the
 * picture does not jump.
 *
 * Focus: a click on a node (or a row of the list beside it, the keyboard's way) highlights
 * the node and its neighbours, fades the rest and fits the view to them; Escape, a click on
 * the background or "Show all" ends it.
 *
 * Test probe: the view carries `data-nodes`, `data-edges`, `data-layout` ('pending' |
 * 'ready') and `data-focus`; the canvas's container holds the cytoscape instance as `cy`.
 */
type LayoutState = { state: 'pending' | 'ready'; ms?: number; where?: 'worker' | 'page' }

export type NetworkContainer = HTMLDivElement & { cy?: cytoscape.Core }

function reducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches
}

const FIT_PADDING = 40

export function NetworkView({ connection }: MapViewProps) {
  const { t, i18n } = useTranslation()
  const language = i18n.language.startsWith('en') ? 'en' : 'nb'
  const index = useCompetenceIndex(connection.doc)
  const graph = useMemo(() => buildNetworkGraph(index, language), [index, language])
  const dark = useSyncExternalStore(darkThemeStore.subscribe, darkThemeStore.getSnapshot)
  const palette = useMemo(() => readPalette(dark), [dark])
  const [chosen, setFocus] = useState<string>()
  // A focused node that left the map (deleted, merged) is no focus.
  const focus =
    chosen !== undefined && graph.nodes.some((node) => node.id === chosen) ? chosen : undefined
  const [layout, setLayout] = useState<LayoutState>({ state: 'pending' })
  const containerRef = useRef<NetworkContainer>(null)
  const cyRef = useRef<cytoscape.Core | undefined>(undefined)
  const shapeRef = useRef<string | undefined>(undefined)
  const requestRef = useRef(0)
  const laidOutRef = useRef(false)

  // One cytoscape instance for the life of the view.
  useEffect(() => {
    const container = containerRef.current
    if (container === null) return
    const cy = cytoscape({
      container,
      elements: [],
      minZoom: 0.05,
      maxZoom: 4,
      boxSelectionEnabled: false,
      autounselectify: true,
    })
    cy.on('tap', 'node', (event) => setFocus((event.target as cytoscape.NodeSingular).id()))
    cy.on('tap', (event) => {
      if (event.target === cy) setFocus(undefined)
    })
    container.cy = cy
    cyRef.current = cy
    const resize = new ResizeObserver(() => cy.resize())
    resize.observe(container)
    return () => {
      resize.disconnect()
      delete container.cy
      cyRef.current = undefined
      shapeRef.current = undefined
      laidOutRef.current = false
      cy.destroy()
    }
  }, [])

  useEffect(() => {
    cyRef.current?.style(networkStylesheet(palette))
  }, [palette])

  // The document's graph into cytoscape; a new shape is laid out again (in the worker).
  useEffect(() => {
    const cy = cyRef.current
    if (cy === undefined) return
    // Where everything is now: the next layout starts there (none before the first one lands).
    const first = !laidOutRef.current
    const previous: Positions = {}
    if (!first && graph.shape !== shapeRef.current) {
      cy.nodes().forEach((node) => {
        previous[node.id()] = { ...node.position() }
      })
    }
    syncElements(cy, graph, palette)
    if (graph.shape === shapeRef.current) return
    shapeRef.current = graph.shape
    const request = ++requestRef.current
    void requestLayout(layoutInput(graph), previous).then((answer) => {
      if (request !== requestRef.current || cyRef.current !== cy) return
      // Nodes missing from the answer (added since it was asked for) stay where they are.
      const place = answer.positions
      if (first) {
        cy.layout({ name: 'preset', positions: place, fit: true, padding: FIT_PADDING }).run()
      } else {
        cy.layout({
          name: 'preset',
          positions: place,
          fit: false,
          animate: !reducedMotion(),
          animationDuration: 350,
        }).run()
      }
      laidOutRef.current = true
      setLayout({ state: 'ready', ms: answer.ms, where: answer.where })
    })
  }, [graph, palette])

  // Focus: classes on every change of the graph; the view is fitted only when focus moves.
  useEffect(() => {
    const cy = cyRef.current
    if (cy === undefined) return
    cy.batch(() => {
      // Only what carries a class: a class change restyles the element, even a no-op one.
      cy.elements('.faded, .near, .focused').removeClass('faded near focused')
      if (focus === undefined) return
      const node = cy.getElementById(focus)
      if (node.empty()) return
      const around = node.closedNeighborhood()
      cy.elements().not(around).addClass('faded')
      around.addClass('near')
      node.addClass('focused')
    })
  }, [focus, graph, layout.state])

  const fittedFocus = useRef<string | undefined>(undefined)
  useEffect(() => {
    const cy = cyRef.current
    if (cy === undefined || layout.state !== 'ready' || fittedFocus.current === focus) return
    const hadFocus = fittedFocus.current !== undefined
    fittedFocus.current = focus
    const eles = focus === undefined ? cy.elements() : cy.getElementById(focus).closedNeighborhood()
    if (focus === undefined && !hadFocus) return
    cy.stop()
    cy.animate({
      fit: { eles, padding: FIT_PADDING + 20 },
      duration: reducedMotion() ? 0 : 300,
    })
  }, [focus, layout.state])

  useEffect(() => {
    if (focus === undefined) return
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      event.preventDefault()
      setFocus(undefined)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [focus])

  const zoom = (factor: number): void => {
    const cy = cyRef.current
    if (cy === undefined) return
    cy.zoom({
      level: cy.zoom() * factor,
      renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
    })
  }
  const fitAll = (): void => {
    cyRef.current?.animate({
      fit: { eles: cyRef.current.elements(), padding: FIT_PADDING },
      duration: reducedMotion() ? 0 : 300,
    })
  }

  return (
    <section
      className="network-view"
      data-testid="network-view"
      data-nodes={graph.nodes.length}
      data-edges={graph.edges.length}
      data-layout={layout.state}
      data-layout-ms={layout.ms === undefined ? undefined : Math.round(layout.ms)}
      data-layout-where={layout.where}
      data-focus={focus ?? ''}
    >
      <div className="network-stage">
        <div className="network-canvas-wrap">
          <div
            ref={containerRef}
            className={layout.state === 'ready' ? 'network-canvas' : 'network-canvas is-pending'}
            role="img"
            aria-label={t('mapNetwork.canvasLabel')}
            data-testid="network-canvas"
          />
          {graph.nodes.length === 0 ? (
            <div className="network-overlay" role="status">
              <p>{t('mapNetwork.empty')}</p>
            </div>
          ) : (
            layout.state === 'pending' && (
              <div className="network-overlay" role="status">
                <p>{t('mapNetwork.layingOut')}</p>
              </div>
            )
          )}
          <div className="network-zoom">
            <IconButton size="sm" label={t('mapNetwork.zoomIn')} onClick={() => zoom(1.3)}>
              <ZoomIn size={16} aria-hidden />
            </IconButton>
            <IconButton size="sm" label={t('mapNetwork.zoomOut')} onClick={() => zoom(1 / 1.3)}>
              <ZoomOut size={16} aria-hidden />
            </IconButton>
            <IconButton size="sm" label={t('mapNetwork.fit')} onClick={fitAll}>
              <Maximize size={16} aria-hidden />
            </IconButton>
          </div>
        </div>
        <NetworkLegend graph={graph} palette={palette} />
      </div>
      <NetworkPanel graph={graph} focus={focus} onFocus={setFocus} />
    </section>
  )
}

/**
 * Makes cytoscape's elements what the graph says: removes what left, updates data that
 * changed (a label, a level, a colour after a theme switch; unchanged data is not written, as
 * every write restyles the element), adds what is new — a new node next to one it is linked
 * to, until the layout places it.
 */
function syncElements(cy: cytoscape.Core, graph: NetworkGraph, palette: NetworkPalette): void {
  const wanted = new Set<string>()
  for (const node of graph.nodes) wanted.add(node.id)
  for (const edge of graph.edges) wanted.add(edge.id)
  const update = (element: cytoscape.SingularElementReturnValue, data: Record<string, unknown>) => {
    const current = element.data() as Record<string, unknown>
    const changed = Object.keys(data).filter((key) => current[key] !== data[key])
    if (changed.length > 0) element.data(Object.fromEntries(changed.map((key) => [key, data[key]])))
  }
  cy.batch(() => {
    const gone = cy.elements().filter((element) => !wanted.has(element.id()))
    if (gone.nonempty()) gone.remove()
    const added: cytoscape.ElementDefinition[] = []
    for (const node of graph.nodes) {
      const data = {
        id: node.id,
        label: node.label,
        size: nodeSize(node.kind, node.degree),
        colour: nodeColour(palette, node),
      }
      const existing = cy.getElementById(node.id)
      if (existing.nonempty()) update(existing, data)
      else added.push({ group: 'nodes', data, classes: node.kind, position: { x: 0, y: 0 } })
    }
    for (const edge of graph.edges) {
      const existing = cy.getElementById(edge.id)
      const width = edgeWidth(edge.level)
      if (existing.nonempty()) update(existing, { width })
      else
        added.push({
          group: 'edges',
          data: { id: edge.id, source: edge.source, target: edge.target, width },
          classes: edge.side,
        })
    }
    if (added.length === 0) return
    // A new node starts at a linked node that is already placed (the layout moves it on).
    const linked = new Map<string, string>()
    for (const edge of graph.edges) {
      if (!linked.has(edge.source)) linked.set(edge.source, edge.target)
      if (!linked.has(edge.target)) linked.set(edge.target, edge.source)
    }
    for (const definition of added) {
      if (definition.group !== 'nodes') continue
      const other = linked.get(definition.data.id as string)
      const near = other === undefined ? undefined : cy.getElementById(other)
      if (near !== undefined && near.nonempty()) definition.position = { ...near.position() }
    }
    cy.add(added)
  })
}
