import { describe, expect, it } from 'vitest'
import { foldTerm, highlight, looseTerm, queryTerms, snippet, termsOf, tokenize } from './terms'

const marked = (segments: { text: string; hit: boolean }[]): string =>
  segments.map((segment) => (segment.hit ? `[${segment.text}]` : segment.text)).join('')

describe('search terms', () => {
  it('folds case, accents and æøå, so either spelling finds the other', () => {
    expect(foldTerm('Varmegjenvinning')).toBe('varmegjenvinning')
    expect(foldTerm('Løten')).toBe(foldTerm('Loeten'))
    expect(foldTerm('Ærlig')).toBe(foldTerm('aerlig'))
    expect(foldTerm('Åpen')).toBe(foldTerm('AAPEN'))
    expect(foldTerm('Mölnlycke')).toBe(foldTerm('Mølnlycke'))
    expect(foldTerm('Café crème')).toBe('cafe creme')
    expect(foldTerm('Straße')).toBe('strasse')
    // å written as a + combining ring folds like å.
    expect(foldTerm('Ha\u030avard')).toBe(foldTerm('Håvard'))
  })

  it('splits words on anything that is not a letter or a digit, keeping their places', () => {
    expect(tokenize('Bio-baserte bindemidler (UF) i 3D-print, 30 %!')).toEqual([
      'bio',
      'baserte',
      'bindemidler',
      'uf',
      'i',
      '3d',
      'print',
      '30',
    ])
    const text = 'Vi sparte 30 % på varmegjenvinning.'
    for (const { term, start, end } of termsOf(text)) {
      expect(foldTerm(text.slice(start, end))).toBe(term)
    }
  })

  it('reads a query as words that each match the words they begin', () => {
    expect(queryTerms('Varme gjen')).toEqual([
      { term: 'varme', prefix: true },
      { term: 'gjen', prefix: true },
    ])
    expect(queryTerms('Varme', { exact: true })).toEqual([{ term: 'varme', prefix: false }])
    expect(queryTerms('  ')).toEqual([])
  })

  it('marks hits in the original text, æøå and case kept', () => {
    const query = queryTerms('varmegjen loeten')
    expect(marked(highlight('Varmegjenvinning på Løten, og mer varme.', query))).toBe(
      '[Varmegjenvinning] på [Løten], og mer varme.',
    )
    expect(
      marked(highlight('Løten og LØTEN og Løtenbyen', queryTerms('loeten', { exact: true }))),
    ).toBe('[Løten] og [LØTEN] og Løtenbyen')
  })

  it('cuts a snippet around the first hit, at word boundaries', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(20)
    const text = `${filler}Vi testet stivelsesbaserte bindemidler i sponplater. ${filler}`
    const result = marked(snippet(text, queryTerms('stivelse'), { length: 80 }))
    expect(result).toContain('[stivelsesbaserte]')
    expect(result.startsWith('… ')).toBe(true)
    expect(result.endsWith(' …')).toBe(true)
    expect(result.length).toBeLessThanOrEqual(80 + 6)
    // Whole words: the passage starts and ends with one.
    const inner = result.slice(2, -2)
    expect(filler).toContain(inner.split(' ')[0] ?? '')
    expect(marked(snippet('Kort tekst om lim', queryTerms('lim')))).toBe('Kort tekst om [lim]')
  })

  it('runs lines together with a dot between those that end no sentence', () => {
    const text = 'Hva vi prøvde\nVi henter varme fra ovnen.\n\nNeste   steg\n'
    expect(marked(snippet(text, queryTerms('varme')))).toBe(
      'Hva vi prøvde · Vi henter [varme] fra ovnen. Neste steg',
    )
  })

  it('gives words with æøå a loose form, as an English keyboard writes them', () => {
    expect(looseTerm('Møbelverk')).toBe('mobelverk')
    expect(looseTerm('løpende')).toBe('lopende')
    expect(looseTerm('Ærfaring')).toBe('arfaring')
    expect(looseTerm('Ålesund')).toBe('alesund')
    expect(looseTerm('Mölnlycke')).toBe('molnlycke')
    expect(looseTerm('Ha\u030avard')).toBe('havard')
    expect(looseTerm('Bærekraft på Løten')).toBe('barekraft pa loten')
    // Words without them have none (their folded form is all there is).
    expect(looseTerm('varme')).toBeUndefined()
    expect(looseTerm('café')).toBeUndefined()
    expect(termsOf('Møbel og lim')).toEqual([
      { term: 'moebel', loose: 'mobel', start: 0, end: 5 },
      { term: 'og', start: 6, end: 8 },
      { term: 'lim', start: 9, end: 12 },
    ])
  })

  it('marks the original word whichever spelling found it', () => {
    const text = 'Lien Møbelverk har løpende avtaler.'
    for (const query of ['mobel lopende', 'moebel loepende', 'møbel løpende', 'MØBEL Løp']) {
      expect(marked(highlight(text, queryTerms(query)))).toBe(
        'Lien [Møbelverk] har [løpende] avtaler.',
      )
    }
    // The loose form is an index term too (a hit's matched terms).
    expect(marked(highlight(text, [{ term: 'mobelverk', prefix: false }]))).toBe(
      'Lien [Møbelverk] har løpende avtaler.',
    )
  })
})
