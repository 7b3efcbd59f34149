import { INDUSTRY_ROLES, NEED_LEVEL_LABELS, OFFER_LEVEL_LABELS } from './matching'
import { NEED_LEVELS, OFFER_LEVELS } from './cells'
import { toCsv, type CsvDelimiter } from './csv'
import type { CompetenceIndex } from './matrixIndex'
import type { LabelLanguage } from './vocabulary'

/**
 * The competence map for Kumu (kumu.io), which imports a "blueprint" — JSON with `elements`
 * and `connections` — or the same as two spreadsheets, elements.csv and connections.csv.
 * Companies and competences are elements; an offer is a connection company → competence, a
 * need one competence → company (the direction knowledge would flow). Kumu joins connections
 * to elements by label, so labels are made unique (a competence named like a company gets
 * " (competence)", a second of the same name " (2)").
 */
export type KumuElement = {
  label: string
  type: 'Company' | 'Competence'
  description: string
  tags: string[]
  /** Kryss's id, to find the record again. */
  'kryss id': string
  industry?: string
  size?: string
  location?: string
  website?: string
  category?: string
  color?: string
}

export type KumuConnection = {
  from: string
  to: string
  type: 'offers' | 'needs'
  direction: 'directed'
  level: number
  'level label': string
  description: string
}

export type KumuBlueprint = { elements: KumuElement[]; connections: KumuConnection[] }

export function kumuBlueprint(index: CompetenceIndex, lang: LabelLanguage): KumuBlueprint {
  const used = new Set<string>()
  const unique = (label: string, kind: string): string => {
    let candidate = label.trim() === '' ? kind : label.trim()
    if (used.has(candidate.toLowerCase())) candidate = `${candidate} (${kind})`
    for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${label} (${n})`
    used.add(candidate.toLowerCase())
    return candidate
  }
  const companyLabel = new Map<string, string>()
  const competenceLabel = new Map<string, string>()
  const elements: KumuElement[] = []
  for (const company of index.companies) {
    const label = unique(company.name, lang === 'nb' ? 'bedrift' : 'company')
    companyLabel.set(company.id, label)
    elements.push({
      label,
      type: 'Company',
      description: company.description,
      tags: [INDUSTRY_ROLES[company.industry][lang]],
      'kryss id': company.id,
      industry: company.industry,
      size: company.sizeBand,
      location: company.location,
      website: company.website,
      color: company.color,
    })
  }
  for (const entry of index.competences) {
    const label = unique(entry.labels[lang], lang === 'nb' ? 'kompetanse' : 'competence')
    competenceLabel.set(entry.id, label)
    elements.push({
      label,
      type: 'Competence',
      description: entry.synonyms.join(', '),
      tags: [entry.category],
      'kryss id': entry.id,
      category: entry.category,
    })
  }
  const connections: KumuConnection[] = []
  for (const cell of index.cells) {
    const company = companyLabel.get(cell.companyId)
    const competence = competenceLabel.get(cell.competenceId)
    if (company === undefined || competence === undefined) continue
    if (cell.offer > 0) {
      connections.push({
        from: company,
        to: competence,
        type: 'offers',
        direction: 'directed',
        level: cell.offer,
        'level label': OFFER_LEVEL_LABELS[OFFER_LEVELS[cell.offer]][lang],
        description: cell.comment,
      })
    }
    if (cell.need > 0) {
      connections.push({
        from: competence,
        to: company,
        type: 'needs',
        direction: 'directed',
        level: cell.need,
        'level label': NEED_LEVEL_LABELS[NEED_LEVELS[cell.need]][lang],
        description: cell.comment,
      })
    }
  }
  return { elements, connections }
}

/** The blueprint as Kumu's two spreadsheets (tags separated by '|', as Kumu reads them). */
export function kumuCsv(
  blueprint: KumuBlueprint,
  options: { delimiter?: CsvDelimiter } = {},
): { 'elements.csv': string; 'connections.csv': string } {
  const delimiter = options.delimiter ?? ','
  return {
    'elements.csv': toCsv(
      [
        [
          'Label',
          'Type',
          'Description',
          'Tags',
          'Kryss ID',
          'Industry',
          'Size',
          'Location',
          'Website',
          'Category',
          'Color',
        ],
        ...blueprint.elements.map((element) => [
          element.label,
          element.type,
          element.description,
          element.tags.join(' | '),
          element['kryss id'],
          element.industry ?? '',
          element.size ?? '',
          element.location ?? '',
          element.website ?? '',
          element.category ?? '',
          element.color ?? '',
        ]),
      ],
      delimiter,
    ),
    'connections.csv': toCsv(
      [
        ['From', 'To', 'Type', 'Direction', 'Level', 'Level label', 'Description'],
        ...blueprint.connections.map((connection) => [
          connection.from,
          connection.to,
          connection.type,
          connection.direction,
          connection.level,
          connection['level label'],
          connection.description,
        ]),
      ],
      delimiter,
    ),
  }
}
