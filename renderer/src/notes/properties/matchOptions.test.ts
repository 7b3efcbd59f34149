import { describe, expect, it } from 'vitest'
import { hasExactOption, matchOptions, matchScore } from './matchOptions'

const options = [
  { key: '1', label: 'Biobaserte bindemidler' },
  { key: '2', label: 'Robotcelle for små serier' },
  { key: '3', label: 'Robotisert sveising' },
  { key: '4', label: 'Varmegjenvinning' },
  { key: '5', label: 'Lasersveising' },
]

describe('matching vocabulary options', () => {
  it('ranks the whole name, then a prefix, then a word start, then anywhere, then in-order letters', () => {
    expect(matchScore('varmegjenvinning', 'Varmegjenvinning')).toBe(0)
    expect(matchScore('robot', 'Robotcelle for små serier')).toBe(1)
    expect(matchScore('små', 'Robotcelle for små serier')).toBe(2)
    expect(matchScore('sveis', 'Lasersveising')).toBe(3)
    expect(matchScore('robcel', 'Robotcelle for små serier')).toBe(4)
    expect(matchScore('xyz', 'Robotcelle for små serier')).toBeUndefined()
  })

  it('ignores case and accents but keeps æ, ø and å', () => {
    expect(matchScore('SMA', 'Robotcelle for små serier')).toBeUndefined()
    expect(matchScore('SMÅ', 'Robotcelle for små serier')).toBe(2)
    expect(matchScore('varme', 'Vármegjenvinning')).toBe(1)
  })

  it('orders matches best first and keeps the input order within a rank', () => {
    expect(matchOptions('sveis', options).map((o) => o.key)).toEqual(['3', '5'])
    expect(matchOptions('rob', options).map((o) => o.key)).toEqual(['2', '3'])
    expect(matchOptions('', options)).toHaveLength(5)
    expect(matchOptions('', options, 2)).toHaveLength(2)
  })

  it('knows when the typed text already names an option', () => {
    expect(hasExactOption(' lasersveising ', options)).toBe(true)
    expect(hasExactOption('laser', options)).toBe(false)
    expect(hasExactOption('  ', options)).toBe(false)
  })
})
