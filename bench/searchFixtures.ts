import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import * as Y from 'yjs'
import type { BoardId, NoteId } from '../shared/ids'
import { fillBoard } from '../shared/model/board/fixtures'
import { createBoard } from '../shared/model/boards'
import { appendNoteBody } from '../shared/model/noteBody'
import { createNote } from '../shared/model/notes'
import type { Block } from '../shared/model/richText'
import { initWorkspace } from '../shared/model/workspace'
import { SNAPSHOT_FILE } from '../electron/core/storage/docStore'
import { encodeFrame, encodeHeader } from '../electron/core/storage/frame'

/**
 * A searchable workspace for `npm run bench -- search`: notes of about 2 KB of mixed Bokmål and
 * English trade text (a few hundred words with a long tail, Zipf-like, so common words are
 * in thousands of notes and rare ones in a few), and one board of stickies. Written straight
 * into a data directory in the stores' own format (storage/README.md), without fsync.
 */
const WORDS = `
varmegjenvinning bindemiddel sponplate robotcelle stivelse emballasje fiber kjetting herding
massivtre fukt lakk sliping automasjon livsløp energi råstoff prosess sirkulær kvalitet tørkeovn
sagbruk høvleri limtre trelast treverk møbel møbler stol bord skap hylle kjøkken bad dør vindu
plate finer kryssfiner spon flis bark pellets biobrensel damp kjele varme kulde ventilasjon luft
filter støv sagflis stål aluminium sveising sveis lodding maskinering fresing dreiing boring
laser lasermerking sporbarhet strekkode etikett pakking palle lager logistikk transport lastebil
ferje havn tog frakt levering kunde leverandør innkjøp avtale kontrakt pris tilbud faktura
budsjett kostnad besparelse gevinst lønnsomhet investering søknad tilskudd prosjekt pilot forsøk
test måling sensor data analyse modell simulering digital tvilling plattform system programvare
integrasjon standard sertifisering miljø klima utslipp karbon avfall sidestrøm gjenbruk
ombruk resirkulering kompost biogass potet potetskrell korn mel bakeri meieri melk ost fisk
slakteri kjøtt frukt grønnsaker tomat drivhus gartneri jord gjødsel vann avløp rensing kjemi
overflate maling olje voks beis pigment farge design prototyp skisse tegning produksjon linje
operatør skift vedlikehold reservedel motor pumpe ventil kompressor trykkluft hydraulikk
elektrisitet strøm solcelle solceller batteri lading effekt forbruk nettleie tariff
kompetanse opplæring kurs lærling fagbrev ingeniør forskning universitet høgskole student
samarbeid nettverk klynge bedrift fabrikk verksted hall anlegg tomt bygg tak vegg gulv
isolasjon brann sikkerhet risiko helse arbeidsmiljø støy ergonomi løft robot gripper
kamera visjon kontroll avvik feil reklamasjon retur garanti kvalitetssikring revisjon
Løten Hamar Elverum Gjøvik Lillehammer Brumunddal Moelv Stange Kongsvinger Trysil
the heat recovery dryer kiln sawmill panel board glue binder starch packaging fibre chain
curing solid wood moisture coating sanding automation lifecycle energy raw material process
circular quality supplier customer pilot project measurement sensor analysis model digital twin
platform integration certification emissions waste side stream reuse recycling compost biogas
potato peel flour bakery dairy fish greenhouse soil fertiliser water treatment chemistry
surface paint oil wax stain colour design prototype production line operator maintenance spare
part motor pump valve compressor compressed air hydraulics electricity solar cell battery
charging consumption competence training course apprentice engineer research university student
collaboration network cluster company factory workshop plant building roof wall floor
insulation fire safety risk health working environment noise ergonomics robot gripper camera
vision inspection deviation defect complaint return warranty audit
`
  .split(/\s+/)
  .filter((word) => word !== '')

