import * as Y from 'yjs'

/**
 * A block description of a note body, to write bodies from code (demo data, templates,
 * imports) and to read them back (export). It maps one to one onto the Y.XmlFragment shape
 * that TipTap's collaboration extension (y-prosemirror) writes: element names are ProseMirror
 * node names, text lives in Y.XmlText with marks as formatting attributes, inline atoms
 * (note links, hard breaks) are elements between the text runs of their paragraph.
 *
 * Node and mark names are the agreed ones (see {@link NODE} and {@link MARK}); nothing else in
 * the app spells them.
 */

/** ProseMirror node names in the body. */
export const NODE = {
  paragraph: 'paragraph',
  heading: 'heading',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  taskList: 'taskList',
  taskItem: 'taskItem',
  blockquote: 'blockquote',
  codeBlock: 'codeBlock',
  horizontalRule: 'horizontalRule',
  table: 'table',
  tableRow: 'tableRow',
  tableHeader: 'tableHeader',
  tableCell: 'tableCell',
  image: 'image',
  noteLink: 'noteLink',
  hardBreak: 'hardBreak',
} as const

/** ProseMirror mark names in the body's text. */
export const MARK = {
  bold: 'bold',
  italic: 'italic',
  strike: 'strike',
  code: 'code',
  link: 'link',
} as const

/** The editor offers headings 1–3; deeper ones (from Markdown) are kept as 3. */
export const HEADING_LEVELS = [1, 2, 3] as const
export type HeadingLevel = (typeof HEADING_LEVELS)[number]

export type Marks = {
  bold?: boolean
  italic?: boolean
  strike?: boolean
  code?: boolean
  link?: string
}
/** A run of text with the marks it carries. */
export type TextRun = { text: string } & Marks
/**
 * A link to another note (inline atom). Only `id` is stored; `title` (the link's target) and
 * `alias` (its shown text) are hints for importers resolving links by name.
 */
export type NoteLinkInline = { type: 'noteLink'; id: string; title?: string; alias?: string }
export type Inline = string | TextRun | NoteLinkInline | { type: 'hardBreak' }

/** A list item: its first paragraph, and any blocks after it (nested lists, more paragraphs). */
export type ListItem = Inline[] | { content: Inline[]; children?: Block[] }
export type TaskItem = { checked: boolean; content: Inline[]; children?: Block[] }
export type TableCell = { header?: boolean; content: Inline[] }

export type Block =
  | { type: 'heading'; level: HeadingLevel; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'bulletList'; items: ListItem[] }
  | { type: 'orderedList'; items: ListItem[]; start?: number }
  | { type: 'taskList'; items: TaskItem[] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'codeBlock'; language?: string; text: string }
  | { type: 'horizontalRule' }
  | { type: 'table'; rows: TableCell[][] }
  /** An image stored in the body's `files` map (shared/model/noteFiles.ts), never a URL. */
  | { type: 'image'; fileId: string; alt?: string }

export function listItemParts(item: ListItem): { content: Inline[]; children: Block[] } {
  return Array.isArray(item)
    ? { content: item, children: [] }
    : { content: item.content, children: item.children ?? [] }
}

// --- writing -------------------------------------------------------------------------------

type XmlNode = Y.XmlElement | Y.XmlText

function runMarks(run: TextRun): Record<string, unknown> {
  const marks: Record<string, unknown> = {}
  if (run.bold === true) marks[MARK.bold] = {}
  if (run.italic === true) marks[MARK.italic] = {}
  if (run.strike === true) marks[MARK.strike] = {}
  if (run.code === true) marks[MARK.code] = {}
  if (run.link !== undefined) marks[MARK.link] = { href: run.link }
  return marks
}

/** Text runs become Y.XmlText (one per stretch between atoms); atoms become elements. */
function inlineNodes(content: readonly Inline[]): XmlNode[] {
  const nodes: XmlNode[] = []
  let text: Y.XmlText | null = null
  let index = 0
  const insert = (value: string, marks: Record<string, unknown>): void => {
    if (value === '') return
    if (text === null) {
      text = new Y.XmlText()
      index = 0
      nodes.push(text)
    }
    // WARNING: without explicit (empty) attributes, Yjs gives inserted text the formatting
    // of the character before it, and a plain run after a bold one would come out bold.
    text.insert(index, value, marks)
    index += value.length
  }
  for (const inline of content) {
    if (typeof inline === 'string') {
      insert(inline, {})
    } else if ('text' in inline) {
      insert(inline.text, runMarks(inline))
    } else if (inline.type === 'noteLink') {
      const el = new Y.XmlElement(NODE.noteLink)
      el.setAttribute('id', inline.id)
      nodes.push(el)
      text = null
    } else {
      nodes.push(new Y.XmlElement(NODE.hardBreak))
      text = null
    }
  }
  return nodes
}

