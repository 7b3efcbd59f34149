import { MoreHorizontal, Pencil, Trash2 } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { deleteCompany, type Company } from '../../../../shared/model/companies'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { readStoredMarks } from '../../../../shared/model/competence/matchStatus'
import { openMap } from '../../lib/route'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { IconButton } from '../../ui/IconButton'
import { Menu, MenuItem } from '../../ui/Menu'
import { MAP_VIEW_ENTRIES } from '../mapViews'
import { CompanyDialog } from './CompanyDialog'

/** What deleting a company takes with it (deleteCompany): its cells' offers and needs, its marks. */
export function companyFootprint(
  index: CompetenceIndex,
  marks: readonly { needCompanyId: string; offerCompanyId: string }[],
  company: Company,
): { offers: number; needs: number; marks: number } {
  const cells = index.byCompany.get(company.id) ?? []
  return {
    offers: cells.filter((cell) => cell.offer > 0).length,
    needs: cells.filter((cell) => cell.need > 0).length,
    marks: marks.filter(
      (mark) => mark.needCompanyId === company.id || mark.offerCompanyId === company.id,
    ).length,
  }
}

/**
 * The company page's "Edit profile" and "…" (delete) for members who may write. Deleting asks
 * first and says what goes with the company: its offers, needs and match marks.
 */
export function CompanyActions({
  connection,
  company,
  index,
}: {
  connection: WorkspaceConnection
  company: Company
  index: CompetenceIndex
}) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [deleting, setDeleting] = useState(false)
  const footprint = deleting
    ? companyFootprint(index, readStoredMarks(connection.doc), company)
    : undefined
  return (
    <div className="company-actions">
      <Button
        size="sm"
        icon={<Pencil size={14} aria-hidden />}
        onClick={() => setEditing(true)}
        data-testid="company-edit"
      >
        {t('mapCompany.edit')}
      </Button>
      <Menu
        trigger={
          <IconButton
            size="sm"
            label={t('mapCompany.actionsFor', { name: company.name })}
            data-testid="company-menu"
          >
            <MoreHorizontal size={16} aria-hidden />
          </IconButton>
        }
      >
        <MenuItem danger icon={<Trash2 size={14} aria-hidden />} onSelect={() => setDeleting(true)}>
          {t('mapCompany.delete')}
        </MenuItem>
      </Menu>
      {editing && (
        <CompanyDialog
          connection={connection}
          company={company}
          onClose={() => setEditing(false)}
        />
      )}
      {footprint !== undefined && (
        <ConfirmDialog
          open
          onOpenChange={setDeleting}
          title={t('mapCompany.deleteTitle', { name: company.name })}
          body={t('mapCompany.deleteBody', {
            name: company.name,
            offers: t('mapCompany.offerCount', { count: footprint.offers }),
            needs: t('mapCompany.needCount', { count: footprint.needs }),
            marks: t('mapCompany.markCount', { count: footprint.marks }),
          })}
          confirmLabel={t('mapCompany.deleteConfirm')}
          onConfirm={() => {
            deleteCompany(connection.doc, company.id)
            const [first] = MAP_VIEW_ENTRIES
            openMap(first === undefined ? undefined : { view: first.id })
          }}
        />
      )}
    </div>
  )
}
