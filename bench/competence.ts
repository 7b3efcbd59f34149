import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { fillCompetenceMap } from '../shared/model/competence/fixtures'
import { findMatches } from '../shared/model/competence/matching'
import { buildCompetenceIndex } from '../shared/model/competence/matrixIndex'
import { readMatchMarks } from '../shared/model/competence/pipeline'
import { ms, percentile, printRows, type Row } from './stats'

/**
 * Issue 6 in Node: a competence map of 50 companies × 300 competences with offers and needs
 * (the fixture's default density: an offer in 10 % of the cells, a need in 5 %), as a client
 * receives it. Measures building the matrix index (one pass over cells, vocabulary and
 * companies) and matchmaking for every need (ranked offers with explanations in two
 * languages). A dense map — an offer and a need in every cell — is measured too, as the
 * worst case nobody will reach.
 */
const RUNS = 15

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

function measure(
  label: string,
  options: { offerShare: number; needShare: number; limit?: number; target?: boolean },
): Row[] {
  const source = new Y.Doc()
  const fixture = fillCompetenceMap(source, {
    companies: 50,
    competences: 300,
    seed: 6,
    offerShare: options.offerShare,
    needShare: options.needShare,
  })
  const update = Y.encodeStateAsUpdateV2(source)
  const doc = new Y.Doc()
  Y.applyUpdateV2(doc, update)
  const index: number[] = []
  const matching: number[] = []
  let needs = 0
  let matches = 0
  for (let i = 0; i < RUNS; i++) {
    let built = buildCompetenceIndex(doc)
    index.push(time(() => (built = buildCompetenceIndex(doc))))
    const marks = readMatchMarks(doc, built.resolve)
    matching.push(
      time(() => {
        const result = findMatches(built, { marks, limit: options.limit })
        needs = result.length
        matches = 0
        // Every explanation written, as a list showing them all would.
        for (const need of result) {
          for (const match of need.matches) matches += match.explanation.en.length > 0 ? 1 : 0
        }
      }),
    )
  }
  const p50 = (samples: number[]): number => percentile(samples, 50)
  const scope = options.limit === undefined ? 'all offers' : `top ${options.limit} offers`
  return [
    {
      name: `${label}: cells with an offer / a need`,
      value: `${fixture.offers} / ${fixture.needs} (sync update ${(update.byteLength / 1024).toFixed(0)} KiB)`,
    },
    { name: `${label}: matrix index build (p50)`, value: ms(p50(index)) },
    {
      name: `${label}: matchmaking for all needs, ${scope}, explained (p50)`,
      value: ms(p50(matching)),
      ...(options.target === true ? { target: '≤ 50 ms', ok: p50(matching) <= 50 } : {}),
    },
    { name: `${label}: needs / matches`, value: `${needs} / ${matches}` },
  ]
}

export function runCompetenceBench(): void {
  printRows('Competence map, 50 companies × 300 competences (Node)', [
    ...measure('typical', { offerShare: 0.1, needShare: 0.05, target: true }),
    ...measure('dense', { offerShare: 1, needShare: 1, limit: 5 }),
  ])
}
