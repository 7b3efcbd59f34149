import { zipSync } from 'fflate'
import { FileDown } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../shared/ids'
import { exportNote } from '../../../shared/model/markdown/exportNote'
import { safeFileStem } from '../../../shared/model/markdown/fileNames'
import { Button } from '../ui/Button'
import { downloadBlob } from './download'

/**
 * "Export as Markdown" on the open note: built here from the body the editor already has, so
 * it works for guests too. A plain .md without images; a .zip with the .md and `images/`.
 */
export function ExportNoteButton({
  rootDoc,
  bodyDoc,
  noteId,
}: {
  rootDoc: Y.Doc
  bodyDoc: Y.Doc
  noteId: NoteId
}) {
  const { t } = useTranslation()
  const [error, setError] = useState<string>()
  const run = (): void => {
    try {
      const exported = exportNote(rootDoc, noteId, bodyDoc)
      if (exported === undefined) return
      const stem = safeFileStem(exported.title)
      const markdown = new TextEncoder().encode(exported.markdown)
      if (exported.images.length === 0) {
        downloadBlob(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }), `${stem}.md`)
      } else {
        const entries: Record<string, Uint8Array> = { [`${stem}.md`]: markdown }
        for (const image of exported.images) entries[image.path] = image.bytes
        downloadBlob(new Blob([zipSync(entries)], { type: 'application/zip' }), `${stem}.zip`)
      }
      setError(undefined)
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure))
    }
  }
  return (
    <>
      <Button
        variant="ghost"
        size="sm"
        icon={<FileDown size={14} aria-hidden />}
        onClick={run}
        data-testid="export-note"
        title={t('transfer.exportNote')}
      >
        {t('transfer.exportNote')}
      </Button>
      {error !== undefined && (
        <span className="transfer-error" role="alert">
          {t('transfer.exportNoteFailed', { message: error })}
        </span>
      )}
    </>
  )
}
