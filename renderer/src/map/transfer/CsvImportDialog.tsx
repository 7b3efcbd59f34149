import { CircleAlert, FileSpreadsheet, Info } from 'lucide-react'
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { CsvKind } from '../../../../shared/model/competence/csv'
import {
  applyCsvImport,
  planCsvImport,
  type CsvImportPlan,
  type CsvProblem,
  type CsvWarning,
} from '../../../../shared/model/competence/csvImport'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { FileDropPicker } from '../../ui/FileDropPicker'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { competenceIndexStore } from '../competenceStore'
import { MAX_IMPORT_BYTES, readUpload, type ReadUpload, type RefusedFile } from './csvFiles'
import { summarizeImport, type ImportSummary } from './importSummary'

type Step =
  | { kind: 'pick'; error?: string }
  | { kind: 'reading' }
  | {
      kind: 'preview'
      upload: ReadUpload
      plan: CsvImportPlan
      summary: ImportSummary
      notice?: string
    }
  | { kind: 'done'; message: string }

const ACCEPT = '.csv,.tsv,.txt,.zip,text/csv,application/zip'

const INVALID_COLUMNS = [
  'id',
  'name',
  'name_nb',
  'name_en',
  'industry',
  'size',
  'website',
  'contact_email',
  'color',
  'category',
  'esco',
  'offer',
  'need',
  'comment',
  'description',
  'evidence',
] as const
type InvalidColumn = (typeof INVALID_COLUMNS)[number]
const isInvalidColumn = (column: string | undefined): column is InvalidColumn =>
  (INVALID_COLUMNS as readonly (string | undefined)[]).includes(column)

/** The value a model message quotes: `No company "Vestplat AS" in …` → Vestplat AS. */
const quoted = (message: string): string => /"(.*)"/.exec(message)?.[1] ?? message

/** A problem of a row, in the person's language. */
export function problemReason(t: TFunction, problem: CsvProblem | CsvWarning): string {
  switch (problem.code) {
    case 'unreadable':
      return t('mapTransfer.problem.unreadable', { message: problem.message })
    case 'missing-column':
      return t('mapTransfer.problem.missing-column', { column: problem.column ?? '' })
    case 'duplicate':
      return t(`mapTransfer.problem.duplicate.${problem.file}`)
    case 'unknown-company':
    case 'unknown-competence':
    case 'unknown-note':
      return t(`mapTransfer.problem.${problem.code}`, { value: quoted(problem.message) })
    case 'invalid-value':
      return isInvalidColumn(problem.column)
        ? t(`mapTransfer.problem.invalidColumn.${problem.column}`)
        : t('mapTransfer.problem.invalid', { message: problem.message })
  }
}

function refusal(t: TFunction, file: RefusedFile): string {
  if (file.reason === 'twice') {
    return t('mapTransfer.import.refused.twice', {
      kind: t(`mapTransfer.import.fileKind.${file.kind ?? 'companies'}`),
    })
  }
  if (file.reason === 'too-large') {
    return t('mapTransfer.import.refused.too-large', { size: MAX_IMPORT_BYTES / 1024 / 1024 })
  }
  return t(`mapTransfer.import.refused.${file.reason}`)
}

/**
 * "Import spreadsheets…": pick CSV files or a .zip; the files are read and checked here
 * (`planCsvImport`, nothing written) and the preview lists what will be added and changed and
 * every bad row with its file, row number, column and reason. Only "Import" writes — all of it
 * in one transaction (`applyCsvImport`) — and it is disabled, saying why, while there are
 * problems. The plan is made again against the map as it is when "Import" is pressed.
 */
