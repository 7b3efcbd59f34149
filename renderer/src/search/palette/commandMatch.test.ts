import { describe, expect, it } from 'vitest'
import { commandMatches, matchCommands } from './commandMatch'

const commands = [
  { id: 'newNote', label: 'Nytt notat', keywords: 'lag opprett new note' },
  { id: 'theme', label: 'Bytt til mørkt utseende', keywords: 'tema dark theme' },
  { id: 'map', label: 'Åpne kompetansekartet', keywords: 'matrise map' },
]

describe('palette command matching', () => {
  it('finds a command by the beginnings of its words, in any order', () => {
    expect(commandMatches(commands[0]!, 'ny no')).toBe(true)
    expect(commandMatches(commands[0]!, 'notat nytt')).toBe(true)
    expect(commandMatches(commands[0]!, 'new')).toBe(true)
    expect(commandMatches(commands[0]!, 'otat')).toBe(false)
  })

  it('folds æ, ø and å both ways', () => {
    expect(commandMatches(commands[1]!, 'morkt')).toBe(false)
    expect(commandMatches(commands[1]!, 'moerkt')).toBe(true)
    expect(commandMatches(commands[2]!, 'aapne')).toBe(true)
    expect(commandMatches(commands[2]!, 'Åpne kart')).toBe(false)
    expect(commandMatches(commands[2]!, 'Åpne kompetanse')).toBe(true)
  })

  it('keeps every command for an empty query, in order', () => {
    expect(matchCommands(commands, '  ').map((c) => c.id)).toEqual(['newNote', 'theme', 'map'])
    expect(matchCommands(commands, 'dark').map((c) => c.id)).toEqual(['theme'])
  })
})
