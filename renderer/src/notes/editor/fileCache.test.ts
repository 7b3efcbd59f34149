import { describe, expect, it } from 'vitest'
import type { NoteFile } from '../../../../shared/model/noteFiles'
import { recallNoteFile, rememberNoteFile } from './fileCache'

const MB = 1024 * 1024

function file(id: string, size: number): NoteFile {
  return {
    id,
    name: `${id}.png`,
    type: 'image/png',
    bytes: new Uint8Array(size),
    addedBy: 'Ada',
    addedAt: 0,
  }
}

describe('the window cache of shown pictures', () => {
  it('recalls what was shown and lets the least recently shown go past 64 MB', () => {
    rememberNoteFile(file('f-a', 30 * MB))
    rememberNoteFile(file('f-b', 30 * MB))
    expect(recallNoteFile('f-a')?.name).toBe('f-a.png')
    // Shown again: now the most recent, so f-b is the one to go.
    rememberNoteFile(file('f-a', 30 * MB))
    rememberNoteFile(file('f-c', 30 * MB))
    expect(recallNoteFile('f-a')).toBeDefined()
    expect(recallNoteFile('f-b')).toBeUndefined()
    expect(recallNoteFile('f-c')).toBeDefined()
    expect(recallNoteFile('f-unknown')).toBeUndefined()
  })

  it('keeps a single file larger than the whole budget until the next one', () => {
    rememberNoteFile(file('f-huge', 70 * MB))
    expect(recallNoteFile('f-huge')).toBeDefined()
    rememberNoteFile(file('f-small', 1 * MB))
    expect(recallNoteFile('f-huge')).toBeUndefined()
    expect(recallNoteFile('f-small')).toBeDefined()
  })
})
