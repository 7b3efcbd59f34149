import type * as Y from 'yjs'
import type { BoardId, ItemId } from '../../ids'
import type { NoteType, TemplateLanguage } from '../noteTypes'
import type { Block, Inline } from '../richText'
import { readBoardMeta, type BoardActor } from './boardDoc'
import { getItem } from './items'
import { isoDate } from './summary'
import { visibleItems } from './visibility'
import { closedRoundCounts } from './voting'

/**
 * "Promote a sticky to a note": what a competence note made from a sticky needs — a title,
 * body blocks and where it came from. Pure: the UI passes the result to `createNote` and
 * `appendNoteBody` (and records the provenance), so a board never writes the workspace
 * document itself.
 */
export type StickyProvenance = {
  boardId: BoardId
  itemId: ItemId
  boardTitle: string
  /** When the board was started (the workshop's date), ms since the epoch. */
  workshopDate: number
  author: string
  authorId: string
}

export type PromotedSticky = {
  title: string
  type: NoteType
  blocks: Block[]
  provenance: StickyProvenance
}

const LABELS = {
  nb: {
    untitled: 'Idé fra workshop',
    from: (board: string, date: string, author: string) =>
      `Fra workshoptavla «${board}» ${date}${author === '' ? '' : `, skrevet av ${author}`}.`,
    frame: (title: string) => `Gruppe: ${title}.`,
    votes: (n: number) => `${n} ${n === 1 ? 'stemme' : 'stemmer'} i avstemningen.`,
  },
  en: {
    untitled: 'Idea from a workshop',
    from: (board: string, date: string, author: string) =>
      `From the workshop board “${board}” ${date}${author === '' ? '' : `, written by ${author}`}.`,
    frame: (title: string) => `Group: ${title}.`,
    votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'} in the vote.`,
  },
} as const

export const PROMOTED_TITLE_LENGTH = 80

/** The first line, cut at a word boundary to {@link PROMOTED_TITLE_LENGTH} characters. */
export function titleFromText(text: string): string {
  const line = (text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '')
    .replace(/\s+/g, ' ')
    .trim()
  if (line.length <= PROMOTED_TITLE_LENGTH) return line
  const cut = line.slice(0, PROMOTED_TITLE_LENGTH - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > PROMOTED_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}

/**
 * The note a sticky (or text item) becomes, as `viewer` sees it; undefined when it is not
 * there for the viewer or not text.
 */
export function promoteSticky(
  doc: Y.Doc,
  boardId: BoardId,
  itemId: ItemId,
  input: { viewer: Pick<BoardActor, 'id'>; lang: TemplateLanguage },
): PromotedSticky | undefined {
  const item = visibleItems(doc, input.viewer).find((candidate) => candidate.id === itemId)
  if (item === undefined || (item.kind !== 'sticky' && item.kind !== 'text')) return undefined
  const labels = LABELS[input.lang]
  const meta = readBoardMeta(doc)
  const paragraphs: Block[] = item.text
    .split(/\r?\n\s*\r?\n/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => {
      const content: Inline[] = []
      part.split(/\r?\n/).forEach((line, i) => {
        if (i > 0) content.push({ type: 'hardBreak' })
        if (line !== '') content.push(line)
      })
      return { type: 'paragraph', content }
    })
  const context: string[] = [
    labels.from(meta.title, isoDate(meta.createdAt), item.kind === 'sticky' ? item.author : ''),
  ]
  const frame = item.frameId === undefined ? undefined : getItem(doc, item.frameId)
  if (frame !== undefined && frame.text.trim() !== '')
    context.push(` ${labels.frame(frame.text.trim())}`)
  const votes = closedRoundCounts(doc).get(item.id) ?? 0
  if (votes > 0) context.push(` ${labels.votes(votes)}`)
  const title = titleFromText(item.text)
  return {
    title: title === '' ? labels.untitled : title,
    type: 'competence',
    blocks: [
      ...paragraphs,
      { type: 'paragraph', content: [{ text: context.join(''), italic: true }] },
    ],
    provenance: {
      boardId,
      itemId,
      boardTitle: meta.title,
      workshopDate: meta.createdAt,
      author: item.author,
      authorId: item.authorId,
    },
  }
}
