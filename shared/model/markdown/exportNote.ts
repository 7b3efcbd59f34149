import * as Y from 'yjs'
import type { NoteId } from '../../ids'
import { listCompanies, listCompetences } from '../companies'
import { noteBodyFragment } from '../noteBody'
import { getNoteFile } from '../noteFiles'
import { getNote } from '../notes'
import { fragmentToBlocks } from '../richText'
import { notesMap, readString } from '../schema'
import { imagePath } from './mapping'
import { writeFrontMatter, type NoteFrontMatter } from './frontMatter'
import { blocksToMarkdown } from './toMarkdown'
import { collectImages } from './walk'

/**
 * One note as a Markdown file: front-matter from its record in the workspace document, the
 * body as Markdown, and the images it shows (bytes from the body's `files`), to be written
 * at `images/<fileId>.<ext>` beside it. Used by the host for a whole workspace (one body at a
 * time) and by the renderer for the open note.
 */
export type ExportedImage = { path: string; fileId: string; bytes: Uint8Array }
export type ExportedNote = { title: string; markdown: string; images: ExportedImage[] }

/** Names of the workspace's companies and competences, read once for many notes. */
export type ExportNames = {
  company: (id: string) => string | undefined
  competence: (id: string) => string | undefined
  noteTitle: (id: string) => string | undefined
}

export function exportNames(root: Y.Doc): ExportNames {
  const companies = new Map(listCompanies(root).map((c) => [c.id as string, c.name]))
  const competences = new Map(listCompetences(root).map((c) => [c.id as string, c.name]))
  const notes = notesMap(root)
  return {
    company: (id) => companies.get(id),
    competence: (id) => competences.get(id),
    noteTitle: (id) => {
      const note = notes.get(id)
      return note instanceof Y.Map ? readString(note, 'title') : undefined
    },
  }
}

/**
 * The Markdown file of a note. `body` is its body document (undefined: no body yet). Returns
 * undefined when the note does not exist.
 */
export function exportNote(
  root: Y.Doc,
  noteId: NoteId,
  body: Y.Doc | undefined,
  names: ExportNames = exportNames(root),
): ExportedNote | undefined {
  const note = getNote(root, noteId)
  if (note === undefined) return undefined
  const blocks = body === undefined ? [] : fragmentToBlocks(noteBodyFragment(body))
  const images = new Map<string, ExportedImage>()
  for (const { fileId } of collectImages(blocks)) {
    const file = body === undefined ? undefined : getNoteFile(body, fileId)
    if (file !== undefined) {
      images.set(fileId, { fileId, path: imagePath(fileId, file.type), bytes: file.bytes })
    }
  }
  const front: NoteFrontMatter = {
    title: note.title,
    tags: [...note.tags],
    competences: note.competenceIds
      .map((id) => names.competence(id))
      .filter((name): name is string => name !== undefined),
    created: note.createdAt,
    updated: note.updatedAt,
    kryssId: note.id,
  }
  if (note.type !== undefined) front.type = note.type
  const company = note.companyId === undefined ? undefined : names.company(note.companyId)
  if (company !== undefined) front.company = company
  if (note.createdBy !== '') front.createdBy = note.createdBy
  if (note.updatedBy !== '') front.updatedBy = note.updatedBy
  const text = blocksToMarkdown(blocks, {
    noteTitle: names.noteTitle,
    imageSrc: (fileId) => images.get(fileId)?.path,
  })
  return {
    title: note.title,
    markdown: `${writeFrontMatter(front)}${text === '' ? '' : `\n${text}`}`,
    images: [...images.values()],
  }
}
