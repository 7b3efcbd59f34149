import type cytoscape from 'cytoscape'
import type { Industry } from '../../../../shared/model/companies'
import type { CompetenceCategory } from '../../../../shared/model/competence/vocabulary'
import type { ExternalStore } from '../../lib/externalStore'

/**
 * How the network view draws: a colour per industry (company nodes, circles) and per
 * competence category (competence nodes, diamonds), in a light and a dark variant; offers as
 * solid lines, needs as dashed ones in another colour, thicker for higher levels. The
 * legend (NetworkLegend.tsx) shows the same colours from here, so they cannot drift apart.
 */
export type NetworkPalette = {
  industries: Record<Industry, string>
  categories: Record<CompetenceCategory, string>
  offer: string
  need: string
  /** From the design tokens on screen. */
  text: string
  textMuted: string
  background: string
  accent: string
  font: string
}

type Colours = Omit<NetworkPalette, 'text' | 'textMuted' | 'background' | 'accent' | 'font'>

const LIGHT: Colours = {
  industries: {
    furniture: '#9c755f',
    food: '#59a14f',
    'wood-panels': '#f28e2b',
    chains: '#4e79a7',
    packaging: '#d4a90f',
    construction: '#e15759',
    innovation: '#b07aa1',
    university: '#5fa8a2',
    other: '#8c8c96',
  },
  categories: {
    materials: '#1b9e77',
    processes: '#d95f02',
    automation: '#7570b3',
    energy: '#e7298a',
    circularity: '#66a61e',
    logistics: '#c99400',
    design: '#a6761d',
    digital: '#1f78b4',
    other: '#8e8e8e',
  },
  offer: '#5f6b7a',
  need: '#d9480f',
}

const DARK: Colours = {
  industries: {
    furniture: '#c49a80',
    food: '#7cc46f',
    'wood-panels': '#f5a55a',
    chains: '#78a3d4',
    packaging: '#f1d46e',
    construction: '#ef7f81',
    innovation: '#cf9dc2',
    university: '#8fd1cc',
    other: '#a3a3ad',
  },
  categories: {
    materials: '#3fc79e',
    processes: '#f28a3c',
    automation: '#9d98e0',
    energy: '#f062ad',
    circularity: '#93cf4c',
    logistics: '#f0c23c',
    design: '#d1a05a',
    digital: '#5aa7e0',
    other: '#ababab',
  },
  offer: '#8d99a8',
  need: '#ff8a50',
}

/** Whether the dark theme is on screen (`<html data-theme>`). */
export const darkThemeStore: ExternalStore<boolean> = {
  subscribe(listener) {
    const observer = new MutationObserver(listener)
    observer.observe(document.documentElement, { attributeFilter: ['data-theme'] })
    return () => observer.disconnect()
  },
  getSnapshot: () => document.documentElement.dataset.theme === 'dark',
}

export function readPalette(dark: boolean): NetworkPalette {
  const style = getComputedStyle(document.documentElement)
  const token = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback
  return {
    ...(dark ? DARK : LIGHT),
    text: token('--text', dark ? '#e8e8ec' : '#1b1c20'),
    textMuted: token('--text-muted', dark ? '#a0a1aa' : '#5f6069'),
    background: token('--bg', dark ? '#18191d' : '#ffffff'),
    accent: token('--accent', '#5b5bd6'),
    font: token('--font-sans', 'sans-serif'),
  }
}

/** Edge width per level (1–3). */
export const EDGE_WIDTH = { min: 1, max: 4.5 } as const

/** A node's fill: its industry's colour (companies) or its category's (competences). */
export function nodeColour(
  palette: NetworkPalette,
  node: { kind: 'company' | 'competence'; group: string },
): string {
  return node.kind === 'company'
    ? (palette.industries[node.group as Industry] ?? palette.industries.other)
    : (palette.categories[node.group as CompetenceCategory] ?? palette.categories.other)
}

/** An edge's width for a level (1–3). */
export function edgeWidth(level: number): number {
  return EDGE_WIDTH.min + ((EDGE_WIDTH.max - EDGE_WIDTH.min) * (level - 1)) / 2
}

/**
 * The stylesheet. Kinds and sides are classes and colours and sizes are data, not attribute
 * selectors: cytoscape matches every element against every selector whenever a style is
 * recomputed, and at 2,600 elements that was most of the time the view took to open.
 */
export function networkStylesheet(palette: NetworkPalette): cytoscape.StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        width: 'data(size)',
        height: 'data(size)',
        'background-color': 'data(colour)',
        label: 'data(label)',
        'font-family': palette.font,
        color: palette.text,
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 3,
        'text-outline-color': palette.background,
        'text-outline-width': 2,
        'text-wrap': 'ellipsis',
        'text-max-width': '140px',
        'border-width': 1.5,
        'border-color': palette.background,
      },
    },
    {
      selector: 'node.company',
      style: {
        shape: 'ellipse',
        'font-size': 12,
        'font-weight': 600,
        'min-zoomed-font-size': 6,
        'z-index': 3,
      },
    },
    {
      selector: 'node.competence',
      style: {
        shape: 'round-diamond',
        'font-size': 10,
        color: palette.textMuted,
        // Competence labels come when zoomed in (or when focused, below).
        'min-zoomed-font-size': 9,
        'z-index': 2,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 'data(width)',
        'line-color': palette.offer,
        'curve-style': 'straight',
        opacity: 0.45,
        'z-index': 1,
      },
    },
    {
      selector: 'edge.need',
      style: {
        'line-color': palette.need,
        'line-style': 'dashed',
        'line-dash-pattern': [6, 4],
        opacity: 0.6,
      },
    },
    { selector: 'node.faded', style: { opacity: 0.18, 'text-opacity': 0 } },
    { selector: 'edge.faded', style: { opacity: 0.04 } },
    {
      selector: 'node.near',
      style: { 'min-zoomed-font-size': 0, 'z-index': 10, color: palette.text },
    },
    { selector: 'edge.near', style: { opacity: 0.95, 'z-index': 9 } },
    {
      selector: 'node.focused',
      style: {
        'border-width': 4,
        'border-color': palette.accent,
        'z-index': 11,
      },
    },
  ]
}
