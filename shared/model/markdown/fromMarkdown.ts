import { Marked, type MarkedToken, type Token, type TokenizerAndRendererExtension } from 'marked'
import type { Block, HeadingLevel, Inline, Marks, TableCell, TaskItem, TextRun } from '../richText'
import { TOKEN_MARKS, type ImportWarning } from './mapping'

/**
 * Markdown → blocks, over the tokens of `marked`'s GFM lexer (no hand-written parser). Note
 * links (`[[Title]]`, `[[Title|shown text]]`) and image embeds (`![[picture.png]]`) come from a
 * small lexer extension. What the body cannot hold is turned into what it can: headings deeper
 * than 3 become 3, inline HTML stays as its text, images inside text become image blocks
 * between the paragraph's parts.
 *
 * The result is not yet tied to a workspace: a note link carries the `title` it names (its `id`
 * is empty), an image carries the `src` it was written with as its `fileId`. The importer
 * resolves both (see importPlan.ts).
 */
export type ParsedMarkdown = {
  blocks: Block[]
  /** Every image source the text refers to, in order, without duplicates. */
  imageSources: string[]
  warnings: ImportWarning[]
}

type WikiToken = { type: 'wikiLink'; raw: string; target: string; alias?: string; embed: boolean }

/** `[[Title]]`, `[[Title|alias]]` and `![[file.png]]`; `\]`, `\[`, `\|` and `\\` escape. */
const wikiLink: TokenizerAndRendererExtension = {
  name: 'wikiLink',
  level: 'inline',
  start(src: string) {
    const index = src.search(/!?\[\[/)
    return index < 0 ? undefined : index
  },
  tokenizer(src: string) {
    const match = /^(!?)\[\[((?:\\.|[^\]\\\n|])+)(?:\|((?:\\.|[^\]\\\n])*))?\]\]/.exec(src)
    if (match === null) return undefined
    const unescape = (text: string): string => text.replace(/\\(.)/g, '$1').trim()
    const token: WikiToken = {
      type: 'wikiLink',
      raw: match[0],
      target: unescape(match[2] ?? ''),
      embed: match[1] === '!',
    }
    const alias = unescape(match[3] ?? '')
    if (alias !== '') token.alias = alias
    return token
  },
  renderer: () => '',
}

const lexer = new Marked({ gfm: true, extensions: [wikiLink] })

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
}

/** Marked leaves entities in text tokens for its HTML renderer; the body wants characters. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff
        ? String.fromCodePoint(code)
        : whole
    }
    return ENTITIES[name.toLowerCase()] ?? whole
  })
}

/** Inline content with images still in place; paragraphs split at them afterwards. */
type InlinePart = Inline | { type: 'image'; src: string; alt: string }

class Reader {
  readonly imageSources: string[] = []
  readonly warnings: ImportWarning[] = []

  warn(warning: ImportWarning): void {
    if (!this.warnings.some((w) => w.code === warning.code && w.detail === warning.detail)) {
      this.warnings.push(warning)
    }
  }

  image(src: string, alt: string): InlinePart[] {
    if (/^(https?:|data:|\/\/)/i.test(src)) {
      // The body stores image bytes, never addresses: an image on the web stays a link to it.
      this.warn({ code: 'external-image', detail: src.slice(0, 200) })
      return /^data:/i.test(src) ? (alt === '' ? [] : [alt]) : [{ text: alt || src, link: src }]
    }
    if (!this.imageSources.includes(src)) this.imageSources.push(src)
    return [{ type: 'image', src, alt }]
  }

