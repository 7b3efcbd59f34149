import { describe, expect, it } from 'vitest'
import type { BlockChange } from '../../../../shared/model/historyDiff'
import { foldUnchanged } from './foldUnchanged'

const same = (text: string): BlockChange => ({ kind: 'same', type: 'paragraph', text })
const added = (text: string): BlockChange => ({ kind: 'added', type: 'paragraph', text })

describe('folding unchanged blocks', () => {
  it('folds long unchanged stretches, keeping one block of context next to each change', () => {
    const changes = [
      same('a'),
      same('b'),
      same('c'),
      added('X'),
      same('d'),
      same('e'),
      same('f'),
      same('g'),
      added('Y'),
      same('h'),
      same('i'),
      same('j'),
    ]
    expect(foldUnchanged(changes)).toEqual([
      { kind: 'fold', changes: [same('a'), same('b')] },
      same('c'),
      added('X'),
      same('d'),
      { kind: 'fold', changes: [same('e'), same('f')] },
      same('g'),
      added('Y'),
      same('h'),
      { kind: 'fold', changes: [same('i'), same('j')] },
    ])
  })

  it('does not fold a single block: the fold row would be as long as the block', () => {
    const changes = [same('a'), added('X'), same('b'), same('c'), same('d'), added('Y')]
    expect(foldUnchanged(changes)).toEqual(changes)
  })
})
