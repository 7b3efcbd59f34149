import { listItemParts, type Block, type Inline, type ListItem, type TextRun } from '../richText'
import { safeFileStem } from './fileNames'
import { MARK_DELIMITERS, MARK_ORDER } from './mapping'

/**
 * Blocks → GitHub-flavoured Markdown. Text is escaped so that it reads back as the same text
 * (a `*` or `#` a person typed never turns into emphasis or a heading); marks are opened and
 * closed around runs like a stack, so `**a *b***` nests instead of closing and reopening.
 * Note links become Obsidian-style `[[Title]]`; images point at files beside the note.
 *
 * Known limits of the format (see fuzz.test.ts): emphasis cannot start or end between a letter
 * and punctuation (`a*!b*`), nor hug a code span next to a letter, and a backslash right
 * before a pipe in code cannot be written in a table cell; such marks read back as text.
 */
export type MarkdownWriteOptions = {
  /** The title of a linked note; undefined when it no longer exists. */
  noteTitle: (id: string) => string | undefined
  /** The relative path an image is written to; undefined when its bytes are not there. */
  imageSrc: (fileId: string) => string | undefined
}

type Context = MarkdownWriteOptions & { inTable: boolean }

// --- text ----------------------------------------------------------------------------------

/** Characters that start Markdown syntax anywhere in a line. */
const INLINE_SPECIAL = /[\\`*[\]<>|~]/g

function escapeInlineText(text: string): string {
  let out = text.replace(INLINE_SPECIAL, (ch) => `\\${ch}`)
  // `_` only opens emphasis at a word boundary; snake_case stays readable.
  out = out.replace(/_/g, (ch, offset: number) => {
    const before = text[offset - 1] ?? ''
    const after = text[offset + 1] ?? ''
    return /[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(after) ? ch : '\\_'
  })
  // `&amp;` and `&#123;` would be read as entities.
  // GFM turns `https://…` and `www.…` in text into links, and reads the rest of the word
  // raw (escapes and all); an escaped colon or dot keeps them text.
  out = out.replace(/(https?|ftp):(?=\/\/)/gi, '$1\\:').replace(/www\.(?=\w)/gi, 'www\\.')
  return out.replace(/&(?=#?[a-z0-9]+;)/gi, '\\&')
}

/** At the start of a line, block syntax: headings, quotes, list markers, rules. */
function escapeLineStart(text: string): string {
  return text
    .replace(/^[ \t]+/, '')
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2')
}

function codeSpan(text: string, inTable: boolean): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length))
  const fence = '`'.repeat(longest + 1)
  const pad =
    text.startsWith('`') ||
    text.endsWith('`') ||
    (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '')
      ? ' '
      : ''
  const body = inTable ? text.replace(/\|/g, '\\|') : text
  return `${fence}${pad}${body}${pad}${fence}`
}

function linkDestination(href: string): string {
  const clean = href.replace(/[\r\n]/g, '')
  if (/[\s()<>]/.test(clean) || clean === '') {
    return `<${clean.replace(/</g, '%3C').replace(/>/g, '%3E')}>`
  }
  return clean.replace(/\\/g, '%5C')
}

/** A note title inside `[[…]]`: `]`, `[`, `|` and `\` are backslash-escaped. */
export function escapeNoteLinkTitle(title: string): string {
  return title.replace(/[\\[\]|]/g, (ch) => `\\${ch}`).replace(/[\r\n]+/g, ' ')
}

/**
 * `[[Title]]`, or `[[File name|Title]]` when the title is not a safe file name: Obsidian and
 * other Markdown tools resolve links by file name, Kryss by title, and both then find the note.
 */
export function noteLinkMarkdown(title: string): string {
  const stem = safeFileStem(title)
  return stem === title.trim()
    ? `[[${escapeNoteLinkTitle(title)}]]`
    : `[[${escapeNoteLinkTitle(stem)}|${escapeNoteLinkTitle(title)}]]`
}

// --- inline --------------------------------------------------------------------------------

type OpenMark = { key: (typeof MARK_ORDER)[number]; href?: string }

function runMarkList(run: TextRun): OpenMark[] {
  const marks: OpenMark[] = []
  for (const key of MARK_ORDER) {
    if (key === 'link') {
      if (run.link !== undefined) marks.push({ key, href: run.link })
    } else if (run[key] === true) {
      marks.push({ key })
    }
  }
  return marks
}

function sameMark(a: OpenMark, b: OpenMark): boolean {
  return a.key === b.key && a.href === b.href
}

