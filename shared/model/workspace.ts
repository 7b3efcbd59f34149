import type * as Y from 'yjs'
import { COMMAND_ORIGIN, metaMap, readNumber, readString, SCHEMA_VERSION } from './schema'

export type WorkspaceMeta = {
  name: string
  schemaVersion: number
  /** True for the built-in example cluster, so the UI can mark it as example data. */
  demo: boolean
  createdAt: number
}

export function readWorkspaceMeta(doc: Y.Doc): WorkspaceMeta {
  const meta = metaMap(doc)
  return {
    name: readString(meta, 'name'),
    schemaVersion: readNumber(meta, 'schemaVersion'),
    demo: meta.get('demo') === true,
    createdAt: readNumber(meta, 'createdAt'),
  }
}

/**
 * Gives a fresh document its meta record, or brings an older one up to `SCHEMA_VERSION`.
 * Safe to run on every replica: it only writes what is missing, so two replicas
 * initialising at once converge on the same values apart from concurrent names.
 */
export function initWorkspace(
  doc: Y.Doc,
  input: { name: string; now: number; demo?: boolean },
): void {
  doc.transact(() => {
    const meta = metaMap(doc)
    if (!meta.has('name')) meta.set('name', input.name)
    if (!meta.has('createdAt')) meta.set('createdAt', input.now)
    if (input.demo === true && !meta.has('demo')) meta.set('demo', true)
    migrateWorkspace(doc)
  }, COMMAND_ORIGIN)
}

/**
 * Migrations, one step per version. Each step is additive and idempotent, because two
 * replicas may run the same step concurrently. Version 0 → 1: nothing to move yet; the
 * step records the version.
 */
export function migrateWorkspace(doc: Y.Doc): void {
  const meta = metaMap(doc)
  const current = readNumber(meta, 'schemaVersion')
  if (current >= SCHEMA_VERSION) return
  doc.transact(() => {
    meta.set('schemaVersion', SCHEMA_VERSION)
  }, COMMAND_ORIGIN)
}

export function renameWorkspace(doc: Y.Doc, name: string): void {
  const trimmed = name.trim()
  if (trimmed.length === 0) throw new Error('A workspace needs a name.')
  doc.transact(() => metaMap(doc).set('name', trimmed), COMMAND_ORIGIN)
}

/** Calls `onChange` whenever the meta record changes. Returns the disposer. */
export function observeWorkspaceMeta(doc: Y.Doc, onChange: () => void): () => void {
  const meta = metaMap(doc)
  const handler = (): void => onChange()
  meta.observe(handler)
  return () => meta.unobserve(handler)
}
