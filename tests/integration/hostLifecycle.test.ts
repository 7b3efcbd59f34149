import { appendFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DataDirInUseError } from '../../electron/core/dataDirLock'
import { DEMO_WORKSPACE_NAME } from '../../shared/demo'
import { decodeInviteLink } from '../../shared/invite'
import type { NoteId } from '../../shared/ids'
import { listNotes } from '../../shared/model/notes'
import { noteRoomName } from '../../shared/rooms'
import { renameWorkspace } from '../../shared/model/workspace'
import {
  api,
  cleanup,
  connectProvider,
  RawClient,
  rawUpgrade,
  startHost,
  tempDir,
  waitFor,
  whenSynced,
} from './hostHarness'

afterEach(cleanup)

async function readState(
  dataDir: string,
): Promise<{ ownerToken: string | null; workspaces: { name: string }[] }> {
  return JSON.parse(await readFile(path.join(dataDir, 'kryss.json'), 'utf8')) as {
    ownerToken: string | null
    workspaces: { name: string }[]
  }
}

describe('host lifecycle', () => {
  it('stops while a note body is still being opened for a client', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const bodies = started.host.registry.get(workspace.id)?.bodies
    if (!bodies) throw new Error('no note bodies')
    // A slow disk: the body is still being read when the host is told to stop.
    const acquire = bodies.acquire.bind(bodies)
    let reading = false
    bodies.acquire = async (id) => {
      reading = true
      await new Promise((resolve) => setTimeout(resolve, 300))
      return acquire(id)
    }
    const room = noteRoomName(workspace.id, 'note-aaaaaaaaaaaa' as NoteId)
    const answer = rawUpgrade(started.port, `/sync/${room}?token=${workspace.token}`)
    await waitFor(() => reading, 'the body to be read')
    const stopped = started.host.stop().then(() => 'stopped')
    const late = new Promise((resolve) => setTimeout(() => resolve('still stopping'), 3000))
    expect(await Promise.race([stopped, late])).toBe('stopped')
    expect((await answer).toString()).toMatch(/^HTTP\/1\.1 503/)
  })

  it('keeps content, tokens and the owner token across a restart', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Varig')
    const ownerToken = first.host.ownerToken
    const writer = connectProvider(first.port, workspace.id, { token: workspace.token })
    await whenSynced(writer)
    writer.doc.getText('t').insert(0, 'survives restarts')
    const hostDoc = first.host.registry.get(workspace.id)?.store?.doc
    await waitFor(() => hostDoc?.getText('t').length === 17, 'the host to get the edit')
    writer.destroy()
    await first.host.stop()

    const second = await startHost({ dataDir: first.dataDir })
    expect(second.host.ownerToken).toBe(ownerToken)
    const reader = connectProvider(second.port, workspace.id, { token: workspace.token })
    await whenSynced(reader)
    expect(reader.doc.getText('t').toJSON()).toBe('survives restarts')
  })

  it('uses an owner token passed in (desktop app) without persisting one', async () => {
    const started = await startHost({ ownerToken: 'launch-token-0123456789abcdef' })
    expect(started.host.ownerToken).toBe('launch-token-0123456789abcdef')
    await started.host.stop()
    const state = await readState(started.dataDir)
    expect(state.ownerToken).toBeNull()
  })

  it('seeds the example workspace once, on a fresh data directory only', async () => {
    const first = await startHost({ demo: true })
    const [demo, ...rest] = first.host.registry.list()
    expect(rest).toHaveLength(0)
    expect(demo?.demo).toBe(true)
    expect(demo?.name).toBe(DEMO_WORKSPACE_NAME)
    expect(listNotes(demo!.store!.doc).length).toBeGreaterThan(0)
    await first.host.stop()

    const second = await startHost({ dataDir: first.dataDir, demo: true })
    expect(second.host.registry.list().map((w) => w.id)).toEqual([demo?.id])
    await second.host.registry.delete(demo!.id)
    await second.host.stop()

    // Deleted stays deleted.
    const third = await startHost({ dataDir: first.dataDir, demo: true })
    expect(third.host.registry.list()).toHaveLength(0)
  })

  it('does not seed with demo off (--no-demo)', async () => {
    const started = await startHost({ demo: false })
    expect(started.host.registry.list()).toHaveLength(0)
  })

  it('moves a corrupt kryss.json aside and re-registers the workspaces on disk', async () => {
    const first = await startHost()
    const kept = await first.host.registry.create('Klyngenotater')
    const writer = connectProvider(first.port, kept.id, { token: kept.token })
    await whenSynced(writer)
    writer.doc.getText('t').insert(0, 'still here')
    await waitFor(
      () => first.host.registry.get(kept.id)?.store?.doc.getText('t').length === 10,
      'the edit',
    )
    writer.destroy()
    await first.host.stop()
    await writeFile(path.join(first.dataDir, 'kryss.json'), '{"version": 1, "workspa')

    const second = await startHost({ dataDir: first.dataDir, demo: true, now: () => 1234 })
    const files = await readdir(first.dataDir)
    expect(files).toContain('kryss.json.corrupt-1234')
    expect(await readFile(path.join(first.dataDir, 'kryss.json.corrupt-1234'), 'utf8')).toBe(
      '{"version": 1, "workspa',
    )
    // Not "fresh": the example workspace is not seeded over a recovered directory.
    const [entry, ...others] = second.host.registry.list()
    expect(others).toHaveLength(0)
    expect(entry?.id).toBe(kept.id)
    expect(entry?.name).toBe('Klyngenotater')
    expect(entry?.token).not.toBe(kept.token)
    expect(entry?.warnings.join(' ')).toMatch(/registered again/)

    const reader = connectProvider(second.port, kept.id, { token: entry!.token })
    await whenSynced(reader)
    expect(reader.doc.getText('t').toJSON()).toBe('still here')
    const old = await rawUpgrade(second.port, `/sync/${kept.id}?token=${kept.token}`)
    expect(old.toString('latin1')).toMatch(/^HTTP\/1.1 401/)
  })

  it('moves aside a kryss.json of the wrong shape, too', async () => {
    const dataDir = await tempDir()
    await writeFile(path.join(dataDir, 'kryss.json'), JSON.stringify({ workspaces: 'all of them' }))
    const started = await startHost({ dataDir, now: () => 99 })
    expect(await readdir(dataDir)).toContain('kryss.json.corrupt-99')
    expect(started.host.registry.list()).toHaveLength(0)
  })

  it('reports a damaged log tail in plain words and keeps what came before', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Hale')
    await first.host.stop()
    const log = path.join(first.dataDir, 'workspaces', workspace.id, 'updates.log')
    await appendFile(log, Buffer.from([0, 0, 0, 9, 1, 2, 3]))

    const second = await startHost({ dataDir: first.dataDir })
    const [info] = (
      (await api(second, 'GET', '/api/workspaces')).json as {
        workspaces: { name: string; warnings: string[] }[]
      }
    ).workspaces
    expect(info?.name).toBe('Hale')
    expect(info?.warnings).toHaveLength(1)
    expect(info?.warnings[0]).toMatch(/^The end of the change log was damaged \(7 bytes/)
    expect(info?.warnings[0]).toMatch(/kept in updates\.log\.quarantine-/)
  })

  it('refuses a second host on the same data directory', async () => {
    const first = await startHost()
    await expect(startHost({ dataDir: first.dataDir })).rejects.toBeInstanceOf(DataDirInUseError)
  })

  it('reports a port in use and can start again elsewhere', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const port = (blocker.address() as { port: number }).port
    const dataDir = await tempDir()
    try {
      await expect(startHost({ dataDir, port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      blocker.close()
    }
    // Nothing was left held: the same data directory starts fine.
    await startHost({ dataDir })
  })

  it('follows a rename made through the document by a peer', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Gammelt navn')
    const peer = connectProvider(started.port, workspace.id, { token: workspace.token })
    await whenSynced(peer)
    renameWorkspace(peer.doc, 'Nytt navn')
    await waitFor(() => started.host.registry.get(workspace.id)?.name === 'Nytt navn', 'rename')
    const invite = started.host.inviteLinks().find((l) => l.workspaceId === workspace.id)
    const decoded = decodeInviteLink(invite!.link)
    expect(decoded.ok && decoded.invite.name).toBe('Nytt navn')
    await started.host.stop()
    const state = await readState(started.dataDir)
    expect(state.workspaces[0]?.name).toBe('Nytt navn')
  })

  it('delete closes open connections (4404), refuses new ones and moves the folder to trash', async () => {
    const started = await startHost({ now: () => 777 })
    const workspace = await started.host.registry.create('Kastes')
    const url = `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`
    const client = new RawClient(url)
    await client.opened
    await started.host.registry.delete(workspace.id)
    expect(await client.closed()).toBe(4404)
    const bytes = await rawUpgrade(started.port, `/sync/${workspace.id}?token=${workspace.token}`)
    expect(bytes.toString('latin1')).toMatch(/^HTTP\/1.1 404/)
    expect(await readdir(path.join(started.dataDir, 'trash'))).toEqual([`${workspace.id}-777`])
    expect(await readdir(path.join(started.dataDir, 'workspaces'))).toEqual([])
  })

  it('stop closes sync connections with 1001', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Stopp')
    const client = new RawClient(
      `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`,
    )
    await client.opened
    await started.host.stop()
    expect(await client.closed()).toBe(1001)
  })
})

