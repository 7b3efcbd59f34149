import * as Y from 'yjs'
import type { BoardId, CompanyId, CompetenceId, ItemId, NoteId } from '../ids'
import { boardItems, readBoardMeta } from '../model/board/boardDoc'
import { readItemFields } from '../model/board/items'
import { boardsMap } from '../model/boards'
import { readRawCells } from '../model/competence/cells'
import { readVocabulary } from '../model/competence/vocabulary'
import { companiesMap, notesMap, readNumber, readString, type YRecord } from '../model/schema'
import { NOTE_SETS } from '../model/notes'
import { isNoteType, type NoteType } from '../model/noteTypes'
import { NOTE_BODY_FIELD } from '../model/noteBody'
import { NODE } from '../model/richText'
import type { SearchTarget } from './protocol'
import type { SearchDoc } from './fullText'

/**
 * What search indexes, read from the workspace's documents (issue 7). Pure functions over Y
 * types: the host's search worker runs them on its own replicas of the root, the note bodies
 * and the boards, and tests run them on documents built with the model's own commands.
 *
 * One {@link IndexedDoc} per thing a hit opens: a note, a board item (sticky, frame, text), a
 * company profile, an offer/need with a comment or evidence, a competence. Besides the text it
 * carries what filters need (owning company, competences, tags, type, authors) and where the
 * hit leads (`target`), so a query is answered from the worker's copy alone.
 */

/** The fields filters look at. Tags are folded keys (`tagKey`), authors display names. */
export type SearchFilterFields = {
  companyIds?: readonly string[]
  competenceIds?: readonly string[]
  tags?: readonly string[]
  type?: NoteType
  authors?: readonly string[]
}

/** A document as the worker keeps it: the indexed text plus filters, context and target. */
export type IndexedDoc = SearchDoc & {
  /** Where it lives, in words (the board's name, the company of an offer/need). */
  context?: string
  target: SearchTarget
  filters: SearchFilterFields
}

/** A note's fields from the root document (its body comes separately). */
export type NoteMeta = {
  id: NoteId
  title: string
  companyId: CompanyId | undefined
  type: NoteType | undefined
  /** Tag labels as shown. */
  tags: string[]
  competenceIds: CompetenceId[]
  createdBy: string
  updatedBy: string
  updatedAt: number
}

function mapKeys(record: YRecord, field: string): string[] {
  const set = record.get(field)
  return set instanceof Y.Map ? [...set.keys()].sort() : []
}

function mapLabels(record: YRecord, field: string): string[] {
  const set = record.get(field)
  if (!(set instanceof Y.Map)) return []
  const labels: string[] = []
  set.forEach((label) => {
    if (typeof label === 'string') labels.push(label)
  })
  return labels.sort()
}

/** One note's root fields; undefined when there is no such note. */
export function readNoteMeta(root: Y.Doc, id: string): NoteMeta | undefined {
  const record = notesMap(root).get(id)
  if (!(record instanceof Y.Map)) return undefined
  const companyId = record.get('companyId')
  const type = record.get('type')
  return {
    id: id as NoteId,
    title: readString(record, 'title'),
    companyId: typeof companyId === 'string' ? (companyId as CompanyId) : undefined,
    type: isNoteType(type) ? type : undefined,
    tags: mapLabels(record, NOTE_SETS.tags),
    competenceIds: mapKeys(record, NOTE_SETS.competences) as CompetenceId[],
    createdBy: readString(record, 'createdBy'),
    updatedBy: readString(record, 'updatedBy'),
    updatedAt: readNumber(record, 'updatedAt'),
  }
}

/** Every note id in the root document. */
export function noteIds(root: Y.Doc): NoteId[] {
  const ids: NoteId[] = []
  notesMap(root).forEach((record, id) => {
    if (record instanceof Y.Map) ids.push(id as NoteId)
  })
  return ids
}

