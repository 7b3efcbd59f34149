import { ExternalLink, Mail } from 'lucide-react'
import { useMemo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CompanyId, NoteId } from '../../../../shared/ids'
import type { Company } from '../../../../shared/model/companies'
import { NEED_LEVELS, OFFER_LEVELS } from '../../../../shared/model/competence/cells'
import type { CellView, CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { navigate } from '../../lib/route'
import { openExternalLink } from '../../notes/safeLink'
import { useNoteList } from '../../notes/useNotes'
import { usePresence } from '../../sync/usePresence'
import { useCompetenceIndex } from '../competenceStore'
import { CompanyBadge } from '../MapNav'
import type { MapViewProps } from '../mapViews'
import { CompanyActions } from './CompanyActions'

/**
 * One member company: its profile, what it offers and needs (strongest first), the notes
 * about it and the people behind them. Everything comes from the workspace document. Members
 * who may write edit the profile or delete the company from its header (CompanyActions).
 */
export function CompanyPage({
  connection,
  readOnly,
  companyId,
}: MapViewProps & { companyId: CompanyId }) {
  const { t, i18n } = useTranslation()
  const index = useCompetenceIndex(connection.doc)
  const company = index.companyById.get(companyId)
  if (company === undefined) {
    return (
      <div className="empty-state" data-testid="company-missing">
        <p className="empty-state-title">{t('map.companyUnknown')}</p>
        <p>{t('map.companyUnknownBody')}</p>
      </div>
    )
  }
  const language = i18n.language.startsWith('en') ? 'en' : 'nb'
  return (
    <article className="company-page" data-testid="company-page" aria-label={company.name}>
      <CompanyHeader company={company}>
        {!readOnly && <CompanyActions connection={connection} company={company} index={index} />}
      </CompanyHeader>
      <div className="company-columns">
        <CellList
          title={t('map.company.offers')}
          empty={t('map.company.noOffers')}
          cells={strongest(index, companyId, 'offer')}
          index={index}
          level={(cell) => t(`map.levels.offer.${OFFER_LEVELS[cell.offer]}`)}
          language={language}
          testId="company-offers"
        />
        <CellList
          title={t('map.company.needs')}
          empty={t('map.company.noNeeds')}
          cells={strongest(index, companyId, 'need')}
          index={index}
          level={(cell) => t(`map.levels.need.${NEED_LEVELS[cell.need]}`)}
          language={language}
          testId="company-needs"
        />
      </div>
      <CompanyNotes connection={connection} company={company} />
    </article>
  )
}

function strongest(
  index: CompetenceIndex,
  companyId: CompanyId,
  side: 'offer' | 'need',
): CellView[] {
  return (index.byCompany.get(companyId) ?? [])
    .filter((cell) => cell[side] > 0)
    .sort((a, b) => b[side] - a[side])
}

function CompanyHeader({ company, children }: { company: Company; children: ReactNode }) {
  const { t } = useTranslation()
  const facts = [
    t(`map.industries.${company.industry}`),
    company.location,
    company.sizeBand === '' ? '' : t('map.company.size', { band: company.sizeBand }),
  ].filter((fact) => fact !== '')
  return (
    <header className="company-header">
      <CompanyBadge company={company} size={56} />
      <div className="company-title">
        <h1>{company.name}</h1>
        <p className="company-facts">{facts.join(' · ')}</p>
        {company.description !== '' && <p className="company-description">{company.description}</p>}
        <p className="company-links">
          {company.website !== '' && (
            <button
              type="button"
              className="link-button"
              onClick={() => openExternalLink(company.website)}
            >
              <ExternalLink size={14} aria-hidden />
              {company.website.replace(/^https?:\/\//, '')}
            </button>
          )}
          {company.contactPerson !== '' && (
            <span>
              {t('map.company.contact')}: {company.contactPerson}
            </span>
          )}
          {company.contactEmail !== '' && (
            <button
              type="button"
              className="link-button"
              onClick={() => openExternalLink(`mailto:${company.contactEmail}`)}
            >
              <Mail size={14} aria-hidden />
              {company.contactEmail}
            </button>
          )}
        </p>
      </div>
      {children}
    </header>
  )
}

function CellList({
  title,
  empty,
  cells,
  index,
  level,
  language,
  testId,
}: {
  title: string
  empty: string
  cells: readonly CellView[]
  index: CompetenceIndex
  level: (cell: CellView) => string
  language: 'nb' | 'en'
  testId: string
}) {
  return (
    <section className="company-section" data-testid={testId}>
      <h2>{title}</h2>
      {cells.length === 0 ? (
        <p className="company-empty">{empty}</p>
      ) : (
        <ul className="company-cells">
          {cells.map((cell) => (
            <li key={cell.key}>
              <span className="company-cell-label">
                {index.competenceById.get(cell.competenceId)?.labels[language] ?? cell.competenceId}
              </span>
              <span className="company-cell-level">{level(cell)}</span>
              {cell.comment !== '' && <span className="company-cell-comment">{cell.comment}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The notes that belong to the company, and the people: its contact, authors, who is here. */
function CompanyNotes({
  connection,
  company,
}: {
  connection: MapViewProps['connection']
  company: Company
}) {
  const { t } = useTranslation()
  const notes = useNoteList(connection.doc)
  const participants = usePresence(connection.awareness)
  const own = useMemo(
    () => notes.filter((note) => note.companyId === company.id),
    [notes, company.id],
  )
  const people = useMemo(() => {
    const byName = new Map<string, string>()
    if (company.contactPerson !== '') byName.set(company.contactPerson, t('map.company.contact'))
    for (const note of own) {
      if (note.createdBy !== '' && !byName.has(note.createdBy)) {
        byName.set(note.createdBy, t('map.company.noteAuthor'))
      }
    }
    for (const participant of participants) {
      if (participant.company.trim().toLowerCase() === company.name.trim().toLowerCase()) {
        byName.set(participant.name, t('map.company.here'))
      }
    }
    return [...byName]
  }, [own, participants, company, t])
  const open = (id: NoteId): void => navigate({ workspace: connection.workspaceId, note: id })
  return (
    <div className="company-columns">
      <section className="company-section" data-testid="company-notes">
        <h2>{t('map.company.notes')}</h2>
        {own.length === 0 ? (
          <p className="company-empty">{t('map.company.noNotes')}</p>
        ) : (
          <ul className="company-cells">
            {own.map((note) => (
              <li key={note.id}>
                <button type="button" className="link-button" onClick={() => open(note.id)}>
                  {note.title || t('notes.untitled')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="company-section" data-testid="company-people">
        <h2>{t('map.company.people')}</h2>
        {people.length === 0 ? (
          <p className="company-empty">{t('map.company.noPeople')}</p>
        ) : (
          <ul className="company-cells">
            {people.map(([name, role]) => (
              <li key={name}>
                <span className="company-cell-label">{name}</span>
                <span className="company-cell-level">{role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  )
}
