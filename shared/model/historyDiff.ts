import { diffArrays, diffWordsWithSpace } from 'diff'
import * as Y from 'yjs'

/**
 * Comparing two versions of a note body, as a person reads it: one entry per top-level block
 * (paragraph, heading, list, table…) by its plain text; inside a block that changed, the words
 * that were added and removed. Formatting-only changes do not show: this answers "what did
 * they write", not "what did they bold".
 */
export type BodyBlock = { type: string; text: string }

export type WordPart = { kind: 'same' | 'added' | 'removed'; text: string }

export type BlockChange =
  | { kind: 'same' | 'added' | 'removed'; type: string; text: string }
  | { kind: 'changed'; type: string; parts: WordPart[] }

/**
 * Text for an element without children (an image, a note link, a rule): the UI knows how to
 * name them (a note link by its note's title). Default: nothing.
 */
export type DescribeAtom = (element: Y.XmlElement) => string

function textOf(text: Y.XmlText): string {
  const delta = text.toDelta() as { insert: unknown }[]
  return delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('')
}

/** A block's lines: text blocks are one line each, table rows are cells joined by " | ". */
function linesOf(element: Y.XmlElement, describe: DescribeAtom): string[] {
  const children = element.toArray()
  if (children.length === 0) return [describe(element)]
  if (element.nodeName === 'tableRow') {
    return [children.map((cell) => blockText(cell, describe).replace(/\n/g, ' ')).join(' | ')]
  }
  if (children.some((child) => child instanceof Y.XmlText)) {
    // A text block: its text and its inline atoms (note links, hard breaks) make one line.
    let line = ''
    for (const child of children) {
      if (child instanceof Y.XmlText) line += textOf(child)
      else if (child instanceof Y.XmlElement) {
        line += child.nodeName === 'hardBreak' ? '\n' : describe(child)
      }
    }
    return [line]
  }
  return children.flatMap((child) =>
    child instanceof Y.XmlElement ? linesOf(child, describe) : [],
  )
}

function blockText(node: Y.XmlElement | Y.XmlText | Y.XmlHook, describe: DescribeAtom): string {
  if (node instanceof Y.XmlText) return textOf(node)
  if (node instanceof Y.XmlElement) return linesOf(node, describe).join('\n')
  return ''
}

/** The top-level blocks of a body with their plain text. */
export function bodyBlocks(
  fragment: Y.XmlFragment,
  describe: DescribeAtom = () => '',
): BodyBlock[] {
  return fragment.toArray().map((node) => ({
    type: node instanceof Y.XmlElement ? node.nodeName : 'paragraph',
    text: blockText(node, describe),
  }))
}

const blockKey = (block: BodyBlock): string => `${block.type}\u0000${block.text}`

function wordParts(older: string, newer: string): WordPart[] {
  return diffWordsWithSpace(older, newer).map((change) => ({
    kind: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
  }))
}

/** How much of two texts is shared (0–1), by the words a diff keeps. */
function similarity(parts: readonly WordPart[], older: string, newer: string): number {
  const total = older.length + newer.length
  if (total === 0) return 1
  const same = parts.reduce((sum, part) => sum + (part.kind === 'same' ? part.text.length : 0), 0)
  return (2 * same) / total
}

/** Below this share of common text, a removed and an added block are two changes, not one. */
const CHANGED_BLOCK_SIMILARITY = 0.4
/**
 * How many added blocks a removed one is tried against: a rewrite of a long note would
 * otherwise word-diff every old block with every new one.
 */
const PAIR_LOOKAHEAD = 8

/**
 * A cheap first look (shared words, in any order) before the word diff, which is slow on
 * two unrelated paragraphs.
 */
function sharesWords(older: string, newer: string): boolean {
  const a = older.split(/\s+/).filter(Boolean)
  const b = newer.split(/\s+/).filter(Boolean)
  if (a.length + b.length === 0) return true
  const counts = new Map<string, number>()
  for (const word of a) counts.set(word, (counts.get(word) ?? 0) + 1)
  let common = 0
  for (const word of b) {
    const left = counts.get(word) ?? 0
    if (left > 0) {
      common++
      counts.set(word, left - 1)
    }
  }
  return (2 * common) / (a.length + b.length) >= CHANGED_BLOCK_SIMILARITY / 2
}

/**
 * Pairs the blocks a diff removed and added at the same place: a removed block whose text
 * mostly lives on in an added one of the same type is one changed block, shown word by word.
 */
function pairRun(removed: BodyBlock[], added: BodyBlock[]): BlockChange[] {
  const out: BlockChange[] = []
  let next = 0
  for (const old of removed) {
    let match: { index: number; parts: WordPart[] } | undefined
    const end = Math.min(added.length, next + PAIR_LOOKAHEAD)
    for (let j = next; j < end && match === undefined; j++) {
      const candidate = added[j] as BodyBlock
      if (candidate.type !== old.type || !sharesWords(old.text, candidate.text)) continue
      const parts = wordParts(old.text, candidate.text)
      if (similarity(parts, old.text, candidate.text) >= CHANGED_BLOCK_SIMILARITY) {
        match = { index: j, parts }
      }
    }
    if (match === undefined) {
      out.push({ kind: 'removed', ...old })
      continue
    }
    for (; next < match.index; next++) out.push({ kind: 'added', ...(added[next] as BodyBlock) })
    out.push({ kind: 'changed', type: (added[next] as BodyBlock).type, parts: match.parts })
    next++
  }
  for (; next < added.length; next++) out.push({ kind: 'added', ...(added[next] as BodyBlock) })
  return out
}

/**
 * An empty paragraph says nothing: the editor adds one after a list or table at the end of a
 * note on the first edit, and it would show as an "added" block nobody wrote.
 */
const hasContent = (block: BodyBlock): boolean =>
  !(block.type === 'paragraph' && block.text.trim() === '')

/** What changed from `older` to `newer`, block by block, in the newer text's order. */
export function diffBodyBlocks(
  olderBlocks: readonly BodyBlock[],
  newerBlocks: readonly BodyBlock[],
): BlockChange[] {
  const older = olderBlocks.filter(hasContent)
  const newer = newerBlocks.filter(hasContent)
  const changes = diffArrays(older.map(blockKey), newer.map(blockKey))
  const out: BlockChange[] = []
  let o = 0
  let n = 0
  let removed: BodyBlock[] = []
  let added: BodyBlock[] = []
  const flush = (): void => {
    out.push(...pairRun(removed, added))
    removed = []
    added = []
  }
  for (const change of changes) {
    if (change.removed) {
      removed.push(...older.slice(o, o + change.count))
      o += change.count
    } else if (change.added) {
      added.push(...newer.slice(n, n + change.count))
      n += change.count
    } else {
      flush()
      for (const block of newer.slice(n, n + change.count)) out.push({ kind: 'same', ...block })
      o += change.count
      n += change.count
    }
  }
  flush()
  return out
}

/** Whether a comparison found any difference. */
export function hasChanges(changes: readonly BlockChange[]): boolean {
  return changes.some((change) => change.kind !== 'same')
}
