import { Plus } from 'lucide-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { openMap } from '../../lib/route'
import { useCompanies } from '../../notes/useNotes'
import type { WorkspaceConnection } from '../../sync/workspaceConnection'
import { Button } from '../../ui/Button'
import { CompanyDialog } from './CompanyDialog'
import { suggestColor } from './companyForm'

/**
 * The sidebar's "New company": opens the profile form and, once created, the company's page.
 * Not shown to view-only guests.
 */
export function NewCompanyButton({
  connection,
  readOnly,
}: {
  connection: WorkspaceConnection
  readOnly: boolean
}) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const companies = useCompanies(connection.doc)
  if (readOnly) return null
  return (
    <div className="new-note-row">
      <Button
        size="sm"
        className="new-note"
        icon={<Plus size={16} aria-hidden />}
        onClick={() => setOpen(true)}
        data-testid="new-company"
      >
        {t('mapCompany.new')}
      </Button>
      {open && (
        <CompanyDialog
          connection={connection}
          company={undefined}
          initialColor={suggestColor(companies.map((company) => company.color))}
          onClose={() => setOpen(false)}
          onCreated={(id) => openMap({ view: 'company', company: id })}
        />
      )}
    </div>
  )
}
