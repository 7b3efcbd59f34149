import { stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { INDEX_FILE } from '../../electron/core/search/persist'
import { decodeInviteLink } from '../../shared/invite'
import { cleanup, tempDir, waitFor } from './hostHarness'
import { killHubs, runHub } from './hubProcess'

afterEach(async () => {
  killHubs()
  await cleanup()
})

describe('hub CLI', () => {
  it('prints its URL, owner link and invites, serves them, and stops cleanly on SIGTERM', async () => {
    const dataDir = await tempDir()
    const hub = runHub(['--data-dir', dataDir, '--port', '0'])
    await waitFor(() => hub.stdout().includes('invite '), 'the hub to print its invites', 20_000)
    const lines = hub.stdout().trim().split('\n')
    expect(lines).toHaveLength(3)
    const url = /^Kryss hub on (http:\/\/127\.0\.0\.1:\d+)$/.exec(lines[0]!)?.[1]
    expect(url).toBeDefined()
    const owner = new RegExp(`^owner ${url}/#owner=([A-Za-z0-9_-]{43})$`).exec(lines[1]!)?.[1]
    expect(owner).toBeDefined()
    const [, workspaceId, link] = lines[2]!.split(' ')
    const invite = decodeInviteLink(link!)
    expect(invite.ok && invite.invite.workspace).toBe(workspaceId)

    const listed = await fetch(`${url}/api/workspaces`, {
      headers: { Authorization: `Bearer ${owner}` },
    })
    expect(((await listed.json()) as { workspaces: unknown[] }).workspaces).toHaveLength(1)

    hub.child.kill('SIGTERM')
    expect(await hub.exit).toBe(0)
    // Stopping waited for the search worker to save the workspace's index.
    await expect(
      stat(path.join(dataDir, 'workspaces', workspaceId!, INDEX_FILE)),
    ).resolves.toBeTruthy()
  })

  it('exits 1 with one clear line when the port is taken', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    try {
      const hub = runHub(['--data-dir', await tempDir(), '--port', String(port), '--no-demo'])
      expect(await hub.exit).toBe(1)
      expect(hub.stdout()).toBe('')
      expect(hub.stderr().trim().split('\n')).toEqual([
        `Kryss hub: port ${port} on 127.0.0.1 is already in use; stop the other program or choose another with --port.`,
      ])
    } finally {
      blocker.close()
    }
  })

  it('exits 2 and explains a bad flag', async () => {
    const hub = runHub(['--port', 'many'])
    expect(await hub.exit).toBe(2)
    expect(hub.stderr()).toMatch(/--port must be a number from 0 to 65535, not "many"/)
  })
})