/** Every board id in the root document's board list, with its title. */
export function boardTitles(root: Y.Doc): Map<BoardId, string> {
  const titles = new Map<BoardId, string>()
  boardsMap(root).forEach((record, id) => {
    if (record instanceof Y.Map) titles.set(id as BoardId, readString(record, 'title'))
  })
  return titles
}

/** The folded key of a tag, as filters compare it (same as notes.ts `tagKey`). */
function tagKey(tag: string): string {
  return tag
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^#+\s*/, '')
    .toLocaleLowerCase('nb')
}

/** Nodes whose content is one line of inline text. */
const TEXT_BLOCKS = new Set<string>([NODE.paragraph, NODE.heading, NODE.codeBlock])

/**
 * The plain text of a note body: one line per text block (paragraphs, headings, code, list
 * and task items, table cells — every block, however nested), inline text joined. A note
 * link reads as its target's title (`titleOf`), or nothing when the target is unknown; a
 * hard break as a space; an image as its description.
 */
export function noteBodyPlainText(
  fragment: Y.XmlFragment,
  titleOf: (noteId: string) => string | undefined = () => undefined,
): string {
  const lines: string[] = []
  const inline = (element: Y.XmlElement): string => {
    let line = ''
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown }[]) {
          if (typeof op.insert === 'string') line += op.insert
        }
      } else if (child instanceof Y.XmlElement) {
        if (child.nodeName === NODE.noteLink) {
          const id: unknown = child.getAttribute('id')
          const title = typeof id === 'string' ? titleOf(id) : undefined
          if (title !== undefined && title !== '') line += title
        } else if (child.nodeName === NODE.hardBreak) {
          line += ' '
        } else {
          line += inline(child)
        }
      }
    }
    return line
  }
  const visit = (element: Y.XmlElement): void => {
    if (element.nodeName === NODE.image) {
      const alt: unknown = element.getAttribute('alt')
      if (typeof alt === 'string' && alt.trim() !== '') lines.push(alt.trim())
      return
    }
    const children = element.toArray()
    if (TEXT_BLOCKS.has(element.nodeName) || children.some((c) => c instanceof Y.XmlText)) {
      const line = inline(element).trim()
      if (line !== '') lines.push(line)
      return
    }
    for (const child of children) if (child instanceof Y.XmlElement) visit(child)
  }
  for (const child of fragment.toArray()) if (child instanceof Y.XmlElement) visit(child)
  return lines.join('\n')
}

/** The body text of a note body document. */
export function noteBodyDocText(
  bodyDoc: Y.Doc,
  titleOf?: (noteId: string) => string | undefined,
): string {
  return noteBodyPlainText(bodyDoc.getXmlFragment(NOTE_BODY_FIELD), titleOf)
}

export function noteDocId(noteId: string): string {
  return `note:${noteId}`
}

/** A note as indexed: its root fields and its body's text. */
export function noteSearchDoc(meta: NoteMeta, bodyText: string): IndexedDoc {
  const authors = [...new Set([meta.createdBy, meta.updatedBy].filter((name) => name !== ''))]
  return {
    id: noteDocId(meta.id),
    kind: 'note',
    title: meta.title,
    body: bodyText,
    updatedAt: meta.updatedAt,
    target: { type: 'note', note: meta.id },
    filters: {
      ...(meta.companyId === undefined ? {} : { companyIds: [meta.companyId] }),
      ...(meta.competenceIds.length === 0 ? {} : { competenceIds: meta.competenceIds }),
      ...(meta.tags.length === 0 ? {} : { tags: meta.tags.map(tagKey) }),
      ...(meta.type === undefined ? {} : { type: meta.type }),
      ...(authors.length === 0 ? {} : { authors }),
    },
  }
}

export function boardItemDocId(boardId: string, itemId: string): string {
  return `item:${boardId}/${itemId}`
}

/** The prefix every item of a board's ids start with. */
export function boardItemDocPrefix(boardId: string): string {
  return `item:${boardId}/`
}

/** Kinds of board item that hold words. */
const WORDED_ITEMS = new Set<string>(['sticky', 'frame', 'text'])

