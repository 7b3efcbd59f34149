import { describe, expect, it } from 'vitest'
import { encodeDiscoveryTxt } from '../../../shared/discovery'
import type { WorkspaceId } from '../../../shared/ids'
import type { Invite } from '../../../shared/invite'
import type { PeerLinkStatus } from '../peers/peerLinks'
import type { Timers } from '../peers/peerSession'
import type { HostState } from '../state'
import type { WorkspaceEntry } from '../workspaces'
import { Discovery } from './discovery'
import type { DnsSd, FoundService } from './dnsSd'
import { workspaceTag } from './workspaceTag'

const TOKEN = 'our-own-token-0123456789'

function entry(id: string, name: string): WorkspaceEntry {
  return { id: id as WorkspaceId, name, token: TOKEN, error: null } as unknown as WorkspaceEntry
}

/** Records what discovery does to DNS-SD, timers and peer links. */
function setup(workspaces: WorkspaceEntry[]) {
  const log: string[] = []
  let found: { up: (s: FoundService) => void; down: (s: FoundService) => void } | null = null
  const dnsSd: DnsSd = {
    publish: (service) => {
      log.push(`publish ${JSON.stringify(service.txt)}`)
      return { stop: () => (log.push('unpublish'), Promise.resolve()) }
    },
    find: (_type, events) => {
      found = events
      return { stop: () => log.push('browse stopped') }
    },
    destroy: () => (log.push('destroyed'), Promise.resolve()),
  }
  const intervals = new Map<unknown, () => void>()
  const timers: Timers = {
    setInterval: (run) => {
      const handle = {}
      intervals.set(handle, run)
      return handle
    },
    clearInterval: (handle) => intervals.delete(handle),
    setTimeout: () => ({}),
    clearTimeout: () => {},
  }
  const links: Invite[] = []
  const status: PeerLinkStatus[] = []
  const state = { discovery: { addresses: [], hiddenNames: [] } } as unknown as HostState
  const discovery = new Discovery({
    hostId: 'host-self',
    registry: { list: () => workspaces },
    state,
    peers: {
      link: (invite) => (links.push(invite), Promise.resolve()),
      status: () => status,
    },
    createDnsSd: () => dnsSd,
    timers,
  })
  const announce = (hostId: string, tags: { tag: string; name?: string }[], name = hostId) =>
    found?.up({
      name,
      port: 4455,
      addresses: ['192.168.1.20'],
      txt: encodeDiscoveryTxt({ v: 1, hostId, workspaces: tags }),
    })
  return { discovery, log, intervals, links, status, announce, workspaces }
}

describe('Discovery', () => {
  it('links a workspace both hosts have, with our own token, and lists the others', () => {
    const t = setup([entry('ws-shared', 'Felles')])
    t.discovery.start(4455)
    t.announce('host-kari', [
      { tag: workspaceTag('ws-shared', 'host-kari') },
      { tag: workspaceTag('ws-theirs', 'host-kari'), name: 'Kryssverksted' },
    ])
    expect(t.links).toEqual([
      {
        v: 1,
        workspace: 'ws-shared',
        name: 'Felles',
        token: TOKEN,
        hosts: ['http://192.168.1.20:4455/'],
      },
    ])
    expect(t.discovery.nearby()[0]?.workspaces).toEqual([
      { tag: workspaceTag('ws-shared', 'host-kari'), member: true },
      { tag: workspaceTag('ws-theirs', 'host-kari'), name: 'Kryssverksted', member: false },
    ])
  })

  it('ignores its own advertisement and does not link twice', () => {
    const t = setup([entry('ws-shared', 'Felles')])
    t.discovery.start(4455)
    t.announce('host-self', [{ tag: workspaceTag('ws-shared', 'host-self') }])
    expect(t.discovery.nearby()).toEqual([])
    t.status.push({
      workspaceId: 'ws-shared',
      remoteHostId: 'host-kari',
      state: 'synced',
    } as PeerLinkStatus)
    t.announce('host-kari', [{ tag: workspaceTag('ws-shared', 'host-kari') }])
    expect(t.links).toEqual([])
  })

  it('still asks typed-in addresses when mDNS cannot start', async () => {
    const asked: string[] = []
    const discovery = new Discovery({
      hostId: 'host-self',
      registry: { list: () => [] },
      state: {
        discovery: { addresses: ['http://192.168.1.20:4455/'], hiddenNames: [] },
      } as unknown as HostState,
      peers: { link: () => Promise.resolve(), status: () => [] },
      createDnsSd: () => {
        throw new Error('no multicast route')
      },
      fetch: (url) => {
        asked.push(url instanceof URL ? url.href : JSON.stringify(url))
        return Promise.reject(new Error('unreachable'))
      },
    })
    discovery.start(4455)
    expect(asked).toEqual(['http://192.168.1.20:4455/api/discovery'])
    await discovery.stop()
  })

  it('re-advertises when a workspace is added, and stop() releases everything', async () => {
    const t = setup([entry('ws-one', 'En')])
    t.discovery.start(4455)
    expect(t.intervals.size).toBe(1)
    t.workspaces.push(entry('ws-two', 'To'))
    for (const poll of t.intervals.values()) poll()
    // The previous advertisement is withdrawn first, then the new one published.
    await new Promise((resolve) => setImmediate(resolve))
    expect(t.log.filter((line) => line.startsWith('publish'))).toHaveLength(2)
    await t.discovery.stop()
    expect(t.log.slice(-3)).toEqual(['browse stopped', 'unpublish', 'destroyed'])
    expect(t.intervals.size).toBe(0)
    expect(t.discovery.nearby()).toEqual([])
    expect(t.discovery.info()).toBeNull()
  })
})
