import { FileDown, FileSpreadsheet, FileUp, MoreHorizontal } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IconButton } from '../../ui/IconButton'
import { Menu, MenuItem, MenuSeparator } from '../../ui/Menu'
import type { MapViewProps } from '../mapViews'
import { CsvImportDialog } from './CsvImportDialog'
import { CsvExportDialog, KumuExportDialog } from './ExportDialogs'

type Open = 'csv' | 'kumu' | 'import'

/**
 * The map header's "…": export the map as spreadsheets (CSV) or for Kumu, and import
 * spreadsheets. Exports are for everyone; a view-only guest does not see import.
 */
export function MapMenu({ connection, readOnly, authorName }: MapViewProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState<Open>()
  const close = (): void => setOpen(undefined)
  return (
    <>
      <Menu
        trigger={
          <IconButton
            label={t('mapTransfer.menu')}
            className="map-menu-trigger"
            data-testid="map-menu"
          >
            <MoreHorizontal size={16} aria-hidden />
          </IconButton>
        }
      >
        <MenuItem icon={<FileSpreadsheet size={14} aria-hidden />} onSelect={() => setOpen('csv')}>
          {t('mapTransfer.exportCsv')}
        </MenuItem>
        <MenuItem icon={<FileDown size={14} aria-hidden />} onSelect={() => setOpen('kumu')}>
          {t('mapTransfer.exportKumu')}
        </MenuItem>
        {!readOnly && (
          <>
            <MenuSeparator />
            <MenuItem icon={<FileUp size={14} aria-hidden />} onSelect={() => setOpen('import')}>
              {t('mapTransfer.importCsv')}
            </MenuItem>
          </>
        )}
      </Menu>
      {open === 'csv' && <CsvExportDialog connection={connection} onClose={close} />}
      {open === 'kumu' && <KumuExportDialog connection={connection} onClose={close} />}
      {open === 'import' && !readOnly && (
        <CsvImportDialog connection={connection} authorName={authorName} onClose={close} />
      )}
    </>
  )
}