/** A title of at most this many characters is cut from an item's first line. */
const ITEM_TITLE_LENGTH = 80

/**
 * One board item as indexed, or undefined when it holds no words (connectors, images, an
 * empty sticky) or is hidden (private mode: only its author may see it, and search answers
 * everyone alike). Title: the first line (a frame's title); body: the rest.
 */
export function boardItemSearchDoc(
  boardId: string,
  itemId: string,
  record: unknown,
  boardTitle: string,
): IndexedDoc | undefined {
  if (!(record instanceof Y.Map)) return undefined
  const item = readItemFields(itemId, record as YRecord)
  if (item === undefined || !WORDED_ITEMS.has(item.kind) || item.hidden) return undefined
  const text = item.text.trim()
  if (text === '') return undefined
  const newline = text.indexOf('\n')
  let title = newline < 0 ? text : text.slice(0, newline).trim()
  let body = newline < 0 ? '' : text.slice(newline + 1).trim()
  if (title.length > ITEM_TITLE_LENGTH) {
    const cut = title.lastIndexOf(' ', ITEM_TITLE_LENGTH)
    const at = cut > ITEM_TITLE_LENGTH / 2 ? cut : ITEM_TITLE_LENGTH
    body = `${title.slice(at).trim()}${body === '' ? '' : `\n${body}`}`
    title = `${title.slice(0, at).trim()} …`
  }
  return {
    id: boardItemDocId(boardId, itemId),
    kind: 'sticky',
    title,
    body,
    updatedAt: item.createdAt,
    context: boardTitle,
    target: { type: 'boardItem', board: boardId, item: itemId },
    filters: item.author === '' ? {} : { authors: [item.author] },
  }
}

/** The title a board goes by: its entry in the workspace's list, else its own meta. */
export function boardContext(boardDoc: Y.Doc, listed: string | undefined): string {
  return listed !== undefined && listed !== '' ? listed : readBoardMeta(boardDoc).title
}

/** Every worded item of a board document. */
export function boardSearchDocs(
  boardId: string,
  boardDoc: Y.Doc,
  boardTitle: string,
): IndexedDoc[] {
  const docs: IndexedDoc[] = []
  boardItems(boardDoc).forEach((record, itemId) => {
    const doc = boardItemSearchDoc(boardId, itemId, record, boardTitle)
    if (doc !== undefined) docs.push(doc)
  })
  return docs
}

/** The ids of the board items touched by a transaction's events on the items map. */
export function changedItemIds(
  boardDoc: Y.Doc,
  events: readonly Y.YEvent<Y.AbstractType<unknown>>[],
): Set<ItemId> {
  const items = boardItems(boardDoc)
  const ids = new Set<ItemId>()
  for (const event of events) {
    if (event.target === items && event instanceof Y.YMapEvent) {
      for (const key of event.keysChanged) ids.add(key as ItemId)
      continue
    }
    // Walk up to the item's own map (an item's text is a Y.Text inside it).
    let type: Y.AbstractType<unknown> | null = event.target
    while (type !== null && type.parent !== items) type = type.parent as Y.AbstractType<unknown>
    const key = type?._item?.parentSub
    if (typeof key === 'string') ids.add(key as ItemId)
  }
  return ids
}

/**
 * Companies, the vocabulary and offers/needs with words as indexed: everything of the root
 * document except notes (a few hundred records, read in one pass).
 */
