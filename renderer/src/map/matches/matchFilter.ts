import type { CompanyId, CompetenceId } from '../../../../shared/ids'
import type { NeedMatches } from '../../../../shared/model/competence/matching'
import { MATCH_STATUSES, type MatchStatus } from '../../../../shared/model/competence/matchStatus'
import type { Pipeline } from '../../../../shared/model/competence/pipeline'

/**
 * The matches view's filters, applied to `findMatches` and `matchPipeline` results. Pure.
 *
 * - company: its needs with all their offers, and other companies' needs that it could
 *   answer (with only its own offer listed) — "what concerns this company", both ways;
 * - competence: the needs of that competence;
 * - hide "not relevant": matches marked so are left out (and the pipeline's column for them);
 *   a need left without any match by that is left out too, while a need nobody offers at all
 *   stays ("nobody in the cluster offers this" is worth seeing).
 */
export type MatchFilter = {
  companyId: CompanyId | 'all'
  competenceId: CompetenceId | 'all'
  hideNotRelevant: boolean
}

export const EMPTY_MATCH_FILTER: MatchFilter = {
  companyId: 'all',
  competenceId: 'all',
  hideNotRelevant: false,
}

export function isMatchFiltered(filter: MatchFilter): boolean {
  return filter.companyId !== 'all' || filter.competenceId !== 'all' || filter.hideNotRelevant
}

export function filterNeeds(needs: readonly NeedMatches[], filter: MatchFilter): NeedMatches[] {
  const out: NeedMatches[] = []
  for (const need of needs) {
    if (filter.competenceId !== 'all' && need.competenceId !== filter.competenceId) continue
    const own = filter.companyId === 'all' || need.companyId === filter.companyId
    let matches = own
      ? need.matches
      : need.matches.filter((match) => match.offerCompanyId === filter.companyId)
    if (!own && matches.length === 0) continue
    if (filter.hideNotRelevant) {
      const kept = matches.filter((match) => match.mark?.status !== 'not-relevant')
      if (kept.length === 0 && matches.length > 0) continue
      matches = kept
    }
    out.push(matches === need.matches ? need : { ...need, matches })
  }
  return out
}

/** The statuses the pipeline shows as columns under a filter. */
export function pipelineColumns(filter: MatchFilter): MatchStatus[] {
  return MATCH_STATUSES.filter((status) => !(filter.hideNotRelevant && status === 'not-relevant'))
}

export function filterPipeline(pipeline: Pipeline, filter: MatchFilter): Pipeline {
  const keep = (entry: Pipeline[MatchStatus][number]): boolean =>
    (filter.companyId === 'all' ||
      entry.needCompanyId === filter.companyId ||
      entry.offerCompanyId === filter.companyId) &&
    (filter.competenceId === 'all' || entry.competenceId === filter.competenceId)
  return {
    contacted: pipeline.contacted.filter(keep),
    'project-started': pipeline['project-started'].filter(keep),
    'not-relevant': filter.hideNotRelevant ? [] : pipeline['not-relevant'].filter(keep),
  }
}
