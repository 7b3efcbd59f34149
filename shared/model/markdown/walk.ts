import type { Block, Inline, ListItem } from '../richText'

/**
 * Rewrites a block tree: `inline` maps each inline item to zero or more items, `image` maps an
 * image block. Everything else is copied through. One walker, so importers never miss a place
 * (list items, quotes, table cells) where a link or an image can sit.
 */
export type BlockMapper = {
  inline?: (inline: Inline) => Inline[]
  image?: (block: Block & { type: 'image' }) => Block
}

export function mapBlocks(blocks: readonly Block[], mapper: BlockMapper): Block[] {
  const content = (items: readonly Inline[]): Inline[] =>
    mapper.inline === undefined
      ? [...items]
      : items.flatMap((item) => mapper.inline?.(item) ?? [item])
  const children = (list: Block[] | undefined): Block[] | undefined =>
    list === undefined ? undefined : mapBlocks(list, mapper)
  const listItem = (item: ListItem): ListItem =>
    Array.isArray(item)
      ? content(item)
      : { content: content(item.content), children: children(item.children) ?? [] }
  return blocks.map((block): Block => {
    switch (block.type) {
      case 'heading':
      case 'paragraph':
        return { ...block, content: content(block.content) }
      case 'bulletList':
      case 'orderedList':
        return { ...block, items: block.items.map(listItem) }
      case 'taskList':
        return {
          ...block,
          items: block.items.map((item) => {
            const mapped = { ...item, content: content(item.content) }
            const nested = children(item.children)
            return nested === undefined ? mapped : { ...mapped, children: nested }
          }),
        }
      case 'blockquote':
        return { ...block, children: mapBlocks(block.children, mapper) }
      case 'table':
        return {
          ...block,
          rows: block.rows.map((row) =>
            row.map((cell) => ({ ...cell, content: content(cell.content) })),
          ),
        }
      case 'image':
        return mapper.image === undefined ? block : mapper.image(block)
      default:
        return block
    }
  })
}

/** Every inline item of a block tree, in document order. */
export function collectInlines(blocks: readonly Block[]): Inline[] {
  const found: Inline[] = []
  mapBlocks(blocks, {
    inline: (inline) => {
      found.push(inline)
      return [inline]
    },
  })
  return found
}

/** Every image block of a block tree, in document order. */
export function collectImages(blocks: readonly Block[]): (Block & { type: 'image' })[] {
  const found: (Block & { type: 'image' })[] = []
  mapBlocks(blocks, {
    image: (image) => {
      found.push(image)
      return image
    },
  })
  return found
}
