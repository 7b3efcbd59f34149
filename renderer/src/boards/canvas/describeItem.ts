import type { TFunction } from 'i18next'
import type { BoardItem } from '../../../../shared/model/board/items'
import type { VoteBadge } from './drawOverlay'

/** Longest piece of an item's text read out (a screen reader user can open the item for more). */
const SPOKEN_TEXT = 140

function quote(text: string, t: TFunction): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat === '') return t('boardCanvas.describe.empty')
  const cut = flat.length > SPOKEN_TEXT ? `${flat.slice(0, SPOKEN_TEXT - 1).trimEnd()}…` : flat
  return t('boardCanvas.describe.text', { text: cut })
}

/**
 * An item as a sentence for screen readers and the canvas's live region: "Sticky by Ada:
 * «text», 3 votes, locked". Arrows name the items at their ends.
 */
export function describeItem(
  item: BoardItem,
  t: TFunction,
  extras: {
    votes?: VoteBadge | undefined
    from?: BoardItem | undefined
    to?: BoardItem | undefined
  } = {},
): string {
  let head: string
  if (item.kind === 'connector') {
    const end = (other: BoardItem | undefined): string =>
      other === undefined ? t('boardCanvas.describe.unknownEnd') : quote(other.text, t)
    head = t('boardCanvas.describe.connector', { from: end(extras.from), to: end(extras.to) })
    if (item.text.trim() !== '') head += `: ${quote(item.text, t)}`
  } else {
    const kind = t(`boardCanvas.kind.${item.kind}`)
    const who =
      item.author.trim() === ''
        ? kind
        : t('boardCanvas.describe.byAuthor', { kind, author: item.author })
    const text = item.kind === 'image' ? (item.alt ?? item.text) : item.text
    head = `${who}: ${quote(text, t)}`
  }
  const parts = [head]
  const votes = extras.votes
  if (votes !== undefined && votes.count > 0) {
    parts.push(
      votes.mine
        ? t('boardCanvas.describe.myVotes', { count: votes.count })
        : t('boardCanvas.describe.votes', { count: votes.count }),
    )
  }
  if (item.locked) parts.push(t('boardCanvas.describe.locked'))
  if (item.hidden) parts.push(t('boardCanvas.describe.hidden'))
  return parts.join(', ')
}
