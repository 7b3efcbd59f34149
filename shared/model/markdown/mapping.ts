import { FILE_EXTENSIONS, type NoteImageType } from '../noteFiles'

/**
 * The mapping tables between Kryss notes and Markdown files, in one place: the Markdown
 * written for each mark, the front-matter keys, image file types, the folder images go in,
 * and the limits and reasons of an import. The writer (toMarkdown.ts), the reader
 * (fromMarkdown.ts, frontMatter.ts, bundle.ts) and the UI's messages all take them from here.
 */

/** Markdown delimiters of the marks (GFM). Code spans and links are written by rule. */
export const MARK_DELIMITERS = { bold: '**', italic: '*', strike: '~~' } as const

/** Order marks nest in, outermost first; code is always innermost. */
export const MARK_ORDER = ['link', 'bold', 'italic', 'strike'] as const

/** Marked's inline token types and the mark each one sets. */
export const TOKEN_MARKS = { strong: 'bold', em: 'italic', del: 'strike' } as const

/** Front-matter keys, in the order they are written. */
export const FRONT_MATTER_KEYS = {
  title: 'title',
  type: 'type',
  company: 'company',
  tags: 'tags',
  competences: 'competences',
  created: 'created',
  updated: 'updated',
  createdBy: 'created_by',
  updatedBy: 'updated_by',
  kryssId: 'kryss_id',
} as const

/** Images are written beside the notes, in this folder. */
export const IMAGES_DIR = 'images'

/** File extensions read as images, and their types. */
export const IMAGE_EXTENSION_TYPES: Record<string, NoteImageType> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
}

export function imageExtension(type: NoteImageType): string {
  return FILE_EXTENSIONS[type]
}

/** Where an exported image goes: `images/<fileId>.<ext>`. */
export function imagePath(fileId: string, type: NoteImageType): string {
  return `${IMAGES_DIR}/${fileId}.${imageExtension(type)}`
}

export const MARKDOWN_EXTENSIONS = ['md', 'markdown'] as const

/** The largest upload an import reads (a .zip or the .md files together). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** The largest Markdown file read; notes are text. */
export const MAX_MARKDOWN_FILE_BYTES = 2 * 1024 * 1024
/** All files of a zip together, uncompressed (a guard against zip bombs). */
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
export const MAX_IMPORT_FILES = 20_000

/**
 * Why a file was not imported. The UI words each one (transfer.reason.<code>); `detail`
 * carries a name or the parser's own message.
 */
export const REFUSAL_REASONS = [
  /** The upload is not a readable zip at all. */
  'damaged-zip',
  /** This entry of the zip could not be unpacked. */
  'damaged-entry',
  'unsafe-path',
  'not-utf8',
  'front-matter',
  'too-large',
  'image-missing',
  'image-type',
  'image-too-large',
  'too-many-files',
  /** Neither Markdown nor an image (a PDF, a canvas, …): nothing to make a note of. */
  'not-markdown',
] as const
export type RefusalReason = (typeof REFUSAL_REASONS)[number]

/** Things an import did differently than the file said, per note (the note is imported). */
export const IMPORT_WARNINGS = [
  'unknown-type',
  'company-missing',
  'link-unresolved',
  'external-image',
  'bad-date',
  'heading-level',
] as const
export type ImportWarningCode = (typeof IMPORT_WARNINGS)[number]

export type Refusal = { file: string; reason: RefusalReason; detail?: string }
export type ImportWarning = { code: ImportWarningCode; detail?: string }