/** Numbers from a seed, the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/** Zipf-like: word i is picked about 1/(i+1) as often as the first. */
function wordPicker(random: () => number): () => string {
  const weights = WORDS.map((_, i) => 1 / (i + 1))
  const cumulative: number[] = []
  let sum = 0
  for (const weight of weights) cumulative.push((sum += weight))
  // Shuffle which words are common, once, deterministically.
  const order = [...WORDS]
  const shuffle = seededRandom(99)
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1))
    ;[order[i], order[j]] = [order[j] as string, order[i] as string]
  }
  const norwegian = order.filter((word) => /[a-zæøå]/.test(word) && WORDS.indexOf(word) < 230)
  return () => {
    // Norwegian compounds ("sponplatelim", "tørkeovnvifte"): the long tail of rare terms.
    if (random() < 0.12) {
      const a = norwegian[Math.floor(random() * norwegian.length)] as string
      const b = norwegian[Math.floor(random() * norwegian.length)] as string
      return `${a}${b}`
    }
    const at = random() * sum
    let lo = 0
    let hi = cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((cumulative[mid] as number) < at) lo = mid + 1
      else hi = mid
    }
    return order[lo] as string
  }
}

function sentence(pick: () => string, random: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(pick())
  const text = out.join(' ')
  return `${text.charAt(0).toLocaleUpperCase('nb')}${text.slice(1)}${random() < 0.2 ? '?' : '.'}`
}

function paragraph(pick: () => string, random: () => number, words: number): string {
  const sentences: string[] = []
  let left = words
  while (left > 0) {
    const length = Math.min(left, 6 + Math.floor(random() * 12))
    sentences.push(sentence(pick, random, length))
    left -= length
  }
  return sentences.join(' ')
}

/** About 2 KB: a heading, three paragraphs and a list. */
export function noteBlocks(pick: () => string, random: () => number): Block[] {
  return [
    { type: 'heading', level: 2, content: [sentence(pick, random, 4).slice(0, -1)] },
    { type: 'paragraph', content: [paragraph(pick, random, 90)] },
    {
      type: 'bulletList',
      items: [0, 1, 2].map(() => [sentence(pick, random, 8)]),
    },
    { type: 'paragraph', content: [paragraph(pick, random, 80)] },
    { type: 'paragraph', content: [paragraph(pick, random, 60)] },
  ]
}

async function writeSnapshot(dir: string, doc: Y.Doc): Promise<void> {
  await mkdir(dir, { recursive: true })
  const frame = encodeFrame(Y.encodeStateAsUpdateV2(doc))
  await writeFile(path.join(dir, SNAPSHOT_FILE), Buffer.concat([encodeHeader('snapshot'), frame]))
}

export type SearchFixture = {
  /** The workspace folder (holds the root, `notes/`, `boards/`). */
  dir: string
  root: Y.Doc
  noteIds: NoteId[]
  boardId: BoardId
  /** Bytes of body text written, for the report. */
  bodyBytes: number
}

/** Writes a workspace of `notes` notes and one board of `stickies` stickies into `dir`. */
export async function writeSearchFixture(
  dir: string,
  input: { notes: number; stickies: number; seed?: number },
): Promise<SearchFixture> {
  const random = seededRandom(input.seed ?? 7)
  const pick = wordPicker(random)
  const root = new Y.Doc()
  initWorkspace(root, { name: `Søk ${input.notes}`, now: 1 })
  const noteIds: NoteId[] = []
  let bodyBytes = 0
  const start = Date.UTC(2025, 0, 1)
  for (let i = 0; i < input.notes; i++) {
    const id = `note-${String(i).padStart(12, '0')}` as NoteId
    createNote(root, {
      id,
      title: sentence(pick, random, 3 + Math.floor(random() * 4)).slice(0, -1),
      author: { name: ['Åse', 'Bjørn', 'Cari', 'Dag'][i % 4] as string },
      now: start + i * 60_000,
    })
    noteIds.push(id)
    const body = new Y.Doc()
    const blocks = noteBlocks(pick, random)
    appendNoteBody(body, blocks)
    bodyBytes += JSON.stringify(blocks).length
    await writeSnapshot(path.join(dir, 'notes', id), body)
    body.destroy()
  }
  const boardId = createBoard(root, {
    title: 'Sidestrømmer og samarbeid',
    author: { name: 'Åse' },
    now: start,
    id: 'board-bench0000001' as BoardId,
  })
  if (input.stickies > 0) {
    const board = new Y.Doc()
    fillBoard(board, { stickies: input.stickies, seed: 3 })
    await writeSnapshot(path.join(dir, 'boards', boardId), board)
    board.destroy()
  }
  await writeSnapshot(dir, root)
  return { dir, root, noteIds, boardId, bodyBytes }
}
