import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeInviteLink } from '../../shared/invite'
import { listNotes } from '../../shared/model/notes'
import { cleanup, connectProvider, tempDir, waitFor, whenSynced } from './hostHarness'
import { hubStarted as started, killHubs, runHub, tokenOf } from './hubProcess'

afterEach(async () => {
  killHubs()
  await cleanup()
})

describe('hub --peer', () => {
  it('chains hubs A ← B ← C: each prints an invite with its own address, and they converge', async () => {
    const a = await started(runHub(['--data-dir', await tempDir(), '--port', '0']))
    const [workspaceId, inviteA] = [...a.invites][0]!
    const b = await started(
      runHub(['--data-dir', await tempDir(), '--port', '0', '--no-demo', '--peer', inviteA]),
    )
    const inviteB = b.invites.get(workspaceId)!
    const decodedB = decodeInviteLink(inviteB)
    expect(decodedB.ok && decodedB.invite.hosts).toEqual([`http://127.0.0.1:${b.port}/`])
    const c = await started(
      runHub(['--data-dir', await tempDir(), '--port', '0', '--no-demo', '--peer', inviteB]),
    )
    expect(c.invites.has(workspaceId)).toBe(true)

    const onA = new Y.Doc()
    await whenSynced(connectProvider(a.port, workspaceId, { token: tokenOf(inviteA) }, onA))
    const onC = new Y.Doc()
    connectProvider(c.port, workspaceId, { token: tokenOf(c.invites.get(workspaceId)!) }, onC)
    const expected = listNotes(onA).length
    expect(expected).toBeGreaterThan(0)
    await waitFor(() => listNotes(onC).length === expected, 'C to get A’s notes', 15_000)
    onA.getMap('test').set('from', 'A')
    await waitFor(() => onC.getMap('test').get('from') === 'A', 'a live edit to reach C', 15_000)
  })

  it('explains a bad invite in one line and exits with 2', async () => {
    const run = runHub(['--data-dir', await tempDir(), '--port', '0', '--peer', 'hello'])
    expect(await run.exit).toBe(2)
    expect(run.stderr().trim().split('\n')).toHaveLength(1)
    expect(run.stderr()).toMatch(/--peer "hello" /)
    expect(run.stdout()).toBe('')
  })
})