function element(name: string, children: readonly XmlNode[]): Y.XmlElement {
  const el = new Y.XmlElement(name)
  if (children.length > 0) el.insert(0, [...children])
  return el
}

/** y-prosemirror stores node attributes with their JSON types (numbers stay numbers). */
function setAttr(el: Y.XmlElement, key: string, value: string | number | boolean): void {
  ;(el as Y.XmlElement<Record<string, string | number | boolean>>).setAttribute(key, value)
}

function paragraph(content: readonly Inline[]): Y.XmlElement {
  return element(NODE.paragraph, inlineNodes(content))
}

function itemChildren(content: readonly Inline[], children: readonly Block[]): Y.XmlElement[] {
  return [paragraph(content), ...children.map((block) => blockToXml(block))]
}

function blockToXml(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'heading': {
      const el = element(NODE.heading, inlineNodes(block.content))
      setAttr(el, 'level', block.level)
      return el
    }
    case 'paragraph':
      return paragraph(block.content)
    case 'bulletList':
    case 'orderedList': {
      const el = element(
        block.type,
        block.items.map((item) => {
          const { content, children } = listItemParts(item)
          return element(NODE.listItem, itemChildren(content, children))
        }),
      )
      if (block.type === 'orderedList') setAttr(el, 'start', block.start ?? 1)
      return el
    }
    case 'taskList':
      return element(
        NODE.taskList,
        block.items.map((item) => {
          const el = element(NODE.taskItem, itemChildren(item.content, item.children ?? []))
          setAttr(el, 'checked', item.checked)
          return el
        }),
      )
    case 'blockquote': {
      const children: readonly Block[] =
        block.children.length > 0 ? block.children : [{ type: 'paragraph', content: [] }]
      return element(
        NODE.blockquote,
        children.map((child) => blockToXml(child)),
      )
    }
    case 'codeBlock': {
      const text = new Y.XmlText()
      if (block.text !== '') text.insert(0, block.text, {})
      const el = element(NODE.codeBlock, [text])
      if (block.language !== undefined && block.language !== '') {
        setAttr(el, 'language', block.language)
      }
      return el
    }
    case 'horizontalRule':
      return new Y.XmlElement(NODE.horizontalRule)
    case 'table':
      return element(
        NODE.table,
        block.rows.map((row) =>
          element(
            NODE.tableRow,
            row.map((cell) => {
              const el = element(cell.header === true ? NODE.tableHeader : NODE.tableCell, [
                paragraph(cell.content),
              ])
              setAttr(el, 'colspan', 1)
              setAttr(el, 'rowspan', 1)
              return el
            }),
          ),
        ),
      )
    case 'image': {
      const el = new Y.XmlElement(NODE.image)
      setAttr(el, 'fileId', block.fileId)
      if (block.alt !== undefined && block.alt !== '') setAttr(el, 'alt', block.alt)
      return el
    }
  }
}

/** Appends blocks to a body fragment. Call inside a transaction. */
export function appendBlocks(fragment: Y.XmlFragment, blocks: readonly Block[]): void {
  fragment.insert(
    fragment.length,
    blocks.map((block) => blockToXml(block)),
  )
}

// --- reading -------------------------------------------------------------------------------

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> }

function linkHref(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const href = (value as { href?: unknown }).href
  return typeof href === 'string' ? href : undefined
}

function plainText(text: Y.XmlText): string {
  return (text.toDelta() as DeltaOp[])
    .map((op) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

function textRuns(text: Y.XmlText): Inline[] {
  const runs: Inline[] = []
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue
    const attributes = op.attributes ?? {}
    const run: TextRun = { text: op.insert }
    if (attributes[MARK.bold] !== undefined) run.bold = true
    if (attributes[MARK.italic] !== undefined) run.italic = true
    if (attributes[MARK.strike] !== undefined) run.strike = true
    if (attributes[MARK.code] !== undefined) run.code = true
    const href = linkHref(attributes[MARK.link])
    if (href !== undefined) run.link = href
    runs.push(Object.keys(run).length === 1 ? run.text : run)
  }
  return runs
}

/** The inline content of a textblock; unknown inline elements give their text. */
function readInline(el: Y.XmlElement): Inline[] {
  const content: Inline[] = []
  for (const child of el.toArray()) {
    if (child instanceof Y.XmlText) content.push(...textRuns(child))
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === NODE.noteLink) {
        const id = child.getAttribute('id')
        if (typeof id === 'string') content.push({ type: 'noteLink', id })
      } else if (child.nodeName === NODE.hardBreak) {
        content.push({ type: 'hardBreak' })
      } else {
        content.push(...readInline(child))
      }
    }
  }
  return content
}

function elements(parent: Y.XmlElement | Y.XmlFragment): Y.XmlElement[] {
  return parent.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
}

