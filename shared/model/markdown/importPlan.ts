import type * as Y from 'yjs'
import { newNoteId, type CompanyId, type CompetenceId, type NoteId } from '../../ids'
import { createCompetence, listCompanies, listCompetences } from '../companies'
import { appendNoteBody } from '../noteBody'
import { addNoteFile, noteFileId, type NoteImageType } from '../noteFiles'
import { foldText } from '../noteFilter'
import { createNote, listNotes, setNoteLinks, touchNote } from '../notes'
import { isNoteType, type NoteType } from '../noteTypes'
import type { Block } from '../richText'
import { COMMAND_ORIGIN } from '../schema'
import type { ParsedBundle } from './bundle'
import { escapeNoteLinkTitle } from './toMarkdown'
import type { ImportWarning, Refusal } from './mapping'
import { collectInlines, mapBlocks } from './walk'

/**
 * An import tied to a workspace: each readable file becomes a planned note with a new id, its
 * `[[Title]]` links resolved (to another imported note first, then to a note already in the
 * workspace, case-insensitively; unresolved ones stay as text), its images hashed to the ids
 * they will have in the body, its company matched by name (companies are cluster members and
 * are never created by an import — an unknown one is left out with a warning), its type kept
 * when Kryss knows it. Competences are matched by name and created when missing, since the
 * vocabulary is meant to grow from notes.
 *
 * Planning writes nothing; applying writes bodies first and the records last, in one
 * transaction, so a failure part-way leaves no half-imported note visible.
 */
export type PlannedFile = { id: string; bytes: Uint8Array; type: NoteImageType; name: string }

export type PlannedNote = {
  id: NoteId
  file: string
  title: string
  type: NoteType | undefined
  companyId: CompanyId | undefined
  tags: string[]
  competences: string[]
  createdAt: number
  createdBy: string
  updatedAt: number
  updatedBy: string
  blocks: Block[]
  files: PlannedFile[]
  warnings: ImportWarning[]
}

export type ImportPlan = { notes: PlannedNote[]; refused: Refusal[] }

/** What the person sees before confirming: per note its file, title and warnings. */
export type ImportReport = {
  notes: { file: string; title: string; warnings: ImportWarning[] }[]
  refused: Refusal[]
}

export function importReport(plan: ImportPlan): ImportReport {
  return {
    notes: plan.notes.map(({ file, title, warnings }) => ({ file, title, warnings })),
    refused: plan.refused,
  }
}