  inline(tokens: readonly Token[] | undefined, marks: Marks): InlinePart[] {
    const out: InlinePart[] = []
    const text = (value: string): void => {
      if (value === '') return
      out.push(Object.keys(marks).length === 0 ? value : { text: value, ...marks })
    }
    for (const raw of tokens ?? []) {
      if (raw.type === 'wikiLink') {
        const wiki = raw as unknown as WikiToken
        if (wiki.embed) out.push(...this.image(wiki.target, ''))
        else {
          out.push(
            wiki.alias === undefined
              ? { type: 'noteLink', id: '', title: wiki.target }
              : { type: 'noteLink', id: '', title: wiki.target, alias: wiki.alias },
          )
        }
        continue
      }
      const token = raw as MarkedToken
      switch (token.type) {
        case 'text':
          if (token.tokens !== undefined && token.tokens.length > 0) {
            out.push(...this.inline(token.tokens, marks))
          } else {
            text(decodeEntities(token.text))
          }
          break
        case 'escape':
          text(decodeEntities(token.text))
          break
        case 'strong':
        case 'em':
        case 'del':
          out.push(...this.inline(token.tokens, { ...marks, [TOKEN_MARKS[token.type]]: true }))
          break
        case 'codespan':
          // Entities are literal inside code.
          out.push({ text: token.text, ...marks, code: true })
          break
        case 'br':
          out.push({ type: 'hardBreak' })
          break
        case 'link': {
          const href = token.href
          // A relative link to a Markdown file is a link to that note (by its file name).
          const noteFile = /^(?![a-z][a-z0-9+.-]*:)([^?#]*?)([^/?#]+)\.(md|markdown)$/i.exec(href)
          if (noteFile !== null) {
            out.push({ type: 'noteLink', id: '', title: safeDecode(noteFile[2] ?? '') })
          } else {
            out.push(...this.inline(token.tokens, { ...marks, link: href }))
          }
          break
        }
        case 'image':
          out.push(...this.image(safeDecode(token.href), decodeEntities(token.text)))
          break
        case 'html':
          if (/^<br\s*\/?>$/i.test(token.text.trim())) out.push({ type: 'hardBreak' })
          else text(token.text)
          break
        case 'checkbox':
          break
        default:
          text('text' in token && typeof token.text === 'string' ? token.text : token.raw)
      }
    }
    return out
  }

  /** A paragraph's parts: text between images become paragraphs, images image blocks. */
  textblock(tokens: readonly Token[] | undefined): Block[] {
    const blocks: Block[] = []
    let content: Inline[] = []
    const flush = (force: boolean): void => {
      content = trimEnds(mergeRuns(content))
      if (content.length > 0 || force) blocks.push({ type: 'paragraph', content })
      content = []
    }
    for (const part of this.inline(tokens, {})) {
      if (typeof part !== 'string' && 'type' in part && part.type === 'image') {
        flush(false)
        blocks.push(
          part.alt === ''
            ? { type: 'image', fileId: part.src }
            : { type: 'image', fileId: part.src, alt: part.alt },
        )
      } else {
        content.push(part)
      }
    }
    flush(blocks.length === 0)
    return blocks
  }

  /** Inline content only (table cells): images keep their description as text. */
  cell(tokens: readonly Token[] | undefined): Inline[] {
    return mergeRuns(
      this.inline(tokens, {}).map((part) =>
        typeof part !== 'string' && 'type' in part && part.type === 'image' ? part.alt : part,
      ),
    )
  }

  blocks(tokens: readonly Token[]): Block[] {
    const blocks: Block[] = []
    for (const raw of tokens) {
      const token = raw as MarkedToken
      switch (token.type) {
        case 'space':
        case 'def':
          break
        case 'heading': {
          if (token.depth > 3) this.warn({ code: 'heading-level', detail: String(token.depth) })
          const level = Math.min(3, Math.max(1, token.depth)) as HeadingLevel
          const [first, ...rest] = this.textblock(token.tokens)
          blocks.push({
            type: 'heading',
            level,
            content: first?.type === 'paragraph' ? first.content : [],
          })
          blocks.push(...(first?.type === 'paragraph' ? rest : [first, ...rest]).filter(isBlock))
          break
        }
        case 'paragraph':
        case 'text':
          blocks.push(
            ...this.textblock(token.tokens ?? [{ type: 'text', raw: '', text: token.text }]),
          )
          break
        case 'blockquote':
          blocks.push({ type: 'blockquote', children: this.blocks(token.tokens) })
          break
        case 'code':
          blocks.push(
            token.lang === undefined || token.lang.trim() === ''
              ? { type: 'codeBlock', text: token.text }
              : {
                  type: 'codeBlock',
                  language: token.lang.trim().split(/\s+/)[0],
                  text: token.text,
                },
          )
          break
        case 'hr':
          blocks.push({ type: 'horizontalRule' })
          break
        case 'table': {
          const header: TableCell[] = token.header.map((cell) => ({
            header: true,
            content: this.cell(cell.tokens),
          }))
          const rows: TableCell[][] = token.rows.map((row) =>
            row.map((cell) => ({ content: this.cell(cell.tokens) })),
          )
          blocks.push({ type: 'table', rows: [header, ...rows] })
          break
        }
        case 'list':
          blocks.push(this.list(token))
          break
        case 'html':
          blocks.push(...plainParagraphs(token.text))
          break
        default:
          if ('tokens' in token && Array.isArray(token.tokens)) {
            blocks.push(...this.textblock(token.tokens))
          } else if ('text' in token && typeof token.text === 'string') {
            blocks.push(...plainParagraphs(token.text))
          }
      }
    }
    return blocks
  }

  private item(tokens: readonly Token[]): { content: Inline[]; children: Block[] } {
    const blocks = this.blocks(tokens.filter((token) => token.type !== 'checkbox'))
    const [first, ...rest] = blocks
    if (first?.type === 'paragraph') return { content: first.content, children: rest }
    return { content: [], children: blocks }
  }

  private list(token: MarkedToken & { type: 'list' }): Block {
    // An empty task item (`- [ ]`) is not a task to marked; it is to a person.
    const emptyTask = (text: string): boolean => /^\[[ xX]\]$/.test(text.trim())
    const isTask = token.items.some((item) => item.task || emptyTask(item.text))
    if (isTask) {
      return {
        type: 'taskList',
        items: token.items.map((item) => {
          const empty = !item.task && emptyTask(item.text)
          const { content, children } = empty
            ? { content: [], children: [] }
            : this.item(item.tokens)
          const checked = item.task ? item.checked === true : /x/i.test(item.text)
          const task: TaskItem = { checked, content }
          if (children.length > 0) task.children = children
          return task
        }),
      }
    }
    const items = token.items.map((item) => {
      const { content, children } = this.item(item.tokens)
      return children.length === 0 ? content : { content, children }
    })
    if (!token.ordered) return { type: 'bulletList', items }
    const start = typeof token.start === 'number' ? token.start : 1
    return start === 1 ? { type: 'orderedList', items } : { type: 'orderedList', items, start }
  }
}

function isBreak(inline: Inline | undefined): boolean {
  return typeof inline === 'object' && 'type' in inline && inline.type === 'hardBreak'
}

function runOf(inline: Inline): TextRun | undefined {
  if (typeof inline === 'string') return { text: inline }
  return 'text' in inline ? inline : undefined
}

function sameMarks(a: TextRun, b: TextRun): boolean {
  return (
    a.bold === b.bold &&
    a.italic === b.italic &&
    a.strike === b.strike &&
    a.code === b.code &&
    a.link === b.link
  )
}

/** Joins neighbouring runs with the same marks (marked splits text at every escape). */
function mergeRuns(content: readonly Inline[]): Inline[] {
  const out: Inline[] = []
  for (const inline of content) {
    const last = out[out.length - 1]
    const a = last === undefined ? undefined : runOf(last)
    const b = runOf(inline)
    if (a !== undefined && b !== undefined && sameMarks(a, b)) {
      const text = a.text + b.text
      out[out.length - 1] = typeof last === 'string' ? text : { ...a, text }
    } else {
      out.push(inline)
    }
  }
  return out
}

/** A paragraph's ends: no breaks, no spaces (Markdown drops them too). */
function trimEnds(content: Inline[]): Inline[] {
  const out = [...content]
  while (out.length > 0 && isBreak(out[out.length - 1])) out.pop()
  while (out.length > 0 && isBreak(out[0])) out.shift()
  const trim = (index: number, side: 'start' | 'end'): void => {
    const item = out[index]
    if (item === undefined) return
    const run = runOf(item)
    if (run === undefined || run.code === true) return
    const text = side === 'start' ? run.text.trimStart() : run.text.trimEnd()
    if (text === '') out.splice(index, 1)
    else out[index] = typeof item === 'string' ? text : { ...run, text }
  }
  trim(out.length - 1, 'end')
  trim(0, 'start')
  return out
}

function isBlock(block: Block | undefined): block is Block {
  return block !== undefined
}

function plainParagraphs(text: string): Block[] {
  return text
    .split(/\n{2,}/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => ({ type: 'paragraph', content: [part] }))
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/** Parses the body of a Markdown file (front-matter already taken off). */
export function markdownToBlocks(markdown: string): ParsedMarkdown {
  const reader = new Reader()
  const blocks = reader.blocks(lexer.lexer(markdown))
  return { blocks, imageSources: reader.imageSources, warnings: reader.warnings }
}
