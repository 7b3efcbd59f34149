import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_ITEM_TEXT } from '../../../../shared/model/board/items'
import { applyTyping, diffText, moveCaret, observeOthers } from './textBinding'

const ORIGIN = { kind: 'test-typing' }

function sharedText(initial: string): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  text.insert(0, initial)
  return { doc, text }
}

describe('text diff', () => {
  it('finds the one edit between two strings', () => {
    expect(diffText('bark', 'bark')).toBeUndefined()
    expect(diffText('bark', 'barken')).toEqual({ index: 4, remove: 0, insert: 'en' })
    expect(diffText('spillvarme', 'spillvann')).toEqual({ index: 7, remove: 3, insert: 'nn' })
    expect(diffText('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' })
  })

  it('never splits an emoji in two', () => {
    // 😀 and 😃 share their first UTF-16 unit.
    const edit = diffText('a😀b', 'a😃b')
    expect(edit).toEqual({ index: 1, remove: 2, insert: '😃' })
  })
})

describe('typing into a shared text', () => {
  it('applies only the difference, in one transaction with the given origin', () => {
    const { text } = sharedText('felles innkjøp')
    const origins: unknown[] = []
    const deltas: unknown[] = []
    // (Reading a delta runs a transaction of Yjs's own, so origins are taken per text event.)
    text.observe((event, transaction) => {
      origins.push(transaction.origin)
      deltas.push(event.delta)
    })
    applyTyping(text, 'felles innkjøp av flis', ORIGIN)
    expect(text.toJSON()).toBe('felles innkjøp av flis')
    expect(origins).toEqual([ORIGIN])
    expect(deltas).toEqual([[{ retain: 14 }, { insert: ' av flis' }]])
  })

  it('merges with someone typing elsewhere in the same text', () => {
    const { doc, text } = sharedText('bark')
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    applyTyping(text, 'bark og flis', ORIGIN)
    other.getText('t').insert(0, 'Tørr ')
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other))
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc))
    expect(text.toJSON()).toBe('Tørr bark og flis')
    expect(other.getText('t').toJSON()).toBe('Tørr bark og flis')
  })

  it('cuts text beyond the longest an item keeps', () => {
    const { text } = sharedText('')
    applyTyping(text, 'x'.repeat(MAX_ITEM_TEXT + 10), ORIGIN)
    expect(text.length).toBe(MAX_ITEM_TEXT)
  })

  it('hears others and undo, not its own typing', () => {
    const { doc, text } = sharedText('ab')
    const heard: string[] = []
    const stop = observeOthers(text, ORIGIN, () => heard.push(text.toJSON()))
    applyTyping(text, 'abc', ORIGIN)
    doc.transact(() => text.insert(0, 'x'), 'remote')
    stop()
    doc.transact(() => text.insert(0, 'y'), 'remote')
    expect(heard).toEqual(['xabc'])
  })
})

describe('caret', () => {
  it('moves with text inserted or removed before it, and stays for text after it', () => {
    expect(moveCaret(5, [{ insert: 'abc' }])).toBe(8)
    expect(moveCaret(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5)
    expect(moveCaret(5, [{ retain: 1 }, { delete: 2 }])).toBe(3)
    expect(moveCaret(5, [{ retain: 3 }, { delete: 4 }])).toBe(3)
    // Someone typing right at my caret: my caret stays before their text.
    expect(moveCaret(5, [{ retain: 5 }, { insert: 'z' }])).toBe(5)
  })
})
