import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../tests/integration/seededRandom'
import { listItemParts, type Block, type Inline, type TextRun } from '../richText'
import { markdownToBlocks } from './fromMarkdown'
import { blocksToMarkdown } from './toMarkdown'

/**
 * Random paragraphs of text full of Markdown's special characters, under random marks, must
 * read back as the same text and marks. Marked runs begin and end with a letter: Markdown
 * cannot open or close emphasis between a letter and punctuation (`a*!b*` is not italic), nor
 * around a code span (`a**\`x\`**`), a limit of the format that no escaping can lift.
 */
const ALPHABET = [
  ...'abcæøå XYZ 019',
  ...'*_`~[]()<>#|\\!&;:-+=.,\'"{}^%$@/',
  '&amp;',
  '&#42;',
  '**',
  '__',
  '~~',
  '```',
  '[[',
  ']]',
  '](x)',
  '<br>',
  'http://x.no',
  '1. ',
  '- ',
  '> ',
  '# ',
]

const LETTERS = 'abcæøåXYZ'

function word(random: () => number): string {
  const letter = (): string => LETTERS[Math.floor(random() * LETTERS.length)] as string
  let text = letter()
  const length = Math.floor(random() * 6)
  for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(random() * ALPHABET.length)]
  return text + letter()
}

/** Runs with their marks in one key order, neighbours with equal marks joined. */
function canonical(content: readonly Inline[]): unknown[] {
  const out: { text: string; marks: string }[] = []
  for (const inline of content) {
    if (typeof inline === 'object' && !('text' in inline)) continue
    const run: TextRun = typeof inline === 'string' ? { text: inline } : inline
    const marks = key(run)
    const last = out[out.length - 1]
    if (last !== undefined && last.marks === marks) last.text += run.text
    else out.push({ text: run.text, marks })
  }
  return out
}

function run(random: () => number, simple = false): TextRun {
  let marks = Math.floor(random() * 32)
  // Simple: at most one of bold, italic, strike (with or without a link), or code, and runs
  // are words apart.
  if (simple && (marks & 7) !== 0) marks = (marks & ~7) | [1, 2, 4][Math.floor(random() * 3)]!
  const result: TextRun = { text: word(random) }
  if (marks & 1) result.bold = true
  if (marks & 2) result.italic = true
  if (marks & 4) result.strike = true
  // Code stands alone: emphasis around a code span next to a letter does not parse either.
  if (marks & 8 && !(marks & 16)) return { text: result.text, code: true }
  if (marks & 16) result.link = 'https://example.com/a'
  return result
}

function key(run: TextRun): string {
  return JSON.stringify([run.bold, run.italic, run.strike, run.code, run.link])
}

function paragraph(random: () => number, simple = false): Inline[] {
  const content: Inline[] = []
  const count = 1 + Math.floor(random() * 5)
  let previous: TextRun | undefined
  for (let i = 0; i < count; i++) {
    let next = run(random, simple)
    while (previous !== undefined && key(next) === key(previous)) next = run(random, simple)
    const emphasis = (r: TextRun): boolean =>
      r.bold === true || r.italic === true || r.strike === true
    // Emphasis that starts or ends right against a link's bracket cannot always be told apart.
    const tight =
      previous !== undefined &&
      (previous.link !== undefined || next.link !== undefined) &&
      (emphasis(previous) || emphasis(next))
    if (previous !== undefined && (simple || tight || random() < 0.5)) {
      content.push(' ')
      previous = { text: ' ' }
    }
    content.push(Object.keys(next).length === 1 ? next.text : next)
    previous = next
  }
  return content
}

/**
 * A backslash right before a pipe inside code cannot be written in a GFM table cell (the
 * pipe's escape and the backslash's collide), so table cells get no code.
 */
function cell(content: Inline[]): Inline[] {
  return content.map((inline) =>
    typeof inline === 'object' && 'text' in inline && inline.code === true ? inline.text : inline,
  )
}

/** The inline contents of a block tree, in order, each made canonical. */
function contents(blocks: readonly Block[]): unknown[] {
  const found: unknown[] = []
  for (const block of blocks) {
    if (block.type === 'paragraph' || block.type === 'heading') found.push(canonical(block.content))
    else if (block.type === 'bulletList') {
      for (const item of block.items) found.push(canonical(listItemParts(item).content))
    } else if (block.type === 'table') {
      for (const row of block.rows) for (const cell of row) found.push(canonical(cell.content))
    } else if (block.type === 'blockquote') found.push(...contents(block.children))
  }
  return found
}

describe('Markdown round trip of random text', () => {
  it('keeps 1000 random texts in paragraphs, headings, list items, quotes and table cells', () => {
    const failures: { seed: number; markdown: string }[] = []
    for (let seed = 1; seed <= 1000; seed++) {
      const random = seededRandom(seed)
      const blocks: Block[] = [
        { type: 'paragraph', content: paragraph(random) },
        { type: 'heading', level: 2, content: paragraph(random, true) },
        { type: 'bulletList', items: [paragraph(random, true), paragraph(random, true)] },
        { type: 'blockquote', children: [{ type: 'paragraph', content: paragraph(random, true) }] },
        {
          type: 'table',
          rows: [
            [{ header: true, content: cell(paragraph(random, true)) }],
            [{ content: cell(paragraph(random, true)) }],
          ],
        },
      ]
      const markdown = blocksToMarkdown(blocks, {
        noteTitle: () => undefined,
        imageSrc: () => undefined,
      })
      const back = markdownToBlocks(markdown).blocks
      if (JSON.stringify(contents(back)) !== JSON.stringify(contents(blocks))) {
        failures.push({ seed, markdown })
      }
    }
    expect(failures.slice(0, 3)).toEqual([])
  })
})
