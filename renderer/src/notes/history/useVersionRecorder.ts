import { useEffect, useLayoutEffect, useMemo, useState } from 'react'
import type { DocSync } from '../../sync/docSync'
import { createVersionRecorder, type VersionRecorder } from './versionRecorder'

/**
 * Records versions of the open note while this person edits it (see versionRecorder.ts).
 * View-only guests never record: the host would refuse the write.
 */
export function useVersionRecorder(
  body: DocSync,
  userName: string,
  readOnly: boolean,
): VersionRecorder {
  const [initialName] = useState(userName)
  const recorder = useMemo(
    () =>
      createVersionRecorder({
        doc: body.doc,
        awareness: body.awareness,
        userName: initialName,
        isSynced: () => body.provider.synced,
      }),
    [body, initialName],
  )

  useEffect(() => recorder.setUserName(userName), [recorder, userName])

  // WARNING: a layout effect on purpose. Leaving the note captures the last edits, and that
  // must happen before useNoteBody's (passive) cleanup closes the body's socket; React runs
  // layout cleanups of a removed tree before any passive ones.
  useLayoutEffect(() => {
    if (readOnly) return
    const stop = recorder.start()
    const flush = (): void => recorder.flush()
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      stop()
    }
  }, [recorder, readOnly])

  return recorder
}
