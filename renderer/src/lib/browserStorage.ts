/**
 * localStorage / sessionStorage access that never throws: storage can be disabled (private
 * windows, strict policies) or full, and a guest must still be able to work for the session.
 */
type StorageKind = 'local' | 'session'

function storage(kind: StorageKind): Storage | undefined {
  try {
    return kind === 'local' ? window.localStorage : window.sessionStorage
  } catch {
    return undefined
  }
}

export function readStored(kind: StorageKind, key: string): string | undefined {
  try {
    return storage(kind)?.getItem(key) ?? undefined
  } catch {
    return undefined
  }
}

export function writeStored(kind: StorageKind, key: string, value: string | undefined): void {
  try {
    if (value === undefined) storage(kind)?.removeItem(key)
    else storage(kind)?.setItem(key, value)
  } catch {
    // Storage full or blocked: the value lives for this page only.
  }
}

/** Reads JSON and returns `undefined` for missing or unparsable values. */
export function readStoredJson(kind: StorageKind, key: string): unknown {
  const text = readStored(kind, key)
  if (text === undefined) return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

export function writeStoredJson(kind: StorageKind, key: string, value: unknown): void {
  writeStored(kind, key, JSON.stringify(value))
}
