import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import type { Company } from '../../../../shared/model/companies'
import {
  MAX_CELL_COMMENT_LENGTH,
  type CellSide,
  type Level,
} from '../../../../shared/model/competence/cells'
import { joinComments } from '../../../../shared/model/competence/matrixIndex'
import {
  promoteStickyToCell,
  type PromotedCell,
  type StickySource,
} from '../../../../shared/model/competence/promote'
import {
  findCompetenceByLabel,
  MAX_COMPETENCE_NAME_LENGTH,
  type CompetenceCategory,
  type VocabularyEntry,
} from '../../../../shared/model/competence/vocabulary'
import type { TemplateLanguage } from '../../../../shared/model/noteTypes'
import { foldText } from '../../../../shared/model/noteFilter'

/**
 * "Add to the competence map…" from a workshop sticky, the parts without a screen: which
 * member company the sticky's author belongs to (from the company in their profile), and the
 * cell to write from what the person chose in the dialog (shared/model/competence/promote.ts
 * makes the suggestion and the provenance; this keeps the sticky's words when the person picks
 * another competence than the one suggested, and never makes a second competence of a name
 * the vocabulary already has).
 */

/** Legal forms left out when a profile's company is compared with member companies. */
const LEGAL_FORMS = new Set(['as', 'asa', 'sa', 'ans', 'da', 'enk', 'ba', 'ab', 'ltd', 'gmbh'])

/** A company name for comparing: folded, punctuation as spaces, a trailing legal form dropped. */
export function companyKey(name: string): string {
  const words = foldText(name)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word !== '')
  if (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] as string)) words.pop()
  return words.join(' ')
}

/** The member company a profile's "company" names ("Lien Møbelverk" → Lien Møbelverk AS). */
export function companyNamed(companies: readonly Company[], name: string): CompanyId | undefined {
  const key = companyKey(name)
  if (key === '') return undefined
  return companies.find((company) => companyKey(company.name) === key)?.id
}

/** Someone present (on the board or in the workspace), as awareness tells. */
export type PresentPerson = { personId?: string; name: string; company: string }

/**
 * The company of a sticky's author: found by their person id among those on the board (a
 * sticky keeps its author's id), else by their name among everyone present; undefined when
 * they are not here or their profile's company is not a member company.
 */
export function authorCompany(
  author: { id: string; name: string },
  people: readonly PresentPerson[],
  companies: readonly Company[],
): CompanyId | undefined {
  const person =
    (author.id === '' ? undefined : people.find((candidate) => candidate.personId === author.id)) ??
    people.find((candidate) => author.name !== '' && candidate.name === author.name)
  return person === undefined ? undefined : companyNamed(companies, person.company)
}

export type CompetenceChoice =
  | { kind: 'existing'; id: CompetenceId }
  | { kind: 'new'; name: string; category: CompetenceCategory }

export type PromotionChoice = {
  side: CellSide
  companyId: CompanyId
  level: Level
  competence: CompetenceChoice
}

/** What the dialog starts with: the competence the sticky's first line names, or a new one. */
export function suggestCompetence(
  sticky: StickySource,
  vocabulary: readonly VocabularyEntry[],
  lang: TemplateLanguage,
): PromotedCell['competence'] | undefined {
  return promoteStickyToCell({
    sticky,
    side: 'offer',
    companyId: '' as CompanyId,
    vocabulary,
    lang,
  })?.competence
}

/**
 * The cell to write (`applyPromotedCell`) for the person's choice; undefined when the sticky
 * has no text or the new competence has no name.
 */
export function buildPromotion(input: {
  sticky: StickySource
  vocabulary: readonly VocabularyEntry[]
  lang: TemplateLanguage
  choice: PromotionChoice
}): PromotedCell | undefined {
  const { choice } = input
  const base = promoteStickyToCell({
    sticky: input.sticky,
    side: choice.side,
    companyId: choice.companyId,
    vocabulary: input.vocabulary,
    lang: input.lang,
    level: choice.level,
  })
  if (base === undefined) return undefined
  let competence: PromotedCell['competence']
  if (choice.competence.kind === 'existing') {
    const { id } = choice.competence
    const entry = input.vocabulary.find((candidate) => candidate.id === id)
    if (entry === undefined) return undefined
    competence = { kind: 'existing', id, name: entry.name }
  } else {
    const name = choice.competence.name.replace(/\s+/g, ' ').trim()
    if (name === '' || name.length > MAX_COMPETENCE_NAME_LENGTH) return undefined
    const found = findCompetenceByLabel(input.vocabulary, name)
    competence =
      found === undefined
        ? { kind: 'new', name, category: choice.competence.category }
        : { kind: 'existing', id: found.id, name: found.name }
  }
  // The suggestion left the sticky's words out when they were just the new competence's name;
  // under any other competence they say what the claim was.
  const words = input.sticky.text.replace(/\s+/g, ' ').trim()
  const keptName = base.competence.kind === 'new' && competence.kind === 'new'
  const lost =
    base.competence.kind === 'new' && !(keptName && competence.name === base.competence.name)
  const comment =
    lost && !base.comment.startsWith(words)
      ? joinComments(
          words.slice(0, MAX_CELL_COMMENT_LENGTH - base.comment.length - 1),
          base.comment,
        )
      : base.comment
  return { ...base, competence, comment }
}
