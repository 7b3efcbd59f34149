import { tokenize } from '../../../../shared/search/terms'

/**
 * Which palette commands a query names. Commands are few and their names short, so no index:
 * every word typed must begin a word of the command's label or keywords (folded like search:
 * "ny no" finds "Nytt notat", "tem" finds "Bytt til mørkt utseende" by its keyword "tema").
 */
export type Matchable = { label: string; keywords: string }

const known = new Map<string, string[]>()

/** A command's words, folded once (the same few labels come back on every keystroke). */
function wordsOf(text: string): string[] {
  let words = known.get(text)
  if (words === undefined) {
    words = tokenize(text)
    if (known.size > 200) known.clear()
    known.set(text, words)
  }
  return words
}

export function commandMatches(command: Matchable, query: string): boolean {
  const words = tokenize(query)
  if (words.length === 0) return true
  const own = wordsOf(`${command.label} ${command.keywords}`)
  return words.every((word) => own.some((candidate) => candidate.startsWith(word)))
}

/** The commands `query` names, in their own order. */
export function matchCommands<T extends Matchable>(commands: readonly T[], query: string): T[] {
  return commands.filter((command) => commandMatches(command, query))
}
