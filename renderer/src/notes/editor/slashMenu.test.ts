import { describe, expect, it } from 'vitest'
import { linkQuery } from './noteLinkSuggest'
import { SLASH_ITEMS, slashItems } from './slashMenu'

const keys = (query: string, withImage = true) => slashItems(query, withImage).map((i) => i.key)

describe('slash menu entries', () => {
  it('offers every agreed block, image only where images can be added', () => {
    expect(SLASH_ITEMS.map((item) => item.key)).toEqual([
      'text',
      'heading1',
      'heading2',
      'heading3',
      'bulletList',
      'orderedList',
      'taskList',
      'quote',
      'codeBlock',
      'table',
      'divider',
      'image',
    ])
    expect(keys('')).toHaveLength(12)
    expect(keys('', false)).not.toContain('image')
    expect(keys('bilde', false)).toEqual([])
  })

  it('filters by the labels in both languages and by keywords', () => {
    expect(keys('overskrift')).toEqual(['heading1', 'heading2', 'heading3'])
    expect(keys('heading 2')).toEqual(['heading2'])
    expect(keys('tabell')).toEqual(['table'])
    expect(keys('todo')).toEqual(['taskList'])
    expect(keys('sjekk')).toEqual(['taskList'])
    expect(keys('h3')).toEqual(['heading3'])
    expect(keys('bilde')).toEqual(['image'])
    expect(keys('quote')[0]).toBe('quote')
    expect(keys('qqq')).toEqual([])
  })
})

describe('linkQuery', () => {
  it('drops a closing ]] and outer spaces from the text after [[', () => {
    expect(linkQuery('Varme ')).toBe('Varme')
    expect(linkQuery('Varme]]')).toBe('Varme')
    expect(linkQuery('Varme]')).toBe('Varme')
    expect(linkQuery('')).toBe('')
  })
})
