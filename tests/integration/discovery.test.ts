import { afterEach, describe, expect, it } from 'vitest'
import { Bonjour } from 'bonjour-service'
import { createBonjourDnsSd } from '../../electron/core/discovery/bonjourDnsSd'
import { workspaceTag } from '../../electron/core/discovery/workspaceTag'
import {
  addAddressResponse,
  DISCOVERY_VERSION,
  discoveryInfoSchema,
  nearbyResponse,
} from '../../shared/discovery'
import { hostingStatusSchema } from '../../shared/hostApi'
import type { WorkspaceId } from '../../shared/ids'
import { FakeNetwork } from './fakeDnsSd'
import { api, cleanup, waitFor, type StartedHost } from './hostHarness'
import { rootDoc, startPeerHost, TEST_ORIGIN } from './peerHarness'

afterEach(cleanup)

/** Turns LAN hosting on and returns the LAN port. */
async function hostOnLan(started: StartedHost): Promise<number> {
  const response = await api(started, 'PUT', '/api/hosting', { on: true })
  expect(response.status).toBe(200)
  const status = hostingStatusSchema.parse(response.json)
  return status.port as number
}

async function nearby(started: StartedHost) {
  const response = await api(started, 'GET', '/api/nearby')
  expect(response.status).toBe(200)
  return nearbyResponse.parse(response.json).hosts
}

function linkedTo(b: StartedHost, a: StartedHost, workspaceId: WorkspaceId): boolean {
  return b.host.peers
    .status()
    .some(
      (s) =>
        s.workspaceId === workspaceId &&
        s.remoteHostId === a.host.peers.hostId &&
        s.state === 'synced',
    )
}

/**
 * A hosts two workspaces; B has one of them (same id and token, as after joining by invite,
 * but no link yet). Returns both hosts and the ids.
 */
async function twoHosts(dnsSd: { a: () => FakeNetwork; b: () => FakeNetwork }) {
  const netA = dnsSd.a()
  const netB = dnsSd.b()
  const options = (net: FakeNetwork) => ({
    discovery: { createDnsSd: () => net.dnsSd(), pollIntervalMs: 100 },
  })
  const a = await startPeerHost(options(netA))
  const b = await startPeerHost(options(netB))
  const shared = await a.host.registry.create('Felles prosjekt')
  const only = await a.host.registry.create('Kryssverksted')
  await b.host.registry.register({ id: shared.id, name: 'Felles prosjekt', token: shared.token })
  rootDoc(a, shared.id).transact(
    () => rootDoc(a, shared.id).getMap('test').set('k', 'from A'),
    TEST_ORIGIN,
  )
  return { a, b, shared: shared.id, only: only.id }
}

async function expectOnlyListed(a: StartedHost, b: StartedHost, only: WorkspaceId) {
  const hosts = await nearby(b)
  const fromA = hosts.find((h) => h.hostId === a.host.peers.hostId)
  expect(fromA?.workspaces).toContainEqual({
    tag: workspaceTag(only, a.host.peers.hostId),
    name: 'Kryssverksted',
    member: false,
  })
  expect(b.host.registry.get(only)).toBeUndefined()
  expect(b.host.peers.status().some((s) => s.workspaceId === only)).toBe(false)
}

describe('LAN discovery (in-memory DNS-SD)', () => {
  it('B finds A, links the workspace both have, and only lists the other by name', async () => {
    const network = new FakeNetwork()
    const { a, b, shared, only } = await twoHosts({ a: () => network, b: () => network })
    await hostOnLan(a)
    await hostOnLan(b)
    await waitFor(() => linkedTo(b, a, shared) || linkedTo(a, b, shared), 'a discovered link')
    await waitFor(() => rootDoc(b, shared).getMap('test').get('k') === 'from A', 'sync from A')
    await expectOnlyListed(a, b, only)
    // Neither host lists itself.
    expect((await nearby(a)).some((h) => h.hostId === a.host.peers.hostId)).toBe(false)
  })

  it('is off while hosting is off, and withdraws the advertisement when hosting stops', async () => {
    const network = new FakeNetwork()
    const { a, b } = await twoHosts({ a: () => network, b: () => network })
    await hostOnLan(b)
    expect(a.host.discovery.running).toBe(false)
    expect(await nearby(b)).toEqual([])
    expect((await fetch(`${a.url}/api/discovery`)).status).toBe(404)
    await hostOnLan(a)
    await waitFor(() => b.host.discovery.nearby().length === 1, 'B to see A')
    await api(a, 'PUT', '/api/hosting', { on: false })
    await waitFor(() => b.host.discovery.nearby().length === 0, 'A to go away')
    expect(a.host.discovery.running).toBe(false)
  })
})

