import type * as Y from 'yjs'
import type { ItemId } from '../../ids'
import { COMMAND_ORIGIN } from '../schema'
import { initBoard, type BoardActor } from './boardDoc'
import { createItems, type NewItem } from './commands'
import { STICKY_COLORS, type StickyColor } from './items'

/**
 * A filled workshop board, generated deterministically from a seed: frames in a row, each
 * holding a grid of stickies by several authors, and a few connectors. For benchmarks
 * (1k / 5k / 10k stickies), screenshots and canvas tests that need a realistic board.
 */
const PEOPLE: readonly BoardActor[] = [
  { id: 'u-anne', name: 'Anne Bakken' },
  { id: 'u-bjorn', name: 'Bjørn Haugen' },
  { id: 'u-cari', name: 'Cari Løvås' },
  { id: 'u-dag', name: 'Dag Nilsen' },
  { id: 'u-eva', name: 'Eva Strand' },
]
const TOPICS = ['Avfall', 'Energi', 'Logistikk', 'Automatisering', 'Emballasje', 'Kompetanse']
const WORDS = [
  'bark',
  'myse',
  'spillvarme',
  'returplast',
  'sagflis',
  'robotcelle',
  'laserkutting',
  'felles innkjøp',
  'fjernvarme',
  'biokull',
  'sensorer',
  'lærlinger',
  'transport',
  'fôr',
  'limtre',
]
const PER_FRAME = 120
const CELL = 180

function seeded(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

/** Fills an empty board with `stickies` stickies (one update); returns the sticky ids. */
export function fillBoard(
  doc: Y.Doc,
  input: { stickies: number; seed?: number; now?: number },
): ItemId[] {
  const random = seeded(input.seed ?? 1)
  const now = input.now ?? Date.UTC(2026, 10, 26, 9)
  const facilitator = PEOPLE[0] as BoardActor
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const colors = Object.keys(STICKY_COLORS) as StickyColor[]
  const frameCount = Math.max(1, Math.ceil(input.stickies / PER_FRAME))
  const columns = Math.ceil(Math.sqrt(PER_FRAME))
  const frameSize = columns * CELL + 64
  const ids: ItemId[] = []
  doc.transact(() => {
    initBoard(doc, { title: 'Sidestrømmer og samarbeid', actor: facilitator, now })
    const frames = createItems(
      doc,
      Array.from({ length: frameCount }, (_, f) => ({
        kind: 'frame' as const,
        x: (f % 8) * (frameSize + 120),
        y: Math.floor(f / 8) * (frameSize + 120),
        w: frameSize,
        h: frameSize + 48,
        text: `${TOPICS[f % TOPICS.length] as string} ${Math.floor(f / TOPICS.length) + 1}`,
      })),
      { actor: facilitator, now },
    )
    const stickies: NewItem[] = []
    for (let i = 0; i < input.stickies; i++) {
      const f = Math.floor(i / PER_FRAME)
      const cell = i % PER_FRAME
      const frameX = (f % 8) * (frameSize + 120)
      const frameY = Math.floor(f / 8) * (frameSize + 120)
      stickies.push({
        kind: 'sticky',
        x: frameX + 32 + (cell % columns) * CELL,
        y: frameY + 80 + Math.floor(cell / columns) * CELL,
        text: `${pick(WORDS)} og ${pick(WORDS)} – idé ${i + 1}`,
        color: pick(colors),
        frameId: frames[f],
      })
    }
    // Authors differ per sticky, in runs; each author's stickies are made in one call (one
    // call per run scanned the whole board each time: minutes at 10k).
    const byAuthor = new Map<BoardActor, number[]>()
    let start = 0
    while (start < stickies.length) {
      const end = Math.min(stickies.length, start + 1 + Math.floor(random() * 20))
      const author = pick(PEOPLE)
      const list = byAuthor.get(author) ?? []
      for (let i = start; i < end; i++) list.push(i)
      byAuthor.set(author, list)
      start = end
    }
    const made: ItemId[] = Array.from({ length: stickies.length })
    for (const [author, indexes] of byAuthor) {
      const authored = createItems(
        doc,
        indexes.map((i) => stickies[i] as NewItem),
        { actor: author, now },
      )
      indexes.forEach((i, k) => (made[i] = authored[k] as ItemId))
    }
    ids.push(...made)
    const connectors: NewItem[] = []
    for (let i = 0; i + 1 < ids.length && connectors.length < ids.length / 50; i += 50) {
      connectors.push({ kind: 'connector', x: 0, y: 0, from: ids[i], to: ids[i + 1] })
    }
    createItems(doc, connectors, { actor: facilitator, now })
  }, COMMAND_ORIGIN)
  return ids
}
