import type * as Y from 'yjs'
import type { BoardId, ItemId } from '../../ids'
import type { TemplateLanguage } from '../noteTypes'
import { COMMAND_ORIGIN } from '../schema'
import { boardMeta, type BoardActor } from './boardDoc'
import { createItems, type NewItem } from './commands'
import { boundsOf, containsPoint, itemCenter, readAllItems, type StickyColor } from './items'

/**
 * Board templates as data: frames and texts with labels in Bokmål and English, placed
 * relative to the template's top-left corner. Add one here (and its name in the UI's
 * translations if it shows one) and it is offered when a board starts.
 */
type Label = Record<TemplateLanguage, string>

export type TemplateFrame = {
  x: number
  y: number
  w: number
  h: number
  title: Label
  color?: StickyColor
}
export type TemplateText = { x: number; y: number; w: number; h: number; text: Label }

export type BoardTemplate = {
  id: string
  name: Label
  description: Label
  frames: TemplateFrame[]
  texts: TemplateText[]
}

const label = (nb: string, en: string): Label => ({ nb, en })

const COLUMN = { w: 560, h: 900, gap: 40 }

/** Side-by-side columns with a heading text above them. */
function columns(
  heading: Label,
  titles: readonly (readonly [Label, StickyColor?])[],
): Pick<BoardTemplate, 'frames' | 'texts'> {
  return {
    texts: [{ x: 0, y: 0, w: 1200, h: 64, text: heading }],
    frames: titles.map(([title, color], i) => ({
      x: i * (COLUMN.w + COLUMN.gap),
      y: 120,
      w: COLUMN.w,
      h: COLUMN.h,
      title,
      ...(color === undefined ? {} : { color }),
    })),
  }
}

export const BOARD_TEMPLATES: readonly BoardTemplate[] = [
  {
    id: 'brainstorm',
    name: label('Idémyldring og gruppering', 'Brainstorm and affinity grouping'),
    description: label(
      'Skriv ideer hver for seg, og grupper dem sammen etterpå.',
      'Write ideas on your own, then group them together.',
    ),
    texts: [
      {
        x: 0,
        y: 0,
        w: 1200,
        h: 64,
        text: label('Spørsmålet vi jobber med: …', 'The question we are working on: …'),
      },
    ],
    frames: [
      { x: 0, y: 120, w: 1200, h: 900, title: label('Ideer', 'Ideas') },
      { x: 1300, y: 120, w: 560, h: 420, title: label('Gruppe 1', 'Group 1'), color: 'blue' },
      { x: 1900, y: 120, w: 560, h: 420, title: label('Gruppe 2', 'Group 2'), color: 'green' },
      { x: 1300, y: 600, w: 560, h: 420, title: label('Gruppe 3', 'Group 3'), color: 'orange' },
      { x: 1900, y: 600, w: 560, h: 420, title: label('Gruppe 4', 'Group 4'), color: 'purple' },
    ],
  },
  {
    id: 'swot',
    name: label('SWOT', 'SWOT'),
    description: label(
      'Styrker, svakheter, muligheter og trusler i fire felt.',
      'Strengths, weaknesses, opportunities and threats in four fields.',
    ),
    texts: [{ x: 0, y: 0, w: 1200, h: 64, text: label('SWOT for …', 'SWOT for …') }],
    frames: [
      { x: 0, y: 120, w: 700, h: 560, title: label('Styrker', 'Strengths'), color: 'green' },
      { x: 740, y: 120, w: 700, h: 560, title: label('Svakheter', 'Weaknesses'), color: 'red' },
      {
        x: 0,
        y: 720,
        w: 700,
        h: 560,
        title: label('Muligheter', 'Opportunities'),
        color: 'blue',
      },
      { x: 740, y: 720, w: 700, h: 560, title: label('Trusler', 'Threats'), color: 'orange' },
    ],
  },
  {
    id: 'lean-coffee',
    name: label('Lean coffee', 'Lean coffee'),
    description: label(
      'Alle foreslår tema, stemmer, og dere tar dem i tur og orden i tidsbokser.',
      'Everyone proposes topics, votes, and you take them in turn in timeboxes.',
    ),
    ...columns(
      label(
        'Skriv ett tema per lapp · stem · 8 minutter per tema',
        'One topic per sticky · vote · 8 minutes per topic',
      ),
      [
        [label('Å diskutere', 'To discuss'), 'yellow'],
        [label('Diskuterer', 'Discussing'), 'blue'],
        [label('Ferdig', 'Done'), 'green'],
      ],
    ),
  },
  {
    id: 'crazy-8s',
    name: label('Crazy 8s', 'Crazy 8s'),
    description: label(
      'Åtte skisser på åtte minutter: én idé per rute.',
      'Eight sketches in eight minutes: one idea per box.',
    ),
    texts: [
      {
        x: 0,
        y: 0,
        w: 1200,
        h: 64,
        text: label(
          '8 ideer på 8 minutter – ett minutt per rute',
          '8 ideas in 8 minutes – one minute per box',
        ),
      },
    ],
    frames: Array.from({ length: 8 }, (_, i) => ({
      x: (i % 4) * 440,
      y: 120 + Math.floor(i / 4) * 440,
      w: 400,
      h: 400,
      title: label(String(i + 1), String(i + 1)),
    })),
  },
  {
    id: 'idea-to-project',
    name: label('Fra idé til prosjekt', 'Idea to project'),
    description: label(
      'Før en idé fram til et prosjekt: idé, partnere, behov og neste steg.',
      'Take an idea towards a project: idea, partners, needs and next step.',
    ),
    ...columns(label('Prosjektidé: …', 'Project idea: …'), [
      [label('Idé', 'Idea'), 'yellow'],
      [label('Partnere', 'Partners'), 'blue'],
      [label('Hva vi trenger', 'Needs'), 'orange'],
      [label('Neste steg', 'Next step'), 'green'],
    ]),
  },
  {
    id: 'retrospective',
    name: label('Retrospektiv', 'Retrospective'),
    description: label(
      'Se tilbake sammen: hva gikk bra, hva kan bli bedre, og hva gjør vi nå.',
      'Look back together: what went well, what could be better, and what we do now.',
    ),
    ...columns(label('Retrospektiv: …', 'Retrospective: …'), [
      [label('Hva gikk bra', 'What went well'), 'green'],
      [label('Hva kan bli bedre', 'What could be better'), 'orange'],
      [label('Tiltak', 'Actions'), 'blue'],
    ]),
  },
]