function opener(mark: OpenMark): string {
  return mark.key === 'link' ? '[' : MARK_DELIMITERS[mark.key]
}

function closer(mark: OpenMark): string {
  return mark.key === 'link' ? `](${linkDestination(mark.href ?? '')})` : MARK_DELIMITERS[mark.key]
}

/**
 * Splits whitespace off the ends of emphasised runs: `** a**` is not bold in Markdown, so the
 * spaces go outside the delimiters (they look the same).
 */
function normalizeRuns(content: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const inline of content) {
    if (typeof inline === 'string' || !('text' in inline)) {
      out.push(inline)
      continue
    }
    const emphasised = inline.bold === true || inline.italic === true || inline.strike === true
    if (!emphasised || inline.code === true) {
      out.push(inline)
      continue
    }
    const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(inline.text)
    const [, lead = '', core = '', trail = ''] = match ?? []
    if (lead !== '') out.push(inline.link === undefined ? lead : { text: lead, link: inline.link })
    if (core !== '') out.push({ ...inline, text: core })
    if (trail !== '')
      out.push(inline.link === undefined ? trail : { text: trail, link: inline.link })
  }
  return out
}

function inlineToMarkdown(content: readonly Inline[], context: Context): string {
  let out = ''
  let atLineStart = true
  const stack: OpenMark[] = []
  const closeTo = (depth: number): void => {
    while (stack.length > depth) out += closer(stack.pop() as OpenMark)
  }
  const breakLine = (): void => {
    closeTo(0)
    out += context.inTable ? '<br>' : '\\\n'
    atLineStart = true
  }
  for (const inline of normalizeRuns(content)) {
    if (typeof inline !== 'string' && !('text' in inline)) {
      if (inline.type === 'hardBreak') {
        breakLine()
        continue
      }
      closeTo(0)
      out += noteLinkMarkdown(context.noteTitle(inline.id) ?? inline.title ?? inline.id)
      atLineStart = false
      continue
    }
    const run: TextRun = typeof inline === 'string' ? { text: inline } : inline
    const lines = run.text.split('\n')
    for (const [index, line] of lines.entries()) {
      if (index > 0) breakLine()
      if (line === '') continue
      const wanted = runMarkList(run)
      let keep = 0
      while (
        keep < stack.length &&
        wanted.some((mark) => sameMark(mark, stack[keep] as OpenMark))
      ) {
        keep++
      }
      closeTo(keep)
      for (const mark of wanted) {
        if (!stack.some((open) => sameMark(open, mark))) {
          out += opener(mark)
          stack.push(mark)
        }
      }
      let text: string
      if (run.code === true) {
        text = codeSpan(line, context.inTable)
      } else {
        text = escapeInlineText(line)
        if (atLineStart) text = escapeLineStart(text)
        // Marked unescapes \[ and \] in a link's text before reading it again, so there
        // brackets go as character references.
        if (run.link !== undefined) text = text.replace(/\\\[/g, '&#91;').replace(/\\\]/g, '&#93;')
      }
      out += text
      atLineStart = false
    }
  }
  closeTo(0)
  return out
}

// --- blocks --------------------------------------------------------------------------------

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? first + line : line === '' ? '' : prefix + line))
    .join('\n')
}

function isList(block: Block): boolean {
  return block.type === 'bulletList' || block.type === 'orderedList' || block.type === 'taskList'
}

/** Bullet lists (and task lists) alternate markers, so two lists in a row stay two lists. */
type ListMarkers = { bullet: '-' | '*'; ordered: '.' | ')' }

function listItemsToMarkdown(
  items: readonly { marker: string; width: number; content: Inline[]; children: Block[] }[],
  context: Context,
): string {
  const loose = items.some((item) => item.children.some((child) => !isList(child)))
  return items
    .map(({ marker, width, content, children }) => {
      let body = inlineToMarkdown(content, context)
      if (children.length > 0) {
        const rest = blocksToMarkdownText(children, context)
        body += (loose || !isList(children[0] as Block) ? '\n\n' : '\n') + rest
      }
      // Continuation lines line up with the item's content (the bullet, not a task's box).
      const pad = ' '.repeat(width)
      return body === '' ? marker : indent(body, pad, body.startsWith('\n') ? marker : `${marker} `)
    })
    .join(loose ? '\n\n' : '\n')
}

