import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateChangesDoc } from './readOnly'

describe('updateChangesDoc', () => {
  it('tells a real change from a step 2 that only repeats what the host has', () => {
    const host = new Y.Doc()
    host.getText('t').insert(0, 'hei verden')
    host.getText('t').delete(0, 4)
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(host))
    // The client's answer to the host's step 1 carries its whole delete set, yet changes nothing.
    const answer = Y.encodeStateAsUpdate(client, Y.encodeStateVector(host))
    expect(updateChangesDoc(host, answer)).toBe(false)

    client.getText('t').insert(0, 'x')
    expect(updateChangesDoc(host, Y.encodeStateAsUpdate(client, Y.encodeStateVector(host)))).toBe(
      true,
    )
    const deleter = new Y.Doc()
    Y.applyUpdate(deleter, Y.encodeStateAsUpdate(host))
    deleter.getText('t').delete(0, 1)
    const onlyDelete = Y.encodeStateAsUpdate(deleter, Y.encodeStateVector(host))
    expect(updateChangesDoc(host, onlyDelete)).toBe(true)
  })
})