describe('invite links', () => {
  it('name the bind address', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Invitasjon')
    const [link] = started.host.inviteLinks()
    expect(link?.link.startsWith(`http://127.0.0.1:${started.port}/join#`)).toBe(true)
    const decoded = decodeInviteLink(link!.link)
    expect(decoded).toEqual({
      ok: true,
      invite: {
        v: 1,
        workspace: workspace.id,
        name: 'Invitasjon',
        token: workspace.token,
        hosts: [`http://127.0.0.1:${started.port}/`],
      },
    })
  })

  it('name the LAN addresses, then loopback, for a wildcard bind', async () => {
    const started = await startHost({
      bind: '0.0.0.0',
      networkInterfaces: () => ({
        lo: [
          { address: '127.0.0.1', family: 'IPv4', internal: true } as never,
          { address: '::1', family: 'IPv6', internal: true } as never,
        ],
        eth0: [
          { address: '192.168.1.20', family: 'IPv4', internal: false } as never,
          { address: 'fe80::1', family: 'IPv6', internal: false } as never,
        ],
        wlan0: [{ address: '10.0.0.5', family: 'IPv4', internal: false } as never],
      }),
    })
    await started.host.registry.create('LAN')
    expect(started.url).toBe(`http://127.0.0.1:${started.port}`)
    const decoded = decodeInviteLink(started.host.inviteLinks()[0]!.link)
    expect(decoded.ok && decoded.invite.hosts).toEqual([
      `http://192.168.1.20:${started.port}/`,
      `http://10.0.0.5:${started.port}/`,
      `http://127.0.0.1:${started.port}/`,
    ])
  })
})