export function CsvImportDialog({
  connection,
  authorName,
  onClose,
}: {
  connection: WorkspaceConnection
  authorName: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const blockedId = useId()
  const [step, setStep] = useState<Step>({ kind: 'pick' })

  const plan = (upload: ReadUpload): Extract<Step, { kind: 'preview' }> => {
    const made = planCsvImport(connection.doc, upload.files)
    const index = competenceIndexStore(connection.doc).getSnapshot()
    return { kind: 'preview', upload, plan: made, summary: summarizeImport(made, index) }
  }

  const check = async (picked: readonly File[]): Promise<void> => {
    if (picked.length === 0) return
    setStep({ kind: 'reading' })
    try {
      const files = await Promise.all(
        picked.map(async (file) => ({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      )
      setStep(plan(readUpload(files)))
    } catch (error) {
      setStep({
        kind: 'pick',
        error: t('common.failed', {
          message: error instanceof Error ? error.message : String(error),
        }),
      })
    }
  }

  const confirm = (previewed: Extract<Step, { kind: 'preview' }>): void => {
    // The map may have changed since the preview was made: plan again, and show it again
    // instead of importing when it no longer goes through.
    const fresh = plan(previewed.upload)
    if (!fresh.plan.ok) {
      setStep({ ...fresh, notice: t('mapTransfer.import.changedSince') })
      return
    }
    applyCsvImport(connection.doc, fresh.plan, {
      author: { name: authorName },
      now: Date.now(),
    })
    setStep({
      kind: 'done',
      message: t('mapTransfer.import.imported', {
        companies: t('mapTransfer.export.companies', { count: fresh.plan.companies.length }),
        competences: t('mapTransfer.export.competences', {
          count: fresh.plan.competences.length,
        }),
        cells: t('mapTransfer.export.cells', { count: fresh.plan.cells.length }),
      }),
    })
  }

  const preview = step.kind === 'preview' ? step : undefined
  const blocked =
    preview === undefined
      ? undefined
      : preview.plan.problems.length > 0 || preview.upload.refused.length > 0
        ? t('mapTransfer.import.blocked')
        : !preview.plan.ok
          ? t('mapTransfer.import.nothing')
          : undefined

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('mapTransfer.import.title')}
      description={t('mapTransfer.import.description')}
      size="md"
      testId="csv-import-dialog"
    >
      {(step.kind === 'pick' || step.kind === 'reading') && (
        <FileDropPicker
          accept={ACCEPT}
          label={t('mapTransfer.import.choose')}
          hint={t('mapTransfer.import.dropHint')}
          disabled={step.kind === 'reading'}
          onFiles={(files) => void check(files)}
          testIds={{ input: 'csv-import-input', choose: 'csv-import-choose' }}
        />
      )}
      <div
        className="transfer-status"
        role="status"
        aria-live="polite"
        data-testid="csv-import-status"
      >
        {step.kind === 'reading' && t('mapTransfer.import.reading')}
        {step.kind === 'done' && step.message}
        {preview?.notice}
      </div>
      {step.kind === 'pick' && step.error !== undefined && (
        <p className="transfer-error" role="alert">
          {step.error}
        </p>
      )}
      {preview !== undefined && <Preview preview={preview} />}
      {blocked !== undefined && (
        <p id={blockedId} className="map-import-blocked" data-testid="csv-import-blocked">
          {blocked}
        </p>
      )}
      <DialogFooter>
        {preview !== undefined && (
          <>
            <Button onClick={() => setStep({ kind: 'pick' })}>
              {t('mapTransfer.import.chooseOther')}
            </Button>
            <Button
              variant="primary"
              disabled={blocked !== undefined}
              aria-describedby={blocked !== undefined ? blockedId : undefined}
              onClick={() => confirm(preview)}
              data-testid="csv-import-confirm"
            >
              {t('mapTransfer.import.confirm')}
            </Button>
          </>
        )}
        {step.kind === 'done' && (
          <Button variant="primary" onClick={onClose} data-testid="csv-import-close">
            {t('common.close')}
          </Button>
        )}
      </DialogFooter>
    </Dialog>
  )
}

function Preview({ preview }: { preview: Extract<Step, { kind: 'preview' }> }) {
  const { t } = useTranslation()
  const { upload, plan, summary } = preview
  const fileName = (kind: CsvKind): string =>
    upload.sources.find((source) => source.kind === kind)?.name ?? kind
  const archives = [
    ...new Set(
      upload.sources.flatMap((source) => (source.archive === undefined ? [] : [source.archive])),
    ),
  ]
  return (
    <div className="transfer-report map-import-report">
      <section aria-labelledby="csv-import-files">
        <h3 id="csv-import-files" className="transfer-report-heading">
          {archives.length > 0
            ? t('mapTransfer.import.filesFrom', { archive: archives.join(', ') })
            : t('mapTransfer.import.files')}
        </h3>
        <ul className="map-import-files" data-testid="csv-import-files">
          {upload.sources.map((source) => (
            <li key={`${source.archive ?? ''}/${source.name}`}>
              <FileSpreadsheet size={14} aria-hidden />
              <span className="map-import-file">{source.name}</span>
              <span className="map-import-file-meta">
                {t(`mapTransfer.import.fileKind.${source.kind}`)} ·{' '}
                {t('mapTransfer.import.rows', { count: source.rows })}
                {source.latin1 && ` · ${t('mapTransfer.import.latin1')}`}
              </span>
            </li>
          ))}
          {upload.refused.map((file) => (
            <li key={file.name} className="is-refused" data-testid="csv-import-refused">
              <CircleAlert size={14} aria-hidden />
              <span className="map-import-file">{file.name}</span>
              <span className="map-import-file-meta">{refusal(t, file)}</span>
            </li>
          ))}
        </ul>
      </section>
      {plan.problems.length > 0 ? (
        <section aria-labelledby="csv-import-problems" data-testid="csv-import-problems">
          <h3 id="csv-import-problems" className="transfer-report-heading map-import-problems">
            <CircleAlert size={14} aria-hidden />
            {t('mapTransfer.import.problemsHeading', { count: plan.problems.length })}
          </h3>
          <table className="map-problem-table">
            <thead>
              <tr>
                <th scope="col">{t('mapTransfer.import.problemColumns.file')}</th>
                <th scope="col">{t('mapTransfer.import.problemColumns.row')}</th>
                <th scope="col">{t('mapTransfer.import.problemColumns.column')}</th>
                <th scope="col">{t('mapTransfer.import.problemColumns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.problems.map((problem, i) => (
                <tr key={i} data-testid="csv-import-problem">
                  <td>{fileName(problem.file)}</td>
                  <td>{problem.row ?? t('mapTransfer.import.wholeFile')}</td>
                  <td>{problem.column ?? '–'}</td>
                  <td>{problemReason(t, problem)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : (
        <section aria-labelledby="csv-import-changes" data-testid="csv-import-summary">
          <h3 id="csv-import-changes" className="transfer-report-heading">
            {t('mapTransfer.import.whatChanges')}
          </h3>
          <dl className="map-import-summary">
            <SummaryGroup
              title={t('mapTransfer.import.companies')}
              added={summary.companies.added}
              changed={summary.companies.changed.map((change) => ({
                name: change.name,
                fields: change.fields.map((field) => t(`mapCompany.fields.${field}`)),
              }))}
              unchanged={summary.companies.unchanged}
              testId="csv-import-companies"
            />
            <SummaryGroup
              title={t('mapTransfer.import.competences')}
              added={summary.competences.added}
              changed={summary.competences.changed.map((change) => ({
                name: change.name,
                fields: change.fields.map((field) => t(`mapVocabulary.columns.${field}`)),
              }))}
              unchanged={summary.competences.unchanged}
              testId="csv-import-competences"
            />
            <div className="map-import-group" data-testid="csv-import-cells">
              <dt>{t('mapTransfer.import.cells')}</dt>
              <dd>
                {summary.cells.added + summary.cells.changed + summary.cells.unchanged === 0
                  ? t('mapTransfer.import.nothingNew')
                  : [
                      t('mapTransfer.import.added', { count: summary.cells.added }),
                      t('mapTransfer.import.changed', { count: summary.cells.changed }),
                      t('mapTransfer.import.unchanged', { count: summary.cells.unchanged }),
                    ].join(' · ')}
              </dd>
            </div>
          </dl>
        </section>
      )}
      {plan.warnings.length > 0 && (
        <section aria-labelledby="csv-import-warnings" data-testid="csv-import-warnings">
          <h3 id="csv-import-warnings" className="transfer-report-heading">
            <Info size={14} aria-hidden />
            {t('mapTransfer.import.warningsHeading')}
          </h3>
          <ul className="transfer-list">
            {plan.warnings.map((warning, i) => (
              <li key={i}>
                <span className="transfer-file">
                  {fileName(warning.file)} · {warning.row} · {warning.column}
                </span>
                <span className="transfer-reason">{problemReason(t, warning)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

/** Names listed up to a few, then "and 4 more". */
const SHORT_LIST = 6
function shortList(t: TFunction, items: readonly string[], separator = ', '): string {
  if (items.length <= SHORT_LIST) return items.join(separator)
  return t('mapTransfer.import.andMore', {
    list: items.slice(0, SHORT_LIST - 1).join(separator),
    count: items.length - (SHORT_LIST - 1),
  })
}

function SummaryGroup({
  title,
  added,
  changed,
  unchanged,
  testId,
}: {
  title: string
  added: readonly string[]
  changed: readonly { name: string; fields: string[] }[]
  unchanged: number
  testId: string
}) {
  const { t } = useTranslation()
  const nothing = added.length + changed.length + unchanged === 0
  return (
    <div className="map-import-group" data-testid={testId}>
      <dt>{title}</dt>
      <dd>
        {nothing ? (
          t('mapTransfer.import.nothingNew')
        ) : (
          <ul className="map-import-lines">
            {added.length > 0 && (
              <li>
                <strong>{t('mapTransfer.import.added', { count: added.length })}:</strong>{' '}
                {shortList(t, added)}
              </li>
            )}
            {changed.length > 0 && (
              <li>
                <strong>{t('mapTransfer.import.changed', { count: changed.length })}:</strong>{' '}
                {shortList(
                  t,
                  changed.map((change) =>
                    t('mapTransfer.import.fieldsChanged', {
                      name: change.name,
                      fields: change.fields.join(', '),
                    }),
                  ),
                  '; ',
                )}
              </li>
            )}
            {unchanged > 0 && <li>{t('mapTransfer.import.unchanged', { count: unchanged })}</li>}
          </ul>
        )}
      </dd>
    </div>
  )
}
