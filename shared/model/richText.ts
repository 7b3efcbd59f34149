import * as Y from 'yjs'

/**
 * A small block description used to write note bodies from code (demo data, templates,
 * imports). It produces the same Y.XmlFragment shape that TipTap's collaboration extension
 * (y-prosemirror) writes: element names are ProseMirror node names, text lives in Y.XmlText
 * with marks as formatting attributes.
 */
export type Inline = string | { text: string; bold?: boolean; italic?: boolean; link?: string }
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; content: Inline[] }
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'bulletList'; items: Inline[][] }
  | { type: 'orderedList'; items: Inline[][] }
  | { type: 'taskList'; items: { checked: boolean; content: Inline[] }[] }

function textNode(content: Inline[]): Y.XmlText {
  const text = new Y.XmlText()
  let index = 0
  for (const inline of content) {
    if (typeof inline === 'string') {
      // WARNING: without explicit (empty) attributes, Yjs gives inserted text the formatting
      // of the character before it, and a plain run after a bold one would come out bold.
      text.insert(index, inline, {})
      index += inline.length
      continue
    }
    const marks: Record<string, unknown> = {}
    if (inline.bold === true) marks.bold = {}
    if (inline.italic === true) marks.italic = {}
    if (inline.link !== undefined) marks.link = { href: inline.link }
    text.insert(index, inline.text, marks)
    index += inline.text.length
  }
  return text
}

function element(name: string, children: (Y.XmlElement | Y.XmlText)[]): Y.XmlElement {
  const el = new Y.XmlElement(name)
  el.insert(0, children)
  return el
}

function paragraph(content: Inline[]): Y.XmlElement {
  return element('paragraph', content.length === 0 ? [] : [textNode(content)])
}

function blockToXml(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'heading': {
      // y-prosemirror stores node attributes with their JSON types: `level` is a number.
      const el = new Y.XmlElement<{ level: number }>('heading')
      el.insert(0, [textNode(block.content)])
      el.setAttribute('level', block.level)
      return el as unknown as Y.XmlElement
    }
    case 'paragraph':
      return paragraph(block.content)
    case 'bulletList':
    case 'orderedList':
      return element(
        block.type,
        block.items.map((item) => element('listItem', [paragraph(item)])),
      )
    case 'taskList':
      return element(
        'taskList',
        block.items.map((item) => {
          const el = element('taskItem', [paragraph(item.content)])
          ;(el as Y.XmlElement<{ checked: boolean }>).setAttribute('checked', item.checked)
          return el
        }),
      )
  }
}

/** Appends blocks to a body fragment. Call inside a transaction. */
export function appendBlocks(fragment: Y.XmlFragment, blocks: readonly Block[]): void {
  fragment.insert(
    fragment.length,
    blocks.map((block) => blockToXml(block)),
  )
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
