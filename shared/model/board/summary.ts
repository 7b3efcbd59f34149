import type * as Y from 'yjs'
import { blocksToMarkdown } from '../markdown/toMarkdown'
import type { TemplateLanguage } from '../noteTypes'
import type { Block, Inline } from '../richText'
import { readBoardMeta, type BoardActor } from './boardDoc'
import type { BoardItem } from './items'
import { visibleItems } from './visibility'
import { closedRoundCounts } from './voting'

/**
 * A board's summary to send after a workshop: frames as sections (in reading order, top to
 * bottom then left to right), their stickies and texts sorted by votes (the latest closed
 * round), then what lies outside frames, then who contributed. As note blocks (so it can
 * become a note with `createNote` + `appendNoteBody`) and as Markdown.
 *
 * Built from what `viewer` sees, so private items nobody revealed stay out of it.
 */

const LABELS = {
  nb: {
    title: (board: string) => `Oppsummering: ${board}`,
    intro: (date: string, people: number, items: number) =>
      `Workshop ${date} · ${people} ${people === 1 ? 'bidragsyter' : 'bidragsytere'} · ${items} ${items === 1 ? 'lapp' : 'lapper'}`,
    untitledFrame: 'Ramme uten navn',
    outside: 'Utenfor rammer',
    contributors: 'Bidragsytere',
    votes: (n: number) => `${n} ${n === 1 ? 'stemme' : 'stemmer'}`,
    count: (n: number) => `${n} ${n === 1 ? 'lapp' : 'lapper'}`,
    empty: 'Tavlen er tom.',
  },
  en: {
    title: (board: string) => `Summary: ${board}`,
    intro: (date: string, people: number, items: number) =>
      `Workshop ${date} · ${people} ${people === 1 ? 'contributor' : 'contributors'} · ${items} ${items === 1 ? 'sticky' : 'stickies'}`,
    untitledFrame: 'Untitled frame',
    outside: 'Outside frames',
    contributors: 'Contributors',
    votes: (n: number) => `${n} ${n === 1 ? 'vote' : 'votes'}`,
    count: (n: number) => `${n} ${n === 1 ? 'sticky' : 'stickies'}`,
    empty: 'The board is empty.',
  },
} as const

export type BoardSummary = { title: string; blocks: Block[]; markdown: string }

/** The local calendar date is the UI's business; the summary uses the UTC date, stable everywhere. */
export function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10)
}

function readingOrder(a: BoardItem, b: BoardItem): number {
  return a.y - b.y || a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

/** A sticky's lines as inline content (line breaks kept). */
function lines(text: string): Inline[] {
  const content: Inline[] = []
  text
    .trim()
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (i > 0) content.push({ type: 'hardBreak' })
      if (line !== '') content.push(line)
    })
  return content
}

export function boardSummary(
  doc: Y.Doc,
  viewer: Pick<BoardActor, 'id'>,
  lang: TemplateLanguage,
): BoardSummary {
  const labels = LABELS[lang]
  const meta = readBoardMeta(doc)
  const items = visibleItems(doc, viewer)
  const votes = closedRoundCounts(doc)
  const byId = new Map(items.map((item) => [item.id as string, item]))
  const notes = items.filter(
    (item) => (item.kind === 'sticky' || item.kind === 'text') && item.text.trim() !== '',
  )
  const frames = items.filter((item) => item.kind === 'frame').sort(readingOrder)

  const frameTitle = (frame: BoardItem): string => {
    const path: string[] = []
    const seen = new Set<string>()
    for (let at: BoardItem | undefined = frame; at !== undefined && !seen.has(at.id);) {
      seen.add(at.id)
      path.unshift(at.text.trim() === '' ? labels.untitledFrame : at.text.trim())
      at = at.frameId === undefined ? undefined : byId.get(at.frameId)
    }
    return path.join(' / ')
  }
  const bullets = (members: BoardItem[]): Block => ({
    type: 'bulletList',
    items: members
      .sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) || readingOrder(a, b))
      .map((item) => {
        const count = votes.get(item.id) ?? 0
        const suffix = [
          item.kind === 'sticky' ? item.author : '',
          count > 0 ? labels.votes(count) : '',
        ]
          .filter((part) => part !== '')
          .join(', ')
        const content = lines(item.text)
        if (suffix !== '') content.push({ text: ` (${suffix})`, italic: true })
        return content
      }),
  })

  const contributors = new Map<string, number>()
  for (const item of notes) {
    if (item.kind === 'sticky' && item.author !== '') {
      contributors.set(item.author, (contributors.get(item.author) ?? 0) + 1)
    }
  }
  const stickyCount = notes.filter((item) => item.kind === 'sticky').length
  const blocks: Block[] = [
    {
      type: 'paragraph',
      content: [labels.intro(isoDate(meta.createdAt), contributors.size, stickyCount)],
    },
  ]
  const frameIds = new Set(frames.map((frame) => frame.id as string))
  for (const frame of frames) {
    const members = notes.filter((item) => item.frameId === frame.id)
    if (members.length === 0) continue
    blocks.push({ type: 'heading', level: 2, content: [frameTitle(frame)] })
    blocks.push(bullets(members))
  }
  const outside = notes.filter((item) => item.frameId === undefined || !frameIds.has(item.frameId))
  if (outside.length > 0) {
    if (frames.length > 0) blocks.push({ type: 'heading', level: 2, content: [labels.outside] })
    blocks.push(bullets(outside))
  }
  if (notes.length === 0) blocks.push({ type: 'paragraph', content: [labels.empty] })
  if (contributors.size > 0) {
    blocks.push({ type: 'heading', level: 2, content: [labels.contributors] })
    blocks.push({
      type: 'bulletList',
      items: [...contributors]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'nb'))
        .map(([name, n]) => [`${name} (${labels.count(n)})`]),
    })
  }
  const title = labels.title(meta.title)
  // The Markdown file carries the title as its heading; a note keeps it as its title.
  const markdown = blocksToMarkdown([{ type: 'heading', level: 1, content: [title] }, ...blocks], {
    noteTitle: () => undefined,
    imageSrc: () => undefined,
  })
  return { title, blocks, markdown }
}
