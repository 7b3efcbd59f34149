import { FileUp } from 'lucide-react'
import { useRef, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { importJsonCanvas } from '../../../../shared/model/board/jsonCanvas'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import type { BoardRuntime } from '../boardRuntime'
import { fitRect } from '../state/camera'
import {
  MAX_CANVAS_FILE_BYTES,
  importOffset,
  previewCanvas,
  type CanvasPreview,
} from './boardFiles'

type Step =
  | { kind: 'pick'; error?: string }
  | { kind: 'reading' }
  | { kind: 'preview'; file: string; text: string; preview: CanvasPreview & { ok: true } }

/**
 * Import of a JSON Canvas file in two steps: the file is read and checked here, the person
 * sees what it holds (or why it cannot be imported, with nothing written), and only
 * "Import" writes — one command, so one undo takes it all back.
 */
export function ImportCanvasDialog({
  runtime,
  onClose,
}: {
  runtime: BoardRuntime
  onClose: () => void
}) {
  const { t } = useTranslation()
  const [step, setStep] = useState<Step>({ kind: 'pick' })
  const input = useRef<HTMLInputElement>(null)

  const read = async (file: File | undefined): Promise<void> => {
    if (file === undefined) return
    if (file.size > MAX_CANVAS_FILE_BYTES) {
      setStep({
        kind: 'pick',
        error: t('boardExport.tooLarge', { size: MAX_CANVAS_FILE_BYTES / 1024 / 1024 }),
      })
      return
    }
    setStep({ kind: 'reading' })
    let text: string
    try {
      text = await file.text()
    } catch {
      setStep({ kind: 'pick', error: t('boardExport.unreadable') })
      return
    }
    const preview = previewCanvas(text)
    setStep(
      preview.ok
        ? { kind: 'preview', file: file.name, text, preview }
        : { kind: 'pick', error: t('boardExport.invalid', { message: preview.error }) },
    )
  }

  const confirm = (text: string, preview: CanvasPreview & { ok: true }): void => {
    const offset = importOffset(runtime.scene.bounds(), preview.bounds)
    let result: ReturnType<typeof importJsonCanvas>
    try {
      // Its own undo step: not merged with the command before it or the one after.
      runtime.undo.stopCapturing()
      result = importJsonCanvas(runtime.doc, text, {
        actor: runtime.actor,
        now: Date.now(),
        offset,
      })
      runtime.undo.stopCapturing()
    } catch (error) {
      result = { ok: false, error: error instanceof Error ? error.message : String(error) }
    }
    if (!result.ok) {
      setStep({ kind: 'pick', error: t('boardExport.importFailed', { message: result.error }) })
      return
    }
    runtime.interaction.update({ tool: 'select', selection: new Set(result.ids) })
    const size = runtime.size.getSnapshot()
    if (preview.bounds !== undefined && size.width > 0 && size.height > 0) {
      const placed = {
        ...preview.bounds,
        x: preview.bounds.x + offset.x,
        y: preview.bounds.y + offset.y,
      }
      runtime.camera.set(fitRect(placed, size))
    }
    onClose()
  }

  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    void read(event.dataTransfer.files[0])
  }

  const empty =
    step.kind === 'preview' && step.preview.cards + step.preview.groups + step.preview.edges === 0

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('boardExport.importTitle')}
      description={t('boardExport.importDescription')}
      size="md"
      testId="canvas-import-dialog"
    >
      <input
        ref={input}
        type="file"
        accept=".canvas,application/json"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden
        data-testid="canvas-import-input"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          void read(file)
        }}
      />
      {step.kind !== 'preview' && (
        <div className="drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
          <Button
            icon={<FileUp size={16} aria-hidden />}
            onClick={() => input.current?.click()}
            disabled={step.kind === 'reading'}
            data-testid="canvas-import-choose"
          >
            {t('boardExport.chooseFile')}
          </Button>
        </div>
      )}
      <div className="board-import-status" role="status" data-testid="canvas-import-status">
        {step.kind === 'reading' && t('boardExport.reading')}
        {step.kind === 'preview' &&
          (empty
            ? t('boardExport.empty')
            : t('boardExport.preview', {
                file: step.file,
                cards: t('boardExport.cards', { count: step.preview.cards }),
                groups: t('boardExport.groups', { count: step.preview.groups }),
                edges: t('boardExport.edges', { count: step.preview.edges }),
              }))}
      </div>
      {step.kind === 'preview' && !empty && (
        <p className="board-import-hint">{t('boardExport.previewMapping')}</p>
      )}
      {step.kind === 'pick' && step.error !== undefined && (
        <p className="board-import-error" role="alert" data-testid="canvas-import-error">
          {step.error}
        </p>
      )}
      {step.kind === 'preview' && (
        <DialogFooter>
          <Button onClick={() => setStep({ kind: 'pick' })}>{t('boardExport.chooseOther')}</Button>
          <Button
            variant="primary"
            disabled={empty}
            onClick={() => confirm(step.text, step.preview)}
            data-testid="canvas-import-confirm"
          >
            {t('boardExport.importConfirm')}
          </Button>
        </DialogFooter>
      )}
    </Dialog>
  )
}