export function findBoardTemplate(id: string): BoardTemplate | undefined {
  return BOARD_TEMPLATES.find((template) => template.id === id)
}

const TEMPLATE_GAP = 200

/** Which part of a template an item comes from: its `index`-th frame or text. */
export type TemplatePart = { part: 'frame' | 'text'; index: number }

/**
 * The id of a template item laid out when board `boardId` starts: the same on every replica,
 * so two people starting a board at once write the same keys and Yjs keeps one item per key.
 */
export function templateItemId(boardId: BoardId, { part, index }: TemplatePart): ItemId {
  return `item-${boardId}-${part}-${index}` as ItemId
}

/**
 * Lays a template out on the board in one update: at `origin`, or right of what is already
 * there (at 0,0 on an empty board). The first template a board gets is remembered in its
 * meta. Returns the ids made (frames first): fresh ones, or `ids(part)` where the caller
 * needs them to be the same wherever the layout is made (a board's start).
 */
export function applyTemplate(
  doc: Y.Doc,
  template: BoardTemplate,
  lang: TemplateLanguage,
  input: {
    actor: BoardActor
    now: number
    origin?: { x: number; y: number }
    ids?: (part: TemplatePart) => ItemId
  },
): ItemId[] {
  const idOf = (part: TemplatePart): { id?: ItemId } =>
    input.ids === undefined ? {} : { id: input.ids(part) }
  const existing = boundsOf(readAllItems(doc).filter((item) => item.kind !== 'connector'))
  const origin =
    input.origin ??
    (existing === undefined
      ? { x: 0, y: 0 }
      : { x: existing.x + existing.w + TEMPLATE_GAP, y: existing.y })
  const frames: NewItem[] = template.frames.map((frame, index) => ({
    ...idOf({ part: 'frame', index }),
    kind: 'frame',
    x: origin.x + frame.x,
    y: origin.y + frame.y,
    w: frame.w,
    h: frame.h,
    text: frame.title[lang],
    ...(frame.color === undefined ? {} : { color: frame.color }),
  }))
  let ids: ItemId[] = []
  doc.transact(() => {
    const frameIds = createItems(doc, frames, input)
    const placed = frames.map((frame, i) => ({
      ...frame,
      w: frame.w ?? 0,
      h: frame.h ?? 0,
      id: frameIds[i],
    }))
    const texts: NewItem[] = template.texts.map((text, index) => {
      const rect = { x: origin.x + text.x, y: origin.y + text.y, w: text.w, h: text.h }
      const frame = placed.find((candidate) => containsPoint(candidate, itemCenter(rect)))
      return {
        ...idOf({ part: 'text', index }),
        kind: 'text',
        ...rect,
        text: text.text[lang],
        ...(frame?.id === undefined ? {} : { frameId: frame.id }),
      }
    })
    ids = [...frameIds, ...createItems(doc, texts, input)]
    const meta = boardMeta(doc)
    if (typeof meta.get('template') !== 'string') meta.set('template', template.id)
  }, COMMAND_ORIGIN)
  return ids
}
