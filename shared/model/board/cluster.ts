import * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { foldText } from '../noteFilter'
import { COMMAND_ORIGIN } from '../schema'
import { boardItems, type BoardActor } from './boardDoc'
import { createItems } from './commands'
import {
  DEFAULT_STICKY_COLOR,
  boundsOf,
  readAllItems,
  writePosition,
  type BoardItem,
} from './items'

/**
 * "Cluster by colour / author / text similarity": proposes frames with members, which the
 * facilitator looks at before {@link applyClusters} lays them out. Simple and deterministic —
 * the same stickies give the same proposal on every replica and every run — so people can
 * trust and discuss it: text similarity is the Jaccard index of the stickies' word sets
 * (folded with `foldText`, short and common words left out), and stickies join a cluster
 * through any member at least `threshold` similar (single linkage).
 */
export const CLUSTER_MODES = ['color', 'author', 'text'] as const
export type ClusterMode = (typeof CLUSTER_MODES)[number]

export type ClusterProposal = {
  /** What the members share: the colour name, the author's name, or the common words. */
  label: string
  members: ItemId[]
}

export const DEFAULT_SIMILARITY = 0.25
/** From this many stickies on, words on more than half of them are left out of comparisons. */
const COMMON_WORD_MIN_STICKIES = 10

/** Words too common to say anything (Bokmål and English), beyond the three-letter minimum. */
const STOPWORDS = new Set(
  (
    'og som til med for det den der har ikke seg eller men skal kan fra vil mer enn hva ' +
    'hvor når også må bør blir ble være var alle noen hos oss våre vår mot uten over under ' +
    'the and for with from that this are can our not into out but was were will would ' +
    'should have has had its their they them what when where which who how more than all'
  ).split(' '),
)

/** A sticky's words for comparing: folded, at least three letters, no common words. */
export function stickyWords(text: string): Set<string> {
  return new Set(
    foldText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length >= 3 && !STOPWORDS.has(word)),
  )
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  const union = a.size + b.size - shared
  return union === 0 ? 0 : shared / union
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function sortProposals(proposals: ClusterProposal[]): ClusterProposal[] {
  for (const proposal of proposals) proposal.members.sort()
  return proposals.sort(
    (a, b) =>
      b.members.length - a.members.length ||
      a.label.localeCompare(b.label, 'nb') ||
      ((a.members[0] ?? '') < (b.members[0] ?? '') ? -1 : 1),
  )
}

function groupBy(
  stickies: readonly BoardItem[],
  key: (item: BoardItem) => [string, string],
): ClusterProposal[] {
  const groups = new Map<string, ClusterProposal>()
  for (const item of stickies) {
    const [id, label] = key(item)
    const group = groups.get(id) ?? { label, members: [] }
    group.members.push(item.id)
    groups.set(id, group)
  }
  return sortProposals([...groups.values()])
}

function clusterByText(stickies: readonly BoardItem[], threshold: number): ClusterProposal[] {
  const sorted = [...stickies].sort(byId)
  const words = sorted.map((item) => stickyWords(item.text))
  // A word on more than half of a board's stickies is its theme, not what sets a group apart.
  if (sorted.length >= COMMON_WORD_MIN_STICKIES) {
    const frequency = new Map<string, number>()
    for (const set of words)
      for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1)
    for (const set of words) {
      for (const word of set) if ((frequency.get(word) ?? 0) > sorted.length / 2) set.delete(word)
    }
  }
  const parent = sorted.map((_, i) => i)
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number
    return i
  }
  // Only stickies sharing a word can be similar: each one is compared with the later
  // stickies found through its words' posting lists, each pair once.
  const postings = new Map<string, number[]>()
  words.forEach((set, i) => {
    for (const word of set) {
      const list = postings.get(word)
      if (list === undefined) postings.set(word, [i])
      else list.push(i)
    }
  })
  words.forEach((set, i) => {
    const candidates = new Set<number>()
    for (const word of set) {
      for (const j of postings.get(word) ?? []) if (j > i) candidates.add(j)
    }
    for (const j of candidates) {
      if (jaccard(set, words[j] as Set<string>) < threshold) continue
      const a = find(i)
      const b = find(j)
      if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
    }
  })
  const clusters = new Map<number, number[]>()
  sorted.forEach((_, i) => {
    const root = find(i)
    const members = clusters.get(root)
    if (members === undefined) clusters.set(root, [i])
    else members.push(i)
  })
  const proposals: ClusterProposal[] = []
  for (const members of clusters.values()) {
    if (members.length < 2) continue
    const counts = new Map<string, number>()
    for (const i of members)
      for (const word of words[i] ?? []) counts.set(word, (counts.get(word) ?? 0) + 1)
    const top = [...counts]
      .filter(([, n]) => n >= 2)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'))
      .slice(0, 2)
      .map(([word]) => word)
    proposals.push({
      label: top.join(', '),
      members: members.map((i) => (sorted[i] as BoardItem).id),
    })
  }
  return sortProposals(proposals)
}

