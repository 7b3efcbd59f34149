/**
 * After opening the map's vocabulary from a search hit: scrolls the competence's row
 * (`data-competence-id`, map/vocabulary/CompetenceRow.tsx) into view and marks it for a moment
 * (`.search-reveal`, styles/search.css); the same for an offer/need on a company's page. The map loads lazily, so the row is looked for on each
 * frame for a while; a row that never appears (filtered out, deleted) is given up quietly.
 */
const LOOK_FOR_MS = 3000
const MARK_MS = 2000

export function revealCompetence(competenceId: string): void {
  revealElement(`[data-competence-id="${CSS.escape(competenceId)}"]`)
}

/**
 * After opening a company's page from an offer/need hit: the row of that competence
 * (map/company/CompanyPage.tsx lists offers and needs by the competence's name).
 */
export function revealCompanyCell(competenceName: string): void {
  revealElement(
    '[data-testid="company-page"] .company-cells > li',
    (element) => element.querySelector('.company-cell-label')?.textContent === competenceName,
  )
}

export function revealElement(
  selector: string,
  matches: (element: Element) => boolean = () => true,
): void {
  const started = performance.now()
  const look = (): void => {
    const element = [...document.querySelectorAll<HTMLElement>(selector)].find(matches) ?? null
    if (element === null) {
      if (performance.now() - started < LOOK_FOR_MS) requestAnimationFrame(look)
      return
    }
    element.scrollIntoView({ block: 'center' })
    element.classList.add('search-reveal')
    setTimeout(() => element.classList.remove('search-reveal'), MARK_MS)
  }
  requestAnimationFrame(look)
}