export function rootSearchDocs(root: Y.Doc): IndexedDoc[] {
  const docs: IndexedDoc[] = []
  const companyNames = new Map<string, string>()
  companiesMap(root).forEach((record, id) => {
    if (!(record instanceof Y.Map)) return
    const name = readString(record, 'name')
    companyNames.set(id, name)
    const body = ['description', 'location', 'industry', 'contactPerson', 'website']
      .map((field) => readString(record, field).trim())
      .filter((text) => text !== '')
      .join('\n')
    docs.push({
      id: `company:${id}`,
      kind: 'company',
      title: name,
      body,
      updatedAt: 0,
      target: { type: 'company', company: id },
      filters: { companyIds: [id] },
    })
  })
  const vocabulary = readVocabulary(root)
  const labels = new Map<string, string>()
  for (const entry of vocabulary.live) {
    labels.set(entry.id, entry.name)
    const record = root.getMap('competences').get(entry.id)
    const description = record instanceof Y.Map ? readString(record as YRecord, 'description') : ''
    const body = [
      ...(entry.hasEnglishLabel ? [entry.labels.en] : []),
      ...entry.synonyms,
      ...(description === '' ? [] : [description]),
    ].join('\n')
    docs.push({
      id: `competence:${entry.id}`,
      kind: 'competence',
      title: entry.name,
      body,
      updatedAt: 0,
      target: { type: 'competence', competence: entry.id },
      filters: { competenceIds: [entry.id] },
    })
  }
  const notes = notesMap(root)
  for (const cell of readRawCells(root).values()) {
    if (cell.comment.trim() === '' && cell.evidence.length === 0) continue
    const company = companyNames.get(cell.companyId)
    const competenceId = vocabulary.resolve(cell.competenceId)
    const competence = competenceId === undefined ? undefined : labels.get(competenceId)
    if (company === undefined || competenceId === undefined || competence === undefined) continue
    const evidence = cell.evidence
      .map((noteId) => notes.get(noteId))
      .map((record) => (record instanceof Y.Map ? readString(record, 'title') : ''))
      .filter((title) => title !== '')
    docs.push({
      id: `cell:${cell.companyId}|${competenceId}`,
      kind: 'company',
      title: `${company} · ${competence}`,
      body: [cell.comment.trim(), ...evidence].filter((text) => text !== '').join('\n'),
      updatedAt: cell.edited?.at ?? 0,
      context: company,
      target: { type: 'company', company: cell.companyId, competence: competenceId },
      filters: { companyIds: [cell.companyId], competenceIds: [competenceId] },
    })
  }
  // Two stored cells of one merged competence read as one.
  const seen = new Set<string>()
  return docs.filter((doc) => (seen.has(doc.id) ? false : (seen.add(doc.id), true)))
}

/**
 * Where a document's hit leads, from its id alone (the ids above encode it), so a saved index
 * need not store targets.
 */
export function targetOfDocId(id: string): SearchTarget | undefined {
  const colon = id.indexOf(':')
  const prefix = id.slice(0, colon)
  const rest = id.slice(colon + 1)
  switch (prefix) {
    case 'note':
      return { type: 'note', note: rest }
    case 'item': {
      const slash = rest.indexOf('/')
      return slash < 0
        ? undefined
        : { type: 'boardItem', board: rest.slice(0, slash), item: rest.slice(slash + 1) }
    }
    case 'company':
      return { type: 'company', company: rest }
    case 'cell': {
      const bar = rest.indexOf('|')
      return bar < 0
        ? undefined
        : { type: 'company', company: rest.slice(0, bar), competence: rest.slice(bar + 1) }
    }
    case 'competence':
      return { type: 'competence', competence: rest }
    default:
      return undefined
  }
}

/** A plain copy of a document (loaded ones read their fields lazily), with changes. */
export function copyIndexedDoc(doc: IndexedDoc, patch: Partial<IndexedDoc> = {}): IndexedDoc {
  return {
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    body: doc.body,
    updatedAt: doc.updatedAt,
    ...(doc.context === undefined ? {} : { context: doc.context }),
    target: doc.target,
    filters: doc.filters,
    ...patch,
  }
}

/** Whether two indexed documents say the same (so an unchanged one is not re-indexed). */
export function sameIndexedDoc(a: IndexedDoc, b: IndexedDoc): boolean {
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.body === b.body &&
    a.updatedAt === b.updatedAt &&
    a.context === b.context &&
    JSON.stringify(a.target) === JSON.stringify(b.target) &&
    JSON.stringify(a.filters) === JSON.stringify(b.filters)
  )
}
