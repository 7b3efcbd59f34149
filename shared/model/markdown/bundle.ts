import { unzipSync } from 'fflate'
import { MAX_NOTE_FILE_BYTES, type NoteImageType } from '../noteFiles'
import type { Block } from '../richText'
import {
  FrontMatterError,
  parseFrontMatter,
  splitFrontMatter,
  type NoteFrontMatter,
} from './frontMatter'
import { markdownToBlocks } from './fromMarkdown'
import {
  IMAGE_EXTENSION_TYPES,
  MARKDOWN_EXTENSIONS,
  MAX_IMPORT_FILES,
  MAX_MARKDOWN_FILE_BYTES,
  MAX_UNZIPPED_BYTES,
  type ImportWarning,
  type Refusal,
} from './mapping'
import { mapBlocks } from './walk'

/**
 * Reading what a person uploads for import — a .zip, or Markdown files — into notes, without
 * touching any workspace. Everything is parsed first; a file that cannot be read is refused
 * with its name and reason and contributes nothing (not even its readable parts), and the
 * others are returned whole. Pure: runs on the host and in tests alike.
 */
export type ImportFile = { name: string; bytes: Uint8Array }

export type ImportImage = { bytes: Uint8Array; type: NoteImageType; name: string }

export type ParsedNoteFile = {
  /** Its path in the upload, as shown to the person. */
  file: string
  title: string
  front: NoteFrontMatter
  /** Note links carry their `title` (id empty); images carry their upload path as `fileId`. */
  blocks: Block[]
  /** The images the blocks show, by upload path. */
  images: Map<string, ImportImage>
  warnings: ImportWarning[]
}

export type ParsedBundle = { notes: ParsedNoteFile[]; refused: Refusal[] }

const utf8 = new TextDecoder('utf-8', { fatal: true })

function extension(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase()
}

function isMarkdownPath(path: string): boolean {
  return (MARKDOWN_EXTENSIONS as readonly string[]).includes(extension(path))
}

/** Files a zip tool or an editor leaves behind: folders, `__MACOSX/`, `.DS_Store`, `.obsidian/`. */
function isNoise(path: string): boolean {
  return (
    path.endsWith('/') ||
    path.split('/').some((part) => part.startsWith('.') || part === '__MACOSX')
  )
}

/**
 * A path inside the upload, with `/` separators; undefined for a name that climbs out of it
 * (`../x.md`), is absolute (`/x.md`, `C:\x.md`) or holds a NUL.
 */
export function safeUploadPath(name: string): string | undefined {
  const path = name.replace(/\\/g, '/')
  if (path.includes('\0') || path.startsWith('/') || /^[a-z]:/i.test(path)) return undefined
  const parts = path.split('/').filter((part) => part !== '' && part !== '.')
  if (parts.some((part) => part === '..')) return undefined
  return parts.join('/') + (path.endsWith('/') ? '/' : '')
}

/** The image type a file's first bytes say it is (PNG, JPEG, GIF, WebP), or undefined. */
export function sniffImageType(bytes: Uint8Array): NoteImageType | undefined {
  const at = (i: number): number => bytes[i] ?? -1
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'image/png'
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg'
  if (at(0) === 0x47 && at(1) === 0x49 && at(2) === 0x46 && at(3) === 0x38) return 'image/gif'
  const riff = String.fromCharCode(at(0), at(1), at(2), at(3))
  const webp = String.fromCharCode(at(8), at(9), at(10), at(11))
  if (riff === 'RIFF' && webp === 'WEBP') return 'image/webp'
  return undefined
}

type Unpacked = { files: ImportFile[]; refused: Refusal[]; tooLarge: Set<string> }

/**
 * The entries of a zip. Entries that cannot be unpacked, or whose names are unsafe, are
 * refused one by one; a file that is no zip at all is one refusal. Oversized entries are not
 * unpacked at all (their declared size is enough to refuse them).
 */
export function unpackZip(name: string, bytes: Uint8Array): Unpacked {
  const refused: Refusal[] = []
  const tooLarge = new Set<string>()
  const wanted = new Map<string, string>()
  let total = 0
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        const path = safeUploadPath(entry.name)
        if (path === undefined) {
          refused.push({ file: entry.name, reason: 'unsafe-path' })
          return false
        }
        if (isNoise(path)) return false
        const limit = isMarkdownPath(path) ? MAX_MARKDOWN_FILE_BYTES : MAX_NOTE_FILE_BYTES
        if (entry.originalSize > limit) {
          if (isMarkdownPath(path)) refused.push({ file: path, reason: 'too-large' })
          else tooLarge.add(path)
          return false
        }
        total += entry.originalSize
        wanted.set(entry.name, path)
        return false
      },
    })
  } catch (error) {
    return {
      files: [],
      refused: [{ file: name, reason: 'damaged-zip', detail: String(error) }],
      tooLarge,
    }
  }
  if (total > MAX_UNZIPPED_BYTES || wanted.size > MAX_IMPORT_FILES) {
    return { files: [], refused: [{ file: name, reason: 'too-many-files' }], tooLarge }
  }
  const files: ImportFile[] = []
  let unpacked: Record<string, Uint8Array> | undefined
  try {
    unpacked = unzipSync(bytes, { filter: (entry) => wanted.has(entry.name) })
  } catch {
    // One entry is broken; unpack them one by one to find out which.
    unpacked = {}
    for (const entryName of wanted.keys()) {
      try {
        Object.assign(unpacked, unzipSync(bytes, { filter: (entry) => entry.name === entryName }))
      } catch (error) {
        refused.push({
          file: wanted.get(entryName) ?? entryName,
          reason: 'damaged-entry',
          detail: String(error),
        })
      }
    }
  }
  for (const [entryName, data] of Object.entries(unpacked)) {
    const path = wanted.get(entryName)
    if (path !== undefined) files.push({ name: path, bytes: data })
  }
  return { files, refused, tooLarge }
}