/**
 * Proposes clusters of the given items' stickies. By colour and author every sticky lands in
 * a group; by text, only stickies similar to another one (the rest are left where they are).
 */
export function clusterStickies(
  items: readonly BoardItem[],
  mode: ClusterMode,
  threshold = DEFAULT_SIMILARITY,
): ClusterProposal[] {
  const stickies = items.filter((item) => item.kind === 'sticky')
  switch (mode) {
    case 'color':
      return groupBy(stickies, (item) => {
        const color = item.color ?? DEFAULT_STICKY_COLOR
        return [color, color]
      })
    case 'author':
      return groupBy(stickies, (item) => [item.authorId || item.author, item.author])
    case 'text':
      return clusterByText(stickies, threshold)
  }
}

export const CLUSTER_GAP = 24
const FRAME_GAP = 120
const HEADER = 64

/**
 * Applies proposals in one update: for each, a frame titled with its label to the right of
 * everything on the board, its members laid out in a grid inside it. Locked members stay
 * where they are. Returns the new frames' ids, in the order of the proposals.
 */
export function applyClusters(
  doc: Y.Doc,
  proposals: readonly ClusterProposal[],
  input: { actor: BoardActor; now: number },
): ItemId[] {
  const all = readAllItems(doc)
  const itemsById = new Map(all.map((item) => [item.id as string, item]))
  const bounds = boundsOf(all.filter((item) => item.kind !== 'connector')) ?? {
    x: 0,
    y: 0,
    w: 0,
    h: 0,
  }
  let left = bounds.x + bounds.w + FRAME_GAP
  const frameIds: ItemId[] = []
  doc.transact(() => {
    for (const proposal of proposals) {
      const members = proposal.members.flatMap((id) => {
        const item = itemsById.get(id)
        return item !== undefined && !item.locked ? [item] : []
      })
      if (members.length === 0) continue
      const columns = Math.ceil(Math.sqrt(members.length))
      const cellW = Math.max(...members.map((item) => item.w)) + CLUSTER_GAP
      const cellH = Math.max(...members.map((item) => item.h)) + CLUSTER_GAP
      const rows = Math.ceil(members.length / columns)
      const [frameId] = createItems(
        doc,
        [
          {
            kind: 'frame',
            x: left,
            y: bounds.y,
            w: columns * cellW + CLUSTER_GAP,
            h: rows * cellH + CLUSTER_GAP + HEADER,
            text: proposal.label,
          },
        ],
        input,
      )
      const frame = frameId as ItemId
      members.forEach((item, i) => {
        const record = boardItems(doc).get(item.id)
        if (!(record instanceof Y.Map)) return
        writePosition(
          record,
          left + CLUSTER_GAP + (i % columns) * cellW,
          bounds.y + HEADER + Math.floor(i / columns) * cellH,
        )
        record.set('frameId', frame)
      })
      frameIds.push(frame)
      left += columns * cellW + CLUSTER_GAP + FRAME_GAP
    }
  }, COMMAND_ORIGIN)
  return frameIds
}
