import { zipSync } from 'fflate'
import { CircleAlert, Info } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ImportReportResponse } from '../../../shared/hostApi'
import type { WorkspaceId } from '../../../shared/ids'
import { MAX_IMPORT_BYTES } from '../../../shared/model/markdown/mapping'
import type { SyncTarget } from '../connection/hostSession'
import { Button } from '../ui/Button'
import { FileDropPicker } from '../ui/FileDropPicker'
import { Dialog, DialogFooter } from '../ui/Dialog'
import { importUpload } from './transferApi'

type Upload = { name: string; bytes: Uint8Array }

type Step =
  | { kind: 'pick'; error?: string }
  | { kind: 'checking' }
  | { kind: 'preview'; upload: Upload; report: ImportReportResponse }
  | { kind: 'importing'; report: ImportReportResponse }
  | { kind: 'done'; report: ImportReportResponse }

const ACCEPT = '.zip,.md,.markdown,.png,.jpg,.jpeg,.gif,.webp'

/**
 * One upload for the host: a single file as it is, several files (Markdown and the images
 * they show) packed into one uncompressed zip, keeping their names.
 */
async function toUpload(files: readonly File[]): Promise<Upload> {
  const [only] = files
  if (files.length === 1 && only !== undefined) {
    return { name: only.name, bytes: new Uint8Array(await only.arrayBuffer()) }
  }
  const entries: Record<string, [Uint8Array, { level: 0 }]> = {}
  for (const file of files) {
    entries[file.name] = [new Uint8Array(await file.arrayBuffer()), { level: 0 }]
  }
  return { name: 'files.zip', bytes: zipSync(entries) }
}

/**
 * Import in two steps: the files are sent for a dry run, the person sees what would be
 * imported and which files are refused (and why), and only "Import n notes" writes.
 * Parsing stays on the host, so what is previewed is exactly what the import will do.
 */
export function ImportDialog({
  target,
  id,
  name,
  onClose,
}: {
  target: SyncTarget
  id: WorkspaceId
  name: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>({ kind: 'pick' })
  const busy = step.kind === 'checking' || step.kind === 'importing'
  const message = (error: unknown): string =>
    t('common.failed', { message: error instanceof Error ? error.message : String(error) })

  const check = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return
    const total = files.reduce((sum, file) => sum + file.size, 0)
    if (total > MAX_IMPORT_BYTES) {
      setStep({
        kind: 'pick',
        error: t('transfer.tooLarge', { size: MAX_IMPORT_BYTES / 1024 / 1024 }),
      })
      return
    }
    setStep({ kind: 'checking' })
    try {
      const upload = await toUpload(files)
      const report = await importUpload(target, id, upload, true)
      setStep({ kind: 'preview', upload, report })
    } catch (error) {
      setStep({ kind: 'pick', error: message(error) })
    }
  }

  const confirm = async (upload: Upload, preview: ImportReportResponse): Promise<void> => {
    setStep({ kind: 'importing', report: preview })
    try {
      setStep({ kind: 'done', report: await importUpload(target, id, upload, false) })
    } catch (error) {
      setStep({ kind: 'pick', error: message(error) })
    }
  }

  const report =
    step.kind === 'preview' || step.kind === 'importing' || step.kind === 'done'
      ? step.report
      : undefined
  const ready = report?.notes.length ?? 0

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open && !busy) onClose()
      }}
      title={t('transfer.importTitle', { name })}
      description={t('transfer.importDescription')}
      size="md"
      testId="import-dialog"
    >
      {(step.kind === 'pick' || step.kind === 'checking') && (
        <FileDropPicker
          accept={ACCEPT}
          label={t('transfer.chooseFiles')}
          hint={t('transfer.dropHint')}
          disabled={busy}
          onFiles={(files) => void check(files)}
          testIds={{ input: 'import-input', choose: 'import-choose' }}
        />
      )}
      <div className="transfer-status" role="status" aria-live="polite" data-testid="import-status">
        {step.kind === 'checking' && t('transfer.checking')}
        {step.kind === 'importing' && t('transfer.importing')}
        {step.kind === 'preview' &&
          (ready > 0 ? t('transfer.ready', { count: ready }) : t('transfer.noneReady'))}
        {step.kind === 'done' && t('transfer.imported', { count: ready })}
      </div>
      {step.kind === 'pick' && step.error !== undefined && (
        <p className="transfer-error" role="alert">
          {step.error}
        </p>
      )}
      {report !== undefined && <ImportReportView report={report} />}
      <DialogFooter>
        {step.kind === 'preview' && (
          <>
            <Button onClick={() => setStep({ kind: 'pick' })}>{t('transfer.chooseOther')}</Button>
            <Button
              variant="primary"
              disabled={ready === 0}
              onClick={() => void confirm(step.upload, step.report)}
              data-testid="import-confirm"
            >
              {t('transfer.importConfirm', { count: ready })}
            </Button>
          </>
        )}
        {step.kind === 'done' && (
          <Button variant="primary" onClick={onClose} data-testid="import-close">
            {t('common.close')}
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  )
}

function ImportReportView({ report }: { report: ImportReportResponse }) {
  const { t } = useTranslation()
  const warned = report.notes.filter((note) => note.warnings.length > 0)
  return (
    <div className="transfer-report">
      {report.refused.length > 0 && (
        <section aria-labelledby="import-refused" data-testid="import-refused">
          <h3 id="import-refused" className="transfer-report-heading">
            <CircleAlert size={14} aria-hidden />
            {t('transfer.refusedHeading')}
          </h3>
          <ul className="transfer-list">
            {report.refused.map((refusal) => (
              <li key={`${refusal.file}-${refusal.reason}`} className="transfer-refused">
                <span className="transfer-file">{refusal.file}</span>
                <span className="transfer-reason">
                  {t(`transfer.reason.${refusal.reason}`, {
                    detail: refusal.detail ?? '',
                    defaultValue: refusal.reason,
                  })}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {warned.length > 0 && (
        <section aria-labelledby="import-warnings">
          <h3 id="import-warnings" className="transfer-report-heading">
            <Info size={14} aria-hidden />
            {t('transfer.warningsHeading')}
          </h3>
          <ul className="transfer-list">
            {warned.map((note) => (
              <li key={note.file}>
                <span className="transfer-title">{note.title}</span>
                <ul className="transfer-warnings">
                  {note.warnings.map((warning) => (
                    <li key={`${warning.code}-${warning.detail ?? ''}`}>
                      {t(`transfer.warning.${warning.code}`, {
                        detail: warning.detail ?? '',
                        defaultValue: warning.code,
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
