import { FileDown, FileUp } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import type { WorkspaceId } from '../../../shared/ids'
import { MenuItem } from '../ui/Menu'
import { transferDialog } from './transferDialogs'

/** "Export to Markdown…" and "Import Markdown…" in a workspace's menu (owner only). */
export function TransferMenuItems({ id, name }: { id: WorkspaceId; name: string }) {
  const { t } = useTranslation()
  return (
    <>
      <MenuItem
        icon={<FileDown size={14} aria-hidden />}
        onSelect={() => transferDialog.set({ kind: 'export', id, name })}
      >
        {t('transfer.menuExport')}
      </MenuItem>
      <MenuItem
        icon={<FileUp size={14} aria-hidden />}
        onSelect={() => transferDialog.set({ kind: 'import', id, name })}
      >
        {t('transfer.menuImport')}
      </MenuItem>
    </>
  )
}