function tableToMarkdown(rows: Block & { type: 'table' }, context: Context): string {
  const width = Math.max(0, ...rows.rows.map((row) => row.length))
  if (width === 0) return ''
  const cell = (row: number, column: number): string => {
    const content = rows.rows[row]?.[column]?.content ?? []
    const text = inlineToMarkdown(content, { ...context, inTable: true })
    return text === '' ? ' ' : text
  }
  const line = (row: number): string =>
    `| ${Array.from({ length: width }, (_, column) => cell(row, column)).join(' | ')} |`
  const lines = [line(0), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`]
  for (let row = 1; row < rows.rows.length; row++) lines.push(line(row))
  return lines.join('\n')
}

function codeBlockToMarkdown(block: Block & { type: 'codeBlock' }): string {
  const longest = Math.max(
    2,
    ...[...block.text.matchAll(/^[ \t]*(`{3,}|~{3,})/gm)].map((m) => (m[1] ?? '').length),
  )
  const fence = '`'.repeat(longest + 1)
  const language = (block.language ?? '').replace(/[^\w+#.-]/g, '')
  return `${fence}${language}\n${block.text}${block.text === '' || block.text.endsWith('\n') ? '' : '\n'}${fence}`
}

function blockToMarkdown(block: Block, context: Context, markers: ListMarkers): string {
  switch (block.type) {
    case 'heading': {
      // An ATX heading is one line: breaks inside it become spaces.
      const content = block.content.map((inline) =>
        typeof inline === 'object' && 'type' in inline && inline.type === 'hardBreak'
          ? ' '
          : inline,
      )
      const text = inlineToMarkdown(content, context).replace(/#$/, '\\#')
      return `${'#'.repeat(block.level)}${text === '' ? '' : ` ${text}`}`
    }
    case 'paragraph':
      return inlineToMarkdown(block.content, context)
    case 'bulletList':
      return listItemsToMarkdown(
        block.items.map((item: ListItem) => ({
          marker: markers.bullet,
          width: 2,
          ...listItemParts(item),
        })),
        context,
      )
    case 'orderedList': {
      const start = block.start ?? 1
      return listItemsToMarkdown(
        block.items.map((item, i) => ({
          marker: `${start + i}${markers.ordered}`,
          width: `${start + i}${markers.ordered} `.length,
          ...listItemParts(item),
        })),
        context,
      )
    }
    case 'taskList':
      return listItemsToMarkdown(
        block.items.map((item) => ({
          marker: `${markers.bullet} [${item.checked ? 'x' : ' '}]`,
          width: 2,
          content: item.content,
          children: item.children ?? [],
        })),
        context,
      )
    case 'blockquote': {
      const inner = blocksToMarkdownText(block.children, context)
      return inner
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n')
    }
    case 'codeBlock':
      return codeBlockToMarkdown(block)
    case 'horizontalRule':
      return '---'
    case 'table':
      return tableToMarkdown(block, context)
    case 'image': {
      const src = context.imageSrc(block.fileId)
      const alt = escapeInlineText(block.alt ?? '')
      // Without its bytes an image cannot be written; its description is kept as text.
      if (src === undefined) return alt === '' ? '' : `*${alt}*`
      return `![${alt}](${linkDestination(src)})`
    }
  }
}

function blocksToMarkdownText(blocks: readonly Block[], context: Context): string {
  const parts: string[] = []
  let previous: Block | undefined
  const markers: ListMarkers = { bullet: '-', ordered: '.' }
  for (const block of blocks) {
    const bulletLike = (b: Block | undefined): boolean =>
      b?.type === 'bulletList' || b?.type === 'taskList'
    if (bulletLike(block) && bulletLike(previous)) {
      markers.bullet = markers.bullet === '-' ? '*' : '-'
    } else if (bulletLike(block)) {
      markers.bullet = '-'
    }
    if (block.type === 'orderedList' && previous?.type === 'orderedList') {
      markers.ordered = markers.ordered === '.' ? ')' : '.'
    } else if (block.type === 'orderedList') {
      markers.ordered = '.'
    }
    const text = blockToMarkdown(block, context, markers)
    previous = block
    // Empty paragraphs have no Markdown; they are left out.
    if (text !== '') parts.push(text)
  }
  return parts.join('\n\n')
}

/** The Markdown of a body, ending with a newline (empty string for an empty body). */
export function blocksToMarkdown(blocks: readonly Block[], options: MarkdownWriteOptions): string {
  const text = blocksToMarkdownText(blocks, { ...options, inTable: false })
  return text === '' ? '' : `${text}\n`
}
