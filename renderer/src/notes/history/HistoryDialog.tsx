import * as RadixDialog from '@radix-ui/react-dialog'
import { PencilLine, RotateCcw, Save, X } from 'lucide-react'
import { useCallback, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { NoteId } from '../../../../shared/ids'
import {
  MAX_VERSION_LABEL_LENGTH,
  renameNoteVersion,
  type NoteVersion,
  type NoteVersionId,
} from '../../../../shared/model/history'
import { bodyBlocks, type BodyBlock } from '../../../../shared/model/historyDiff'
import { noteBodyFragment } from '../../../../shared/model/noteBody'
import { touchNote } from '../../../../shared/model/notes'
import { useNow } from '../../lib/clock'
import { formatDateTime } from '../../lib/format'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { IconButton } from '../../ui/IconButton'
import { TextField } from '../../ui/TextField'
import { describeAtom } from './describeAtom'
import { useBodyDerived, useNoteVersions } from './useNoteVersions'
import { useVersionDoc } from './useVersionDoc'
import { VersionCompare } from './VersionCompare'
import { VersionList } from './VersionList'
import { VersionNameDialog } from './VersionNameDialog'
import type { VersionRecorder } from './versionRecorder'
import { VersionViewer } from './VersionViewer'

type Props = {
  bodyDoc: Y.Doc
  rootDoc: Y.Doc
  noteId: NoteId
  recorder: VersionRecorder
  readOnly: boolean
  title: string
  onClose: () => void
}

/**
 * A note's history in a large dialog: the versions on the left; on the right the selected
 * one, read-only as the editor shows it, or compared with the current text or another
 * version; "Restore this version" (confirmed) and "Save version" for those who may edit.
 */
export function HistoryDialog(props: Props) {
  const { t } = useTranslation()
  return (
    <RadixDialog.Root open onOpenChange={(open) => !open && props.onClose()}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="dialog-overlay" />
        <RadixDialog.Content className="dialog history-dialog" data-testid="history-dialog">
          <header className="dialog-header">
            <RadixDialog.Title className="dialog-title">
              {t('history.title', { title: props.title || t('notes.untitled') })}
            </RadixDialog.Title>
            <RadixDialog.Description className="dialog-description">
              {t('history.description')}
            </RadixDialog.Description>
          </header>
          <HistoryPanel {...props} />
          <RadixDialog.Close
            className="icon-button icon-button--sm dialog-close"
            aria-label={t('common.close')}
          >
            <X size={16} aria-hidden />
          </RadixDialog.Close>
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  )
}

type Against = 'current' | NoteVersionId

function HistoryPanel({ bodyDoc, rootDoc, noteId, recorder, readOnly }: Props) {
  const { t, i18n } = useTranslation()
  const versions = useNoteVersions(bodyDoc)
  const now = useNow()
  const [picked, setPicked] = useState<NoteVersionId>()
  const [mode, setMode] = useState<'view' | 'compare'>('view')
  const [against, setAgainst] = useState<Against>('current')
  const [status, setStatus] = useState<string>()
  const [confirming, setConfirming] = useState(false)
  const [naming, setNaming] = useState(false)

  const selected = versions.find((version) => version.id === picked) ?? versions[0]
  const time = (version: NoteVersion): string => formatDateTime(version.at, i18n.language)

  const restore = (version: NoteVersion): void => {
    const result = recorder.restore(version.id)
    // The list says who changed a note last; the editor's own "touch" ignores changes it
    // did not make itself, so a restore says it here.
    if (result.status === 'restored') {
      touchNote(rootDoc, noteId, { author: { name: recorder.userName() }, now: Date.now() })
    }
    setStatus(
      result.status === 'restored'
        ? t('history.restored', { time: time(version) })
        : result.status === 'unchanged'
          ? t('history.restoreUnchanged')
          : t('history.unreadable'),
    )
  }

  return (
    <div className="history-panel">
      <div className="history-sidebar">
        {!readOnly && (
          <SaveVersionForm
            onSave={(label) => {
              const id = recorder.save(label)
              setStatus(id === undefined ? t('history.unchanged') : t('history.saved'))
              if (id !== undefined) setPicked(id)
            }}
          />
        )}
        <p className="history-status" role="status" data-testid="history-status">
          {status}
        </p>
        <VersionList
          versions={versions}
          selected={selected?.id}
          onSelect={(id) => {
            setPicked(id)
            setStatus(undefined)
          }}
          now={now}
        />
      </div>
      {selected === undefined ? (
        <div className="history-detail">
          <p className="history-empty">{t('history.selectHint')}</p>
        </div>
      ) : (
        <section
          className="history-detail"
          aria-label={t('history.versionHeading', { time: time(selected) })}
        >
          <div className="history-detail-head">
            <h3 className="history-detail-title">
              {t('history.versionHeading', { time: time(selected) })}
              {selected.label !== undefined && (
                <span className="history-item-label">{selected.label}</span>
              )}
              {!readOnly && (
                <IconButton
                  label={t('history.name')}
                  size="sm"
                  onClick={() => setNaming(true)}
                  data-testid="history-name"
                >
                  <PencilLine size={14} aria-hidden />
                </IconButton>
              )}
            </h3>
            <div className="history-actions">
              <div
                className="segmented history-modes"
                role="group"
                aria-label={t('history.modeLabel')}
              >
                <button
                  type="button"
                  className={mode === 'view' ? 'segment is-active' : 'segment'}
                  aria-pressed={mode === 'view'}
                  onClick={() => setMode('view')}
                  data-testid="history-view-mode"
                >
                  {t('history.view')}
                </button>
                <button
                  type="button"
                  className={mode === 'compare' ? 'segment is-active' : 'segment'}
                  aria-pressed={mode === 'compare'}
                  onClick={() => setMode('compare')}
                  data-testid="history-compare-mode"
                >
                  {t('history.compare')}
                </button>
              </div>
              {mode === 'compare' && (
                <label className="history-against">
                  <span>{t('history.compareWith')}</span>
                  <select
                    className="select history-against-select"
                    value={against === selected.id ? 'current' : against}
                    onChange={(event) => setAgainst(event.target.value as Against)}
                    data-testid="history-against"
                  >
                    <option value="current">{t('history.current')}</option>
                    {versions
                      .filter((version) => version.id !== selected.id)
                      .map((version) => (
                        <option key={version.id} value={version.id}>
                          {version.label === undefined
                            ? time(version)
                            : `${time(version)} – ${version.label}`}
                        </option>
                      ))}
                  </select>
                </label>
              )}
              {!readOnly && (
                <Button
                  variant="primary"
                  size="sm"
                  icon={<RotateCcw size={14} aria-hidden />}
                  onClick={() => setConfirming(true)}
                  data-testid="history-restore"
                >
                  {t('history.restore')}
                </Button>
              )}
            </div>
          </div>
          <div className="history-detail-body">
            {mode === 'view' ? (
              <ViewPane
                key={selected.id}
                bodyDoc={bodyDoc}
                rootDoc={rootDoc}
                version={selected}
                label={t('history.versionHeading', { time: time(selected) })}
              />
            ) : (
              <ComparePane
                bodyDoc={bodyDoc}
                rootDoc={rootDoc}
                version={selected}
                other={
                  against === 'current' || against === selected.id
                    ? undefined
                    : versions.find((version) => version.id === against)
                }
              />
            )}
          </div>
          {naming && (
            <VersionNameDialog
              open
              onOpenChange={setNaming}
              initialName={selected.label ?? ''}
              onSubmit={(name) => renameNoteVersion(bodyDoc, selected.id, name)}
            />
          )}
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title={t('history.restoreTitle', { time: time(selected) })}
            body={t('history.restoreBody')}
            confirmLabel={t('history.restoreConfirm')}
            onConfirm={() => restore(selected)}
          />
        </section>
      )}
    </div>
  )
}

function SaveVersionForm({ onSave }: { onSave: (label: string) => void }) {
  const { t } = useTranslation()
  const [label, setLabel] = useState('')
  const submit = (event: FormEvent): void => {
    event.preventDefault()
    onSave(label)
    setLabel('')
  }
  return (
    <form className="history-save" onSubmit={submit}>
      <TextField
        label={t('history.labelField')}
        value={label}
        maxLength={MAX_VERSION_LABEL_LENGTH}
        onChange={(event) => setLabel(event.target.value)}
        placeholder={t('history.labelPlaceholder')}
        data-testid="history-label"
      />
      <Button
        type="submit"
        variant="secondary"
        size="sm"
        icon={<Save size={14} aria-hidden />}
        data-testid="history-save"
      >
        {t('history.save')}
      </Button>
    </form>
  )
}

function ViewPane({
  bodyDoc,
  rootDoc,
  version,
  label,
}: {
  bodyDoc: Y.Doc
  rootDoc: Y.Doc
  version: NoteVersion
  label: string
}) {
  const { t } = useTranslation()
  const doc = useVersionDoc(bodyDoc, version.id)
  if (doc === null) return <p className="history-empty">{t('history.unreadable')}</p>
  return <VersionViewer versionDoc={doc} bodyDoc={bodyDoc} rootDoc={rootDoc} label={label} />
}

function ComparePane({
  bodyDoc,
  rootDoc,
  version,
  other,
}: {
  bodyDoc: Y.Doc
  rootDoc: Y.Doc
  version: NoteVersion
  /** Another version; undefined compares with the current text. */
  other: NoteVersion | undefined
}) {
  const { t, i18n } = useTranslation()
  const describe = useMemo(() => describeAtom(t, rootDoc), [t, rootDoc])
  const readBlocks = useCallback(
    (fragment: Y.XmlFragment) => bodyBlocks(fragment, describe),
    [describe],
  )
  const current = useBodyDerived(bodyDoc, readBlocks)
  const versionDoc = useVersionDoc(bodyDoc, version.id)
  const otherDoc = useVersionDoc(bodyDoc, other?.id)
  const versionBlocks = useMemo(
    () => (versionDoc === null ? null : readBlocks(noteBodyFragment(versionDoc))),
    [versionDoc, readBlocks],
  )
  const otherBlocks = useMemo(
    () => (otherDoc === null ? null : readBlocks(noteBodyFragment(otherDoc))),
    [otherDoc, readBlocks],
  )

  if (versionBlocks === null || (other !== undefined && otherBlocks === null)) {
    return <p className="history-empty">{t('history.unreadable')}</p>
  }
  const name = (entry: NoteVersion): string => formatDateTime(entry.at, i18n.language)
  const sides: { name: string; blocks: readonly BodyBlock[]; at: number }[] = [
    { name: name(version), blocks: versionBlocks, at: version.at },
    other === undefined || otherBlocks === null
      ? { name: t('history.current'), blocks: current, at: Infinity }
      : { name: name(other), blocks: otherBlocks, at: other.at },
  ]
  const [older, newer] = sides.sort((a, b) => a.at - b.at) as [
    (typeof sides)[number],
    (typeof sides)[number],
  ]
  return (
    <VersionCompare
      older={older.blocks}
      newer={newer.blocks}
      caption={t('history.compareCaption', { older: older.name, newer: newer.name })}
    />
  )
}
