import { parseDocument, stringify } from 'yaml'
import { FRONT_MATTER_KEYS, type ImportWarning } from './mapping'

/**
 * The YAML front-matter of an exported note: what the note record holds besides its body.
 * Company and competences are written by name (ids mean nothing outside this workspace),
 * times as ISO 8601. Reading is lenient about shape (a tag list may be one comma-separated
 * string, a number is read as text) and strict about syntax: YAML that does not parse makes
 * the whole file unreadable.
 */
export type NoteFrontMatter = {
  title?: string
  type?: string
  company?: string
  tags: string[]
  competences: string[]
  created?: number
  updated?: number
  createdBy?: string
  updatedBy?: string
  kryssId?: string
}

export class FrontMatterError extends Error {}

const OPEN = /^---[ \t]*\r?\n/
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m

/** Splits `---\n…\n---\n` off the start of a file. Throws when it is opened and not closed. */
export function splitFrontMatter(text: string): { yaml: string | undefined; body: string } {
  const open = OPEN.exec(text)
  if (open === null) return { yaml: undefined, body: text }
  const rest = text.slice(open[0].length)
  const close = CLOSE.exec(rest)
  if (close === null) {
    throw new FrontMatterError('The front-matter starts with --- but is never closed.')
  }
  const yaml = rest.slice(0, close.index)
  const body = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '')
  return { yaml, body }
}

function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return undefined
}

function asList(value: unknown): string[] {
  if (Array.isArray(value)) {
    return value.map(asText).filter((item): item is string => item !== undefined)
  }
  const text = asText(value)
  return text === undefined
    ? []
    : text
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '')
}

function asTime(value: unknown, key: string, warnings: ImportWarning[]): number | undefined {
  if (value === undefined || value === null) return undefined
  const time =
    typeof value === 'number'
      ? value
      : value instanceof Date
        ? value.getTime()
        : typeof value === 'string'
          ? Date.parse(value)
          : NaN
  if (!Number.isFinite(time)) {
    warnings.push({
      code: 'bad-date',
      detail: `${key}: ${(JSON.stringify(value) ?? '').slice(0, 60)}`,
    })
    return undefined
  }
  return time
}

/** Reads the YAML between the front-matter fences. Throws {@link FrontMatterError}. */
export function parseFrontMatter(
  yaml: string | undefined,
  warnings: ImportWarning[] = [],
): NoteFrontMatter {
  if (yaml === undefined || yaml.trim() === '') return { tags: [], competences: [] }
  const doc = parseDocument(yaml, { prettyErrors: false })
  const error = doc.errors[0]
  if (error !== undefined) throw new FrontMatterError(error.message.split('\n')[0] ?? '')
  const data: unknown = doc.toJS()
  if (data === null || data === undefined) return { tags: [], competences: [] }
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new FrontMatterError('The front-matter is not a list of "key: value" lines.')
  }
  const record = data as Record<string, unknown>
  const K = FRONT_MATTER_KEYS
  const front: NoteFrontMatter = {
    tags: asList(record[K.tags]),
    competences: asList(record[K.competences]),
  }
  const set = <Key extends keyof NoteFrontMatter>(
    key: Key,
    value: NoteFrontMatter[Key] | undefined,
  ): void => {
    if (value !== undefined) front[key] = value
  }
  set('title', asText(record[K.title]))
  set('type', asText(record[K.type]))
  set('company', asText(record[K.company]))
  set('created', asTime(record[K.created], K.created, warnings))
  set('updated', asTime(record[K.updated], K.updated, warnings))
  set('createdBy', asText(record[K.createdBy]))
  set('updatedBy', asText(record[K.updatedBy]))
  set('kryssId', asText(record[K.kryssId]))
  return front
}

function isoTime(time: number | undefined): string | undefined {
  return time === undefined || !Number.isFinite(time) ? undefined : new Date(time).toISOString()
}

/** The front-matter block, fences included, ending with a newline. */
export function writeFrontMatter(front: NoteFrontMatter): string {
  const K = FRONT_MATTER_KEYS
  const record: Record<string, unknown> = {}
  const put = (key: string, value: unknown): void => {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) return
    record[key] = value
  }
  put(K.title, front.title)
  put(K.type, front.type)
  put(K.company, front.company)
  put(K.tags, front.tags)
  put(K.competences, front.competences)
  put(K.created, isoTime(front.created))
  put(K.updated, isoTime(front.updated))
  put(K.createdBy, front.createdBy)
  put(K.updatedBy, front.updatedBy)
  put(K.kryssId, front.kryssId)
  return `---\n${stringify(record, { lineWidth: 0 })}---\n`
}
