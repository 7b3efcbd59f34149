import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import type { CompanyId, CompetenceId } from '../../shared/ids'
import { createCompany } from '../../shared/model/companies'
import { updateCell } from '../../shared/model/competence/cells'
import { setMatchStatus } from '../../shared/model/competence/matchStatus'
import { buildCompetenceIndex } from '../../shared/model/competence/matrixIndex'
import { mergeCompetences, settleMerges } from '../../shared/model/competence/merge'
import { matchPipeline, readMatchMarks } from '../../shared/model/competence/pipeline'
import { addCompetence, resolveCompetenceIds } from '../../shared/model/competence/vocabulary'
import { createNote, getNote } from '../../shared/model/notes'
import { rootRoomName } from '../../shared/rooms'
import { cleanup, connectProvider, startHost, waitFor, whenSynced } from './hostHarness'

afterEach(cleanup)

const ada = { author: { name: 'Ada' }, now: 1_000 }
const bo = { author: { name: 'Bo' }, now: 2_000 }

/** The map as a person sees it: comparable across replicas. */
function view(doc: Y.Doc) {
  const index = buildCompetenceIndex(doc)
  return {
    competences: index.competences.map((entry) => [entry.id, entry.name, entry.synonyms]),
    cells: index.cells.map((cell) => [
      cell.key,
      cell.offer,
      cell.need,
      cell.comment,
      cell.evidence,
    ]),
    pipeline: matchPipeline(index, readMatchMarks(doc, index.resolve)),
  }
}

function seed(doc: Y.Doc) {
  const company = (id: string, name: string, industry: 'food' | 'wood-panels') =>
    createCompany(doc, {
      id: id as CompanyId,
      name,
      industry,
      location: '',
      description: '',
      color: '#000000',
    })
  return {
    fjordmat: company('co-fjord', 'Fjordmat AS', 'food'),
    vestplate: company('co-vest', 'Vestplate AS', 'wood-panels'),
    starch: addCompetence(doc, {
      id: 'cp-starch' as CompetenceId,
      name: 'Stivelseskjemi',
      category: 'materials',
    }),
    starch2: addCompetence(doc, {
      id: 'cp-starch2' as CompetenceId,
      name: 'Stivelse',
      category: 'materials',
    }),
  }
}

describe('the competence map through a real host', () => {
  it('a merge on one client and offline edits of the old competence on another converge, and survive a restart', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Kompetansekart')
    const params = { token: workspace.token }
    const a = connectProvider(first.port, rootRoomName(workspace.id), params)
    const b = connectProvider(first.port, rootRoomName(workspace.id), params)
    await Promise.all([whenSynced(a), whenSynced(b)])
    const ids = seed(a.doc)
    updateCell(a.doc, { ...ada, companyId: ids.fjordmat, competenceId: ids.starch, offer: 2 })
    await waitFor(() => buildCompetenceIndex(b.doc).cells.length === 1, 'the seed to reach B')

    // B goes offline and keeps working on the old competence while A merges it away.
    b.disconnect()
    mergeCompetences(a.doc, { ...bo, keepId: ids.starch, removeId: ids.starch2 })
    updateCell(b.doc, {
      ...ada,
      companyId: ids.fjordmat,
      competenceId: ids.starch2,
      offer: 3,
      comment: 'Fra skrell',
    })
    updateCell(b.doc, { ...ada, companyId: ids.vestplate, competenceId: ids.starch2, need: 3 })
    const note = createNote(b.doc, {
      ...ada,
      title: 'Stivelse i lim',
      competenceIds: [ids.starch2],
    })
    setMatchStatus(b.doc, {
      needCompanyId: ids.vestplate,
      offerCompanyId: ids.fjordmat,
      competenceId: ids.starch2,
      status: 'contacted',
      ...ada,
    })
    b.connect()
    await waitFor(
      () =>
        JSON.stringify(view(a.doc)) === JSON.stringify(view(b.doc)) &&
        getNote(a.doc, note) !== undefined,
      'both clients to show the same map',
    )
    const seen = view(a.doc)
    expect(seen.competences).toEqual([[ids.starch, 'Stivelseskjemi', ['Stivelse']]])
    expect(seen.cells).toEqual([
      [`${ids.fjordmat}|${ids.starch}`, 3, 0, 'Fra skrell', []],
      [`${ids.vestplate}|${ids.starch}`, 0, 3, '', []],
    ])
    expect(seen.pipeline.contacted.map((entry) => entry.key)).toEqual([
      `${ids.vestplate}|${ids.starch}|${ids.fjordmat}`,
    ])
    const index = buildCompetenceIndex(a.doc)
    expect(resolveCompetenceIds(index.resolve, getNote(a.doc, note)!.competenceIds)).toEqual([
      ids.starch,
    ])

    // A settles the stragglers; B sees the clean state too.
    expect(settleMerges(a.doc, bo)).toBe(true)
    await waitFor(
      () => getNote(b.doc, note)?.competenceIds.join() === ids.starch,
      'the settled note to reach B',
    )
    expect(view(b.doc)).toEqual(seen)

    // What the host wrote to disk is the same map for a client that connects after a restart.
    await first.host.stop()
    const second = await startHost({ dataDir: first.dataDir })
    const later = connectProvider(second.port, rootRoomName(workspace.id), params)
    await whenSynced(later)
    expect(view(later.doc)).toEqual(seen)
  })

  it('two people setting the offer and the need of the same new cell at once both keep theirs', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Kompetansekart')
    const params = { token: workspace.token }
    const a = connectProvider(started.port, rootRoomName(workspace.id), params)
    const b = connectProvider(started.port, rootRoomName(workspace.id), params)
    await Promise.all([whenSynced(a), whenSynced(b)])
    const ids = seed(a.doc)
    await waitFor(() => buildCompetenceIndex(b.doc).companies.length === 2, 'the seed to reach B')
    // Written in the same tick: neither has seen the other's write.
    updateCell(a.doc, {
      ...ada,
      companyId: ids.vestplate,
      competenceId: ids.starch,
      offer: 1,
      comment: 'Ada',
    })
    updateCell(b.doc, { ...bo, companyId: ids.vestplate, competenceId: ids.starch, need: 2 })
    updateCell(b.doc, { ...bo, companyId: ids.fjordmat, competenceId: ids.starch2, offer: 3 })
    const expected = [
      [`${ids.fjordmat}|${ids.starch2}`, 3, 0, '', []],
      [`${ids.vestplate}|${ids.starch}`, 1, 2, 'Ada', []],
    ]
    await waitFor(
      () =>
        JSON.stringify(view(a.doc).cells) === JSON.stringify(expected) &&
        JSON.stringify(view(b.doc).cells) === JSON.stringify(expected),
      'both edits on both clients',
    )
  })
})