/** A list item's first paragraph as content, the rest as child blocks. */
function readItem(el: Y.XmlElement): { content: Inline[]; children: Block[] } {
  const [first, ...rest] = elements(el)
  if (first === undefined) return { content: [], children: [] }
  if (first.nodeName === NODE.paragraph) {
    return { content: readInline(first), children: readBlocks(rest) }
  }
  return { content: [], children: readBlocks([first, ...rest]) }
}

function itemToListItem(el: Y.XmlElement): ListItem {
  const { content, children } = readItem(el)
  return children.length === 0 ? content : { content, children }
}

function numberAttr(el: Y.XmlElement, key: string): number | undefined {
  const value: unknown = el.getAttribute(key)
  if (typeof value === 'number' && Number.isFinite(value)) return value
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value)
  return undefined
}

function stringAttr(el: Y.XmlElement, key: string): string | undefined {
  const value: unknown = el.getAttribute(key)
  return typeof value === 'string' && value !== '' ? value : undefined
}

function headingLevel(el: Y.XmlElement): HeadingLevel {
  const level = numberAttr(el, 'level') ?? 1
  return Math.min(3, Math.max(1, Math.round(level))) as HeadingLevel
}

function readBlock(el: Y.XmlElement): Block[] {
  switch (el.nodeName) {
    case NODE.paragraph:
      return [{ type: 'paragraph', content: readInline(el) }]
    case NODE.heading:
      return [{ type: 'heading', level: headingLevel(el), content: readInline(el) }]
    case NODE.bulletList:
      return [{ type: 'bulletList', items: elements(el).map(itemToListItem) }]
    case NODE.orderedList: {
      const start = numberAttr(el, 'start')
      const items = elements(el).map(itemToListItem)
      return [
        start === undefined || start === 1
          ? { type: 'orderedList', items }
          : { type: 'orderedList', items, start },
      ]
    }
    case NODE.taskList:
      return [
        {
          type: 'taskList',
          items: elements(el).map((item) => {
            const { content, children } = readItem(item)
            const checked: unknown = item.getAttribute('checked')
            const task: TaskItem = { checked: checked === true || checked === 'true', content }
            if (children.length > 0) task.children = children
            return task
          }),
        },
      ]
    case NODE.blockquote:
      return [{ type: 'blockquote', children: readBlocks(elements(el)) }]
    case NODE.codeBlock: {
      const language = stringAttr(el, 'language')
      const text = el
        .toArray()
        .map((child) => (child instanceof Y.XmlText ? plainText(child) : ''))
        .join('')
      return [
        language === undefined
          ? { type: 'codeBlock', text }
          : { type: 'codeBlock', language, text },
      ]
    }
    case NODE.horizontalRule:
      return [{ type: 'horizontalRule' }]
    case NODE.table:
      return [
        {
          type: 'table',
          rows: elements(el).map((row) =>
            elements(row).map((cell) => {
              // A cell holds blocks; Markdown cells hold one line, so paragraphs join with breaks.
              const content: Inline[] = []
              for (const [i, block] of elements(cell).entries()) {
                if (i > 0) content.push({ type: 'hardBreak' })
                content.push(...readInline(block))
              }
              return cell.nodeName === NODE.tableHeader ? { header: true, content } : { content }
            }),
          ),
        },
      ]
    case NODE.image: {
      const fileId = stringAttr(el, 'fileId')
      const alt = stringAttr(el, 'alt')
      if (fileId === undefined) return []
      return [alt === undefined ? { type: 'image', fileId } : { type: 'image', fileId, alt }]
    }
    default: {
      // A node this version does not know (a newer peer's): keep its blocks, or its text.
      const children = elements(el)
      const textOnly = el.toArray().every((child) => child instanceof Y.XmlText)
      if (!textOnly && children.length > 0) return readBlocks(children)
      return [{ type: 'paragraph', content: readInline(el) }]
    }
  }
}

function readBlocks(els: readonly Y.XmlElement[]): Block[] {
  return els.flatMap((el) => readBlock(el))
}

/** The blocks of a body, the inverse of {@link appendBlocks} (for export and copies). */
export function fragmentToBlocks(fragment: Y.XmlFragment): Block[] {
  return readBlocks(elements(fragment))
}

/** The plain text of a body, blocks separated by newlines (for previews and search). */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
  const lines: string[] = []
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook): void => {
    if (node instanceof Y.XmlText) {
      const delta = node.toDelta() as { insert: unknown }[]
      lines.push(delta.map((op) => (typeof op.insert === 'string' ? op.insert : '')).join(''))
    } else if (node instanceof Y.XmlElement) {
      for (const child of node.toArray()) visit(child)
    }
  }
  for (const child of fragment.toArray()) visit(child)
  return lines.join('\n')
}
