import { readImportUpload } from '../../../shared/model/markdown/bundle'
import {
  applyImportRecords,
  importReport,
  planImport,
  writeImportedBody,
} from '../../../shared/model/markdown/importPlan'
import type { ImportReportResponse } from '../../../shared/hostApi'
import type { WorkspaceEntry } from '../workspaces'
import { WorkspaceUnavailableError } from './exportWorkspace'

/**
 * Imports an upload (one .zip or one .md file) into a workspace. Everything is parsed and
 * planned first; a dry run stops there and reports. Otherwise each new note's body is written
 * and made durable one at a time (bodies of notes that do not exist yet are invisible), and
 * then all records are added to the workspace document in one transaction — so an import that
 * fails part-way leaves no half-imported note behind.
 */
export async function importIntoWorkspace(
  workspace: WorkspaceEntry,
  upload: { name: string; bytes: Uint8Array },
  options: { dryRun: boolean; author: string; now: number },
): Promise<ImportReportResponse> {
  const { store, bodies } = workspace
  if (store === null || bodies === null) {
    throw new WorkspaceUnavailableError(workspace.error ?? 'The workspace is not open.')
  }
  const bundle = readImportUpload(upload)
  const plan = await planImport(store.doc, bundle, { author: options.author, now: options.now })
  if (options.dryRun || plan.notes.length === 0) {
    return { ...importReport(plan), imported: false }
  }
  for (const note of plan.notes) {
    const body = await bodies.acquire(note.id)
    try {
      await writeImportedBody(body.doc, note, { addedBy: options.author, now: options.now })
      await body.whenDurable()
    } finally {
      bodies.release(note.id, 0)
    }
  }
  applyImportRecords(store.doc, plan)
  await store.whenDurable()
  return { ...importReport(plan), imported: true }
}
