import type { CompanyId, CompetenceId } from '../../ids'
import type { Company, Industry } from '../companies'
import { NEED_LEVELS, OFFER_LEVELS, type Level } from './cells'
import type { MatchMark } from './matchStatus'
import type { CompetenceIndex } from './matrixIndex'
import type { VocabularyEntry } from './vocabulary'
import { matchKey } from './matchStatus'

/**
 * Matchmaking: for every need, the offers of the same competence from OTHER companies,
 * ranked. Matching is exact by competence id (after merge resolution): synonyms and related
 * competences do not match — merge two competences when they are the same thing. The score
 * favours, in this order of weight, another industry (cross-industry is the cluster's point),
 * a higher offer level and a higher need level:
 *
 *   score = CROSS_INDUSTRY_BONUS × (industries differ) + offer level + need level
 *
 * so a solid offer from another industry (2 + 2) ranks above an expert one from the same
 * industry (3), and an expert from the same industry above "some" from another (tie on score,
 * broken by the offer level). Ties: offer level, then the offering company's name, then id.
 * Needs are listed by need level (critical first), then company name, then competence label.
 */
export const CROSS_INDUSTRY_BONUS = 2

export type Explanation = { nb: string; en: string }

export type Match = {
  /** `matchKey`: need company | competence | offer company. */
  key: string
  needCompanyId: CompanyId
  offerCompanyId: CompanyId
  competenceId: CompetenceId
  needLevel: Level
  offerLevel: Level
  crossIndustry: boolean
  score: number
  /** Written when first read. */
  readonly explanation: Explanation
  /** The mark (contacted, project started, not relevant), when there is one. */
  mark: MatchMark | undefined
}

export type NeedMatches = {
  companyId: CompanyId
  competenceId: CompetenceId
  needLevel: Level
  /** Best first. */
  matches: Match[]
}

/** How a company's industry reads in an explanation ("panel maker needs …"). */
export const INDUSTRY_ROLES: Record<Industry, Explanation> = {
  furniture: { nb: 'møbelprodusent', en: 'furniture maker' },
  food: { nb: 'matprodusent', en: 'food producer' },
  'wood-panels': { nb: 'plateprodusent', en: 'panel maker' },
  chains: { nb: 'kjettingprodusent', en: 'chain maker' },
  packaging: { nb: 'emballasjeprodusent', en: 'packaging maker' },
  construction: { nb: 'byggefirma', en: 'builder' },
  innovation: { nb: 'innovasjonsselskap', en: 'innovation company' },
  university: { nb: 'utdanning og forskning', en: 'university' },
  other: { nb: 'annen bransje', en: 'other industry' },
}

export const OFFER_LEVEL_LABELS: Record<(typeof OFFER_LEVELS)[number], Explanation> = {
  none: { nb: 'ingen', en: 'none' },
  some: { nb: 'noe', en: 'some' },
  solid: { nb: 'solid', en: 'solid' },
  expert: { nb: 'ekspert', en: 'expert' },
}

export const NEED_LEVEL_LABELS: Record<(typeof NEED_LEVELS)[number], Explanation> = {
  none: { nb: 'ingen', en: 'none' },
  'nice-to-have': { nb: 'fint å ha', en: 'nice to have' },
  important: { nb: 'viktig', en: 'important' },
  critical: { nb: 'kritisk', en: 'critical' },
}

/**
 * "Vestplate AS (panel maker) needs Bio-based binders (critical); Fjordmat AS (food
 * producer) offers it (solid) — different industry", in both languages.
 */
export function explainMatch(input: {
  need: Company
  offer: Company
  competence: { nb: string; en: string }
  needLevel: Level
  offerLevel: Level
}): Explanation {
  const needRole = INDUSTRY_ROLES[input.need.industry]
  const offerRole = INDUSTRY_ROLES[input.offer.industry]
  const needLevel = NEED_LEVEL_LABELS[NEED_LEVELS[input.needLevel]]
  const offerLevel = OFFER_LEVEL_LABELS[OFFER_LEVELS[input.offerLevel]]
  const cross = input.need.industry !== input.offer.industry
  return {
    nb:
      `${input.need.name} (${needRole.nb}) trenger ${input.competence.nb} (${needLevel.nb}); ` +
      `${input.offer.name} (${offerRole.nb}) tilbyr det (${offerLevel.nb}) — ` +
      (cross ? 'annen bransje' : 'samme bransje'),
    en:
      `${input.need.name} (${needRole.en}) needs ${input.competence.en} (${needLevel.en}); ` +
      `${input.offer.name} (${offerRole.en}) offers it (${offerLevel.en}) — ` +
      (cross ? 'different industry' : 'same industry'),
  }
}

