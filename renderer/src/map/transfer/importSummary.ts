import type { Company } from '../../../../shared/model/companies'
import type { CsvImportPlan } from '../../../../shared/model/competence/csvImport'
import type { CompetenceIndex } from '../../../../shared/model/competence/matrixIndex'
import { synonymKey } from '../../../../shared/model/competence/vocabulary'

/**
 * What an import plan (`planCsvImport`) would do to the map as it is now, for the preview:
 * which companies and competences are new, which change and in which fields, and how many
 * offer/need rows are new, change something or change nothing.
 */

export type Changed<F extends string> = { name: string; fields: F[] }

export type CompetenceField = 'name' | 'nameEn' | 'category' | 'esco' | 'synonyms'

export type ImportSummary = {
  companies: { added: string[]; changed: Changed<keyof Omit<Company, 'id'>>[]; unchanged: number }
  competences: { added: string[]; changed: Changed<CompetenceField>[]; unchanged: number }
  cells: { added: number; changed: number; unchanged: number }
}

export function summarizeImport(plan: CsvImportPlan, index: CompetenceIndex): ImportSummary {
  const summary: ImportSummary = {
    companies: { added: [], changed: [], unchanged: 0 },
    competences: { added: [], changed: [], unchanged: 0 },
    cells: { added: 0, changed: 0, unchanged: 0 },
  }

  for (const planned of plan.companies) {
    const company = index.companyById.get(planned.id)
    if (planned.action === 'create' || company === undefined) {
      summary.companies.added.push(planned.name)
      continue
    }
    const fields = (Object.keys(planned.patch) as (keyof typeof planned.patch)[]).filter(
      (field) => planned.patch[field] !== undefined && planned.patch[field] !== company[field],
    )
    if (fields.length === 0) summary.companies.unchanged++
    else summary.companies.changed.push({ name: company.name, fields })
  }

  for (const planned of plan.competences) {
    const entry = index.competenceById.get(planned.id)
    if (planned.action === 'create' || entry === undefined) {
      summary.competences.added.push(planned.name)
      continue
    }
    const fields: CompetenceField[] = []
    if (planned.name !== entry.name) fields.push('name')
    if (
      planned.nameEn !== undefined &&
      planned.nameEn !== (entry.hasEnglishLabel ? entry.labels.en : '')
    )
      fields.push('nameEn')
    if (planned.category !== undefined && planned.category !== entry.category)
      fields.push('category')
    if (planned.esco !== undefined && planned.esco !== (entry.esco ?? '')) fields.push('esco')
    const own = new Set(
      [entry.labels.nb, entry.labels.en, ...entry.synonyms].map((name) => synonymKey(name)),
    )
    if (planned.synonyms.some((synonym) => !own.has(synonymKey(synonym)))) fields.push('synonyms')
    if (fields.length === 0) summary.competences.unchanged++
    else summary.competences.changed.push({ name: entry.name, fields })
  }

  for (const planned of plan.cells) {
    const cell = index.cell(planned.companyId, planned.competenceId)
    if (cell === undefined) {
      summary.cells.added++
      continue
    }
    const differs =
      (planned.offer !== undefined && planned.offer !== cell.offer) ||
      (planned.need !== undefined && planned.need !== cell.need) ||
      (planned.comment !== undefined && planned.comment !== cell.comment) ||
      planned.evidence.some((id) => !cell.evidence.includes(id))
    if (differs) summary.cells.changed++
    else summary.cells.unchanged++
  }
  return summary
}