export async function planImport(
  root: Y.Doc,
  bundle: ParsedBundle,
  input: { author: string; now: number; newId?: () => NoteId },
): Promise<ImportPlan> {
  const newId = input.newId ?? newNoteId
  const ids = bundle.notes.map(() => newId())
  const byTitle = new Map<string, NoteId>()
  for (const note of listNotes(root)) {
    const key = foldText(note.title.trim())
    if (!byTitle.has(key)) byTitle.set(key, note.id)
  }
  // Imported notes win over existing ones with the same title: the files link to each other.
  for (const [i, note] of [...bundle.notes.entries()].reverse()) {
    byTitle.set(foldText(note.title.trim()), ids[i] as NoteId)
  }
  // Links written as [[File name|Title]] name the file; other tools link by file name too.
  const byStem = new Map<string, NoteId>()
  for (const [i, note] of bundle.notes.entries()) {
    const base = note.file.slice(note.file.lastIndexOf('/') + 1).replace(/\.(md|markdown)$/i, '')
    const key = foldText(base.trim())
    if (!byStem.has(key)) byStem.set(key, ids[i] as NoteId)
  }
  const resolveLink = (target: string, alias: string | undefined): NoteId | undefined =>
    byTitle.get(foldText(target.trim())) ??
    byStem.get(foldText(target.trim())) ??
    (alias === undefined ? undefined : byTitle.get(foldText(alias.trim())))
  const companies = new Map(listCompanies(root).map((c) => [foldText(c.name.trim()), c.id]))

  const notes: PlannedNote[] = []
  for (const [i, parsed] of bundle.notes.entries()) {
    const warnings = [...parsed.warnings]
    const warn = (warning: ImportWarning): void => {
      if (!warnings.some((w) => w.code === warning.code && w.detail === warning.detail)) {
        warnings.push(warning)
      }
    }
    const fileIds = new Map<string, string>()
    const files: PlannedFile[] = []
    for (const [path, image] of parsed.images) {
      const id = await noteFileId(image.bytes)
      fileIds.set(path, id)
      if (!files.some((file) => file.id === id)) files.push({ id, ...image })
    }
    const blocks = mapBlocks(parsed.blocks, {
      image: (image) => ({ ...image, fileId: fileIds.get(image.fileId) ?? image.fileId }),
      inline: (inline) => {
        if (typeof inline !== 'object' || !('type' in inline) || inline.type !== 'noteLink') {
          return [inline]
        }
        const title = inline.title ?? ''
        const id = resolveLink(title, inline.alias)
        if (id !== undefined) return [{ type: 'noteLink', id }]
        warn({ code: 'link-unresolved', detail: inline.alias ?? title })
        const alias = inline.alias === undefined ? '' : `|${escapeNoteLinkTitle(inline.alias)}`
        return [`[[${escapeNoteLinkTitle(title)}${alias}]]`]
      },
    })
    const front = parsed.front
    let type: NoteType | undefined
    if (front.type !== undefined) {
      if (isNoteType(front.type)) type = front.type
      else warn({ code: 'unknown-type', detail: front.type })
    }
    let companyId: CompanyId | undefined
    if (front.company !== undefined) {
      companyId = companies.get(foldText(front.company.trim()))
      if (companyId === undefined) warn({ code: 'company-missing', detail: front.company })
    }
    const createdAt = front.created ?? front.updated ?? input.now
    notes.push({
      id: ids[i] as NoteId,
      file: parsed.file,
      title: parsed.title,
      type,
      companyId,
      tags: front.tags,
      competences: front.competences,
      createdAt,
      createdBy: front.createdBy ?? input.author,
      updatedAt: Math.max(createdAt, front.updated ?? createdAt),
      updatedBy: front.updatedBy ?? front.createdBy ?? input.author,
      blocks,
      files,
      warnings,
    })
  }
  return { notes, refused: bundle.refused }
}

/** Writes a planned note's body (images first, then blocks) into its fresh body document. */
export async function writeImportedBody(
  bodyDoc: Y.Doc,
  note: PlannedNote,
  input: { addedBy: string; now: number },
): Promise<void> {
  for (const file of note.files) {
    await addNoteFile(bodyDoc, {
      bytes: file.bytes,
      type: file.type,
      name: file.name,
      addedBy: input.addedBy,
      now: input.now,
    })
  }
  appendNoteBody(bodyDoc, note.blocks)
}

/**
 * Adds the planned notes' records to the workspace document in one transaction: missing
 * competences, the notes with their dates and authors from the files, and their links.
 */
export function applyImportRecords(root: Y.Doc, plan: ImportPlan): void {
  root.transact(() => {
    const competences = new Map(listCompetences(root).map((c) => [foldText(c.name.trim()), c.id]))
    const competenceId = (name: string): CompetenceId => {
      const key = foldText(name.trim())
      let id = competences.get(key)
      if (id === undefined) {
        id = createCompetence(root, { name: name.trim(), category: '' })
        competences.set(key, id)
      }
      return id
    }
    for (const note of plan.notes) {
      const competenceIds = [...new Set(note.competences.map(competenceId))]
      createNote(root, {
        id: note.id,
        title: note.title,
        author: { name: note.createdBy },
        now: note.createdAt,
        ...(note.companyId === undefined ? {} : { companyId: note.companyId }),
        ...(note.type === undefined ? {} : { type: note.type }),
        tags: note.tags,
        competenceIds,
      })
      touchNote(root, note.id, { author: { name: note.updatedBy }, now: note.updatedAt })
      const targets = new Set<NoteId>()
      for (const inline of collectInlines(note.blocks)) {
        if (typeof inline === 'object' && 'type' in inline && inline.type === 'noteLink') {
          if (inline.id !== note.id) targets.add(inline.id as NoteId)
        }
      }
      setNoteLinks(root, note.id, targets)
    }
  }, COMMAND_ORIGIN)
}
