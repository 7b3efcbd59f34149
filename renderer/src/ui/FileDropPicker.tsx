import { FileUp } from 'lucide-react'
import { useRef, type DragEvent } from 'react'
import { Button } from './Button'

/**
 * Where an import dialog takes its files: a "choose files" button over a hidden file input,
 * and a zone that takes dropped files too. `onFiles` gets what was chosen or dropped.
 */
export function FileDropPicker({
  accept,
  label,
  hint,
  disabled,
  onFiles,
  testIds,
}: {
  accept: string
  label: string
  hint: string
  disabled: boolean
  onFiles: (files: File[]) => void
  testIds: { input: string; choose: string }
}) {
  const input = useRef<HTMLInputElement>(null)
  const onDrop = (event: DragEvent): void => {
    event.preventDefault()
    onFiles([...event.dataTransfer.files])
  }
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        accept={accept}
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden
        data-testid={testIds.input}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])]
          event.target.value = ''
          onFiles(files)
        }}
      />
      <div className="drop-zone" onDragOver={(event) => event.preventDefault()} onDrop={onDrop}>
        <Button
          icon={<FileUp size={16} aria-hidden />}
          onClick={() => input.current?.click()}
          disabled={disabled}
          data-testid={testIds.choose}
        >
          {label}
        </Button>
        <span className="transfer-drop-hint">{hint}</span>
      </div>
    </>
  )
}