describe('typed-in addresses (real HTTP, no multicast)', () => {
  it('asks GET /api/discovery, links the shared workspace and lists the other', async () => {
    // Separate networks: mDNS finds nothing, as on a Wi-Fi that blocks multicast.
    const { a, b, shared, only } = await twoHosts({
      a: () => new FakeNetwork(),
      b: () => new FakeNetwork(),
    })
    const portA = await hostOnLan(a)
    await hostOnLan(b)

    const answer = await fetch(`http://127.0.0.1:${portA}/api/discovery`)
    expect(answer.status).toBe(200)
    const info = (await answer.json()) as Record<string, unknown>
    expect(Object.keys(info).sort()).toEqual(['hostId', 'v', 'workspaces'])
    expect(discoveryInfoSchema.parse(info).v).toBe(DISCOVERY_VERSION)
    expect(JSON.stringify(info)).not.toContain(shared)

    const added = await api(b, 'POST', '/api/peers/addresses', { address: `127.0.0.1:${portA}` })
    expect(added.status).toBe(200)
    expect(addAddressResponse.parse(added.json)).toEqual({
      address: `http://127.0.0.1:${portA}/`,
      found: true,
    })
    await waitFor(() => linkedTo(b, a, shared) || linkedTo(a, b, shared), 'a link by address')
    await waitFor(() => rootDoc(b, shared).getMap('test').get('k') === 'from A', 'sync from A')
    await expectOnlyListed(a, b, only)
  })

  it('refuses a malformed address in words and reports one where nobody answers', async () => {
    const { b } = await twoHosts({ a: () => new FakeNetwork(), b: () => new FakeNetwork() })
    await hostOnLan(b)
    const bad = await api(b, 'POST', '/api/peers/addresses', { address: 'ftp://x' })
    expect(bad.status).toBe(400)
    expect((bad.json as { error: string }).error).toContain('http://192.168.1.20:4455')
    const nobody = await api(b, 'POST', '/api/peers/addresses', { address: 'http://127.0.0.1:1' })
    const answer = addAddressResponse.parse(nobody.json)
    expect(answer.found).toBe(false)
    expect(answer.error).toContain('No Kryss host answered at http://127.0.0.1:1/')
  })

  it('leaves out the names the owner hid', async () => {
    const { a, only } = await twoHosts({ a: () => new FakeNetwork(), b: () => new FakeNetwork() })
    const portA = await hostOnLan(a)
    const hidden = await api(a, 'PUT', '/api/nearby/visibility', {
      workspace: only,
      visible: false,
    })
    expect(hidden.status).toBe(204)
    const info = discoveryInfoSchema.parse(
      await (await fetch(`http://127.0.0.1:${portA}/api/discovery`)).json(),
    )
    expect(info.workspaces).toContainEqual({ tag: workspaceTag(only, a.host.peers.hostId) })
    expect(JSON.stringify(info)).not.toContain('Kryssverksted')
    const unknown = await api(a, 'PUT', '/api/nearby/visibility', {
      workspace: 'nope',
      visible: true,
    })
    expect(unknown.status).toBe(404)
  })
})

/** Publishes and browses once with bonjour-service: does multicast reach us here? */
async function multicastWorks(): Promise<boolean> {
  const errors: unknown[] = []
  const bonjour = new Bonjour({}, (error: unknown) => errors.push(error))
  try {
    const name = `kryss-probe-${process.pid}-${Date.now()}`
    bonjour.publish({ name, type: 'kryss-probe', port: 9, disableIPv6: true })
    return await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 3000)
      bonjour.find({ type: 'kryss-probe' }, (service) => {
        if (service.name !== name) return
        clearTimeout(timer)
        resolve(true)
      })
    })
  } catch {
    return false
  } finally {
    await new Promise<void>((resolve) => bonjour.destroy(() => resolve()))
  }
}

describe('LAN discovery over real multicast DNS (bonjour-service)', () => {
  it('two hosts on this machine find each other and link', async (context) => {
    if (!(await multicastWorks())) {
      console.warn(
        'discovery.test: multicast DNS does not work in this environment (no multicast route, ' +
          'or port 5353 unavailable); skipping the real-mDNS case. The same discovery code is ' +
          'exercised above through typed-in addresses over real HTTP.',
      )
      context.skip()
      return
    }
    const real = () => ({
      discovery: { createDnsSd: () => createBonjourDnsSd(), pollIntervalMs: 500 },
    })
    const a = await startPeerHost(real())
    const b = await startPeerHost(real())
    const shared = await a.host.registry.create('Felles prosjekt')
    await b.host.registry.register({ id: shared.id, name: 'Felles prosjekt', token: shared.token })
    await hostOnLan(a)
    await hostOnLan(b)
    await waitFor(
      () => linkedTo(b, a, shared.id) || linkedTo(a, b, shared.id),
      'a link found over mDNS',
      15_000,
    )
  })
})