/** A match whose explanation is written when first read (most are never shown). */
class RankedMatch implements Match {
  readonly key: string
  readonly needCompanyId: CompanyId
  readonly offerCompanyId: CompanyId
  readonly competenceId: CompetenceId
  readonly needLevel: Level
  readonly offerLevel: Level
  readonly crossIndustry: boolean
  readonly score: number
  readonly mark: MatchMark | undefined
  #need: Company
  #offer: Company
  #labels: { nb: string; en: string }
  #explanation: Explanation | undefined

  constructor(
    need: Company,
    offer: Company,
    competence: VocabularyEntry,
    needLevel: Level,
    offerLevel: Level,
    marks: ReadonlyMap<string, MatchMark> | undefined,
  ) {
    this.needCompanyId = need.id
    this.offerCompanyId = offer.id
    this.competenceId = competence.id
    this.key = matchKey(this)
    this.needLevel = needLevel
    this.offerLevel = offerLevel
    this.crossIndustry = need.industry !== offer.industry
    this.score = (this.crossIndustry ? CROSS_INDUSTRY_BONUS : 0) + offerLevel + needLevel
    this.mark = marks?.get(this.key)
    this.#need = need
    this.#offer = offer
    this.#labels = competence.labels
  }

  get explanation(): Explanation {
    this.#explanation ??= explainMatch({
      need: this.#need,
      offer: this.#offer,
      competence: this.#labels,
      needLevel: this.needLevel,
      offerLevel: this.offerLevel,
    })
    return this.#explanation
  }

  toJSON(): Omit<Match, never> {
    return {
      key: this.key,
      needCompanyId: this.needCompanyId,
      offerCompanyId: this.offerCompanyId,
      competenceId: this.competenceId,
      needLevel: this.needLevel,
      offerLevel: this.offerLevel,
      crossIndustry: this.crossIndustry,
      score: this.score,
      explanation: this.explanation,
      mark: this.mark,
    }
  }
}

/**
 * Every need with its ranked offers. `marks` (from `readMatchMarks`) are attached to the
 * matches they belong to; `limit` caps the offers kept per need (all by default). Needs
 * without any offer are listed with an empty `matches`.
 *
 * The order of a competence's offers depends only on the needing company's industry (the
 * need level adds the same to every score), so offers are ranked once per competence and
 * industry and every need walks that list, skipping its own company.
 */
export function findMatches(
  index: CompetenceIndex,
  options: { marks?: ReadonlyMap<string, MatchMark>; limit?: number } = {},
): NeedMatches[] {
  const limit = options.limit ?? Number.POSITIVE_INFINITY
  // Ranks instead of localeCompare in the sorts: companies come sorted by name already.
  const companyRank = new Map(index.companies.map((company, i) => [company.id, i]))
  const rank = (id: CompanyId): number => companyRank.get(id) ?? 0
  const out: NeedMatches[] = []
  for (const competence of index.competences) {
    const cells = index.byCompetence.get(competence.id)
    if (cells === undefined) continue
    const offers = cells
      .filter((cell) => cell.offer > 0)
      .map((cell) => ({
        company: index.companyById.get(cell.companyId) as Company,
        level: cell.offer,
      }))
    const rankedFor = new Map<Industry, typeof offers>()
    for (const needCell of cells) {
      if (needCell.need === 0) continue
      const need = index.companyById.get(needCell.companyId) as Company
      let ranked = rankedFor.get(need.industry)
      if (ranked === undefined) {
        const bonus = (offer: (typeof offers)[number]): number =>
          (offer.company.industry !== need.industry ? CROSS_INDUSTRY_BONUS : 0) + offer.level
        ranked = [...offers].sort(
          (a, b) =>
            bonus(b) - bonus(a) || b.level - a.level || rank(a.company.id) - rank(b.company.id),
        )
        rankedFor.set(need.industry, ranked)
      }
      const matches: Match[] = []
      for (const offer of ranked) {
        if (matches.length >= limit) break
        if (offer.company.id === need.id) continue
        matches.push(
          new RankedMatch(
            need,
            offer.company,
            competence,
            needCell.need,
            offer.level,
            options.marks,
          ),
        )
      }
      out.push({
        companyId: need.id,
        competenceId: competence.id,
        needLevel: needCell.need,
        matches,
      })
    }
  }
  const byLabel = [...index.competences].sort(
    (a, b) => a.name.localeCompare(b.name, 'nb') || (a.id < b.id ? -1 : 1),
  )
  const labelRank = new Map(byLabel.map((entry, i) => [entry.id, i]))
  return out.sort(
    (a, b) =>
      b.needLevel - a.needLevel ||
      rank(a.companyId) - rank(b.companyId) ||
      (labelRank.get(a.competenceId) ?? 0) - (labelRank.get(b.competenceId) ?? 0),
  )
}
