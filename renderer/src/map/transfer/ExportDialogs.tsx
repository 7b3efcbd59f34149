import { Download } from 'lucide-react'
import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { exportCompetenceMapCsv, type CsvDelimiter } from '../../../../shared/model/competence/csv'
import { kumuBlueprint, kumuCsv } from '../../../../shared/model/competence/kumu'
import type { LabelLanguage } from '../../../../shared/model/competence/vocabulary'
import { safeFileStem } from '../../../../shared/model/markdown/fileNames'
import { readWorkspaceMeta } from '../../../../shared/model/workspace'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { downloadBlob } from '../../transfer/download'
import { Button } from '../../ui/Button'
import { Dialog, DialogFooter } from '../../ui/Dialog'
import { competenceIndexStore, useCompetenceIndex } from '../competenceStore'
import { csvZip, textZip } from './csvFiles'

/** "Kryssklyngen-kompetansekart": the workspace's name and what the file is. */
function fileStem(connection: WorkspaceConnection, what: string): string {
  const name = readWorkspaceMeta(connection.doc).name
  return safeFileStem(name === '' ? what : `${name}-${what}`)
}

/** A radio option with a hint under its label. */
function Choice({
  name,
  value,
  checked,
  onChange,
  label,
  hint,
  testId,
}: {
  name: string
  value: string
  checked: boolean
  onChange: () => void
  label: ReactNode
  hint: ReactNode
  testId: string
}) {
  const hintId = useId()
  return (
    <label className="map-choice">
      <input
        type="radio"
        name={name}
        value={value}
        checked={checked}
        onChange={onChange}
        aria-describedby={hintId}
        data-testid={testId}
      />
      <span>
        <span className="map-choice-label">{label}</span>
        <span id={hintId} className="map-choice-hint">
          {hint}
        </span>
      </span>
    </label>
  )
}

/**
 * "Export spreadsheets (CSV)…": companies.csv, competences.csv and offers-needs.csv in one
 * .zip, with ';' (Excel in Norwegian) or ',' (everything else) between the columns.
 */
export function CsvExportDialog({
  connection,
  onClose,
}: {
  connection: WorkspaceConnection
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [delimiter, setDelimiter] = useState<CsvDelimiter>(
    i18n.language.startsWith('nb') ? ';' : ',',
  )
  const [done, setDone] = useState<string>()
  const index = useCompetenceIndex(connection.doc)

  const download = (): void => {
    const files = exportCompetenceMapCsv(index, { delimiter })
    const file = `${fileStem(connection, t('mapTransfer.fileStem'))}.zip`
    downloadBlob(new Blob([csvZip(files)], { type: 'application/zip' }), file)
    setDone(t('mapTransfer.export.downloaded', { file }))
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('mapTransfer.export.title')}
      description={t('mapTransfer.export.description')}
      size="md"
      testId="csv-export-dialog"
    >
      <p className="map-transfer-contents">
        {t('mapTransfer.export.contents', {
          companies: t('mapTransfer.export.companies', { count: index.companies.length }),
          competences: t('mapTransfer.export.competences', { count: index.competences.length }),
          cells: t('mapTransfer.export.cells', { count: index.cells.length }),
        })}
      </p>
      <fieldset className="map-choices">
        <legend className="field-label">{t('mapTransfer.export.delimiter')}</legend>
        <Choice
          name={`${id}-delimiter`}
          value=";"
          checked={delimiter === ';'}
          onChange={() => setDelimiter(';')}
          label={t('mapTransfer.export.semicolon')}
          hint={t('mapTransfer.export.semicolonHint')}
          testId="csv-delimiter-semicolon"
        />
        <Choice
          name={`${id}-delimiter`}
          value=","
          checked={delimiter === ','}
          onChange={() => setDelimiter(',')}
          label={t('mapTransfer.export.comma')}
          hint={t('mapTransfer.export.commaHint')}
          testId="csv-delimiter-comma"
        />
      </fieldset>
      <p className="map-transfer-done" role="status" data-testid="csv-export-status">
        {done}
      </p>
      <DialogFooter>
        <Button variant="ghost" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button
          variant="primary"
          icon={<Download size={16} aria-hidden />}
          onClick={download}
          data-testid="csv-export-download"
        >
          {t('mapTransfer.export.download')}
        </Button>
      </DialogFooter>
    </Dialog>
  )
}

/**
 * "Export for Kumu…": Kumu's JSON blueprint, or its two spreadsheets in a .zip, with the
 * competences labelled in Bokmål or English.
 */
export function KumuExportDialog({
  connection,
  onClose,
}: {
  connection: WorkspaceConnection
  onClose: () => void
}) {
  const { t, i18n } = useTranslation()
  const id = useId()
  const [format, setFormat] = useState<'json' | 'csv'>('json')
  const [language, setLanguage] = useState<LabelLanguage>(
    i18n.language.startsWith('en') ? 'en' : 'nb',
  )
  const [done, setDone] = useState<string>()

  const download = (): void => {
    const blueprint = kumuBlueprint(competenceIndexStore(connection.doc).getSnapshot(), language)
    const stem = fileStem(connection, 'kumu')
    if (format === 'json') {
      const file = `${stem}.json`
      downloadBlob(
        new Blob([JSON.stringify(blueprint, null, 2)], { type: 'application/json' }),
        file,
      )
      setDone(t('mapTransfer.kumu.downloaded', { file }))
    } else {
      const file = `${stem}.zip`
      downloadBlob(new Blob([textZip(kumuCsv(blueprint))], { type: 'application/zip' }), file)
      setDone(t('mapTransfer.kumu.downloaded', { file }))
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      title={t('mapTransfer.kumu.title')}
      description={t('mapTransfer.kumu.description')}
      size="md"
      testId="kumu-export-dialog"
    >
      <fieldset className="map-choices">
        <legend className="field-label">{t('mapTransfer.kumu.format')}</legend>
        <Choice
          name={`${id}-format`}
          value="json"
          checked={format === 'json'}
          onChange={() => setFormat('json')}
          label={t('mapTransfer.kumu.json')}
          hint={t('mapTransfer.kumu.jsonHint')}
          testId="kumu-format-json"
        />
        <Choice
          name={`${id}-format`}
          value="csv"
          checked={format === 'csv'}
          onChange={() => setFormat('csv')}
          label={t('mapTransfer.kumu.csv')}
          hint={t('mapTransfer.kumu.csvHint')}
          testId="kumu-format-csv"
        />
      </fieldset>
      <div className="field map-choices-language">
        <label className="field-label" htmlFor={`${id}-language`}>
          {t('mapTransfer.kumu.language')}
        </label>
        <select
          id={`${id}-language`}
          className="select"
          value={language}
          onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'nb')}
          data-testid="kumu-language"
        >
          <option value="nb">{t('mapTransfer.kumu.nb')}</option>
          <option value="en">{t('mapTransfer.kumu.en')}</option>
        </select>
      </div>
      <p className="map-transfer-done" role="status" data-testid="kumu-export-status">
        {done}
      </p>
      <DialogFooter>
        <Button variant="ghost" onClick={onClose}>
          {t('common.close')}
        </Button>
        <Button
          variant="primary"
          icon={<Download size={16} aria-hidden />}
          onClick={download}
          data-testid="kumu-export-download"
        >
          {t('mapTransfer.kumu.download')}
        </Button>
      </DialogFooter>
    </Dialog>
  )
}