/** The folder part of a path, with a trailing `/` (empty at the top). */
function folder(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1)
}

function stem(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  return dot <= 0 ? base : base.slice(0, dot)
}

/** Where an image source written in a note points in the upload, if anywhere. */
function resolveImage(
  src: string,
  notePath: string,
  paths: ReadonlySet<string>,
  byName: ReadonlyMap<string, string[]>,
): string | undefined {
  const relative = safeUploadPath(`${folder(notePath)}${src.replace(/^\.\//, '')}`)
  if (relative !== undefined && paths.has(relative)) return relative
  const fromTop = safeUploadPath(src.replace(/^\.?\//, ''))
  if (fromTop !== undefined && paths.has(fromTop)) return fromTop
  // Obsidian embeds (`![[picture.png]]`) name the file only.
  const base = src.slice(src.lastIndexOf('/') + 1).toLowerCase()
  const matches = byName.get(base) ?? []
  return matches.length === 1 ? matches[0] : undefined
}

/** Reads Markdown files (and the images they show) into notes; see the module comment. */
export function parseImportFiles(input: {
  files: readonly ImportFile[]
  refused?: readonly Refusal[]
  tooLarge?: ReadonlySet<string>
}): ParsedBundle {
  const refused: Refusal[] = [...(input.refused ?? [])]
  const others = new Map<string, Uint8Array>()
  const byName = new Map<string, string[]>()
  const markdown: ImportFile[] = []
  for (const file of input.files) {
    const path = safeUploadPath(file.name)
    if (path === undefined) {
      refused.push({ file: file.name, reason: 'unsafe-path' })
      continue
    }
    if (isNoise(path)) continue
    if (isMarkdownPath(path)) {
      markdown.push({ name: path, bytes: file.bytes })
      continue
    }
    others.set(path, file.bytes)
  }
  const tooLarge = input.tooLarge ?? new Set<string>()
  const allPaths = new Set([...others.keys(), ...tooLarge])
  for (const path of allPaths) {
    const base = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
    byName.set(base, [...(byName.get(base) ?? []), path])
  }

  const notes: ParsedNoteFile[] = []
  const referenced = new Set<string>()
  for (const file of markdown) {
    const refuse = (reason: Refusal['reason'], detail?: string): void => {
      refused.push(
        detail === undefined ? { file: file.name, reason } : { file: file.name, reason, detail },
      )
    }
    if (file.bytes.byteLength > MAX_MARKDOWN_FILE_BYTES) {
      refuse('too-large')
      continue
    }
    let text: string
    try {
      text = utf8.decode(file.bytes).replace(/^\uFEFF/, '')
    } catch {
      refuse('not-utf8')
      continue
    }
    const warnings: ImportWarning[] = []
    let front: NoteFrontMatter
    let body: string
    try {
      const split = splitFrontMatter(text)
      front = parseFrontMatter(split.yaml, warnings)
      body = split.body
    } catch (error) {
      if (!(error instanceof FrontMatterError)) throw error
      refuse('front-matter', error.message)
      continue
    }
    const parsed = markdownToBlocks(body)
    const images = new Map<string, ImportImage>()
    const resolved = new Map<string, string>()
    let problem: Refusal | undefined
    for (const src of parsed.imageSources) {
      const path = resolveImage(src, file.name, allPaths, byName)
      if (path !== undefined) referenced.add(path)
      const bytes = path === undefined ? undefined : others.get(path)
      if (path === undefined) {
        problem = { file: file.name, reason: 'image-missing', detail: src }
      } else if (
        tooLarge.has(path) ||
        (bytes !== undefined && bytes.byteLength > MAX_NOTE_FILE_BYTES)
      ) {
        problem = { file: file.name, reason: 'image-too-large', detail: path }
      } else {
        const type = bytes === undefined ? undefined : sniffImageType(bytes)
        const declared = IMAGE_EXTENSION_TYPES[extension(path)]
        if (bytes === undefined || type === undefined || declared === undefined) {
          problem = { file: file.name, reason: 'image-type', detail: path }
        } else {
          images.set(path, { bytes, type, name: path.slice(path.lastIndexOf('/') + 1) })
          resolved.set(src, path)
        }
      }
      if (problem !== undefined) break
    }
    if (problem !== undefined) {
      refused.push(problem)
      continue
    }
    notes.push({
      file: file.name,
      title: front.title ?? stem(file.name),
      front,
      blocks: mapBlocks(parsed.blocks, {
        image: (image) => ({ ...image, fileId: resolved.get(image.fileId) ?? image.fileId }),
      }),
      images,
      warnings: [...warnings, ...parsed.warnings],
    })
  }
  // Other files no note shows (a PDF, a canvas…) are named, so nobody wonders where they went.
  for (const path of others.keys()) {
    if (!referenced.has(path) && IMAGE_EXTENSION_TYPES[extension(path)] === undefined) {
      refused.push({ file: path, reason: 'not-markdown' })
    }
  }
  return { notes, refused }
}

/** An upload as the import API receives it: one .zip, or one Markdown file. */
export function readImportUpload(input: { name: string; bytes: Uint8Array }): ParsedBundle {
  if (extension(input.name) === 'zip' || isZip(input.bytes)) {
    const { files, refused, tooLarge } = unpackZip(input.name, input.bytes)
    return parseImportFiles({ files, refused, tooLarge })
  }
  return parseImportFiles({ files: [input] })
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
}
