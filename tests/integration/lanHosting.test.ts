import { connect } from 'node:net'
import { networkInterfaces } from 'node:os'
import { afterEach, describe, expect, it } from 'vitest'
import { hostingStatusSchema, workspaceInfoSchema } from '../../shared/hostApi'
import { decodeInviteLink } from '../../shared/invite'
import { api, cleanup, RawClient, startHost, tempDir, waitFor } from './hostHarness'

afterEach(cleanup)

/**
 * A non-loopback IPv4 address of this machine, to prove the host answers from the LAN. A
 * machine with none (a sandbox without network) still binds 0.0.0.0; the tests then reach
 * the LAN port through 127.0.0.1 and say so.
 */
function lanAddress(): string | null {
  for (const infos of Object.values(networkInterfaces())) {
    for (const info of infos ?? [])
      if (info.family === 'IPv4' && !info.internal) return info.address
  }
  return null
}
const LAN = lanAddress()
const REACH = LAN ?? '127.0.0.1'
if (LAN === null) {
  console.warn(
    'lanHosting.test: no non-loopback IPv4 address here; reaching the LAN port via 127.0.0.1',
  )
}

/** Resolves true when a TCP connection to host:port is accepted, false when refused. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function hosting(started: Parameters<typeof api>[0]) {
  const response = await api(started, 'GET', '/api/hosting')
  expect(response.status).toBe(200)
  return hostingStatusSchema.parse(response.json)
}

describe('LAN hosting', () => {
  it('is off by default: the host listens on loopback only and invites name loopback', async () => {
    const started = await startHost()
    const status = await hosting(started)
    expect(status).toEqual({ on: false, port: null, addresses: [], configurable: true })
    await started.host.registry.create('Verksted')
    const invite = decodeInviteLink(started.host.inviteLinks()[0]?.link ?? '')
    expect(invite.ok && invite.invite.hosts).toEqual([`http://127.0.0.1:${started.port}/`])
    if (LAN !== null) expect(await accepts(LAN, started.port)).toBe(false)
  })

  it('on: answers on the LAN with the same API, renderer and sync endpoint; invites list LAN first', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    if (LAN !== null) expect(await accepts(LAN, started.port)).toBe(false)

    const turnedOn = await api(started, 'PUT', '/api/hosting', { on: true })
    expect(turnedOn.status).toBe(200)
    const status = hostingStatusSchema.parse(turnedOn.json)
    expect(status.on).toBe(true)
    const lanPort = status.port as number
    expect(lanPort).toBeGreaterThan(0)
    expect(lanPort).not.toBe(started.port)
    if (LAN !== null) expect(status.addresses).toContain(`http://${LAN}:${lanPort}/`)

    // The same request handler: the owner API answers there, with the same auth.
    const viaLan = await fetch(`http://${REACH}:${lanPort}/api/hosting`, {
      headers: { Authorization: `Bearer ${started.host.ownerToken}` },
    })
    expect(viaLan.status).toBe(200)
    expect((await fetch(`http://${REACH}:${lanPort}/api/hosting`)).status).toBe(401)

    // The same upgrade handler: a guest with the invite token syncs over the LAN port.
    const guest = new RawClient(
      `ws://${REACH}:${lanPort}/sync/${workspace.id}?token=${workspace.token}`,
    )
    await guest.opened
    await waitFor(() => guest.messages.length > 0, 'sync step 1 over the LAN')

    const listed = (await api(started, 'GET', '/api/workspaces')).json as {
      workspaces: unknown[]
    }
    const info = workspaceInfoSchema.parse(listed.workspaces[0])
    const decoded = decodeInviteLink(info.invite)
    if (!decoded.ok) throw new Error(decoded.error)
    const hosts = decoded.invite.hosts
    expect(hosts.at(-1)).toBe(`http://127.0.0.1:${started.port}/`)
    if (LAN !== null) {
      expect(hosts[0]).toBe(`http://${LAN}:${lanPort}/`)
      expect(info.invite.startsWith(`http://${LAN}:${lanPort}/join#`)).toBe(true)
    }
    expect(started.host.inviteLinks()[0]?.link).toBe(info.invite)
  })

  it('off: closes the LAN port and the connections that came through it, not loopback ones', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const { port: lanPort } = hostingStatusSchema.parse(
      (await api(started, 'PUT', '/api/hosting', { on: true })).json,
    )
    const query = `/sync/${workspace.id}?token=${workspace.token}`
    const viaLan = new RawClient(`ws://${REACH}:${lanPort}${query}`)
    const viaLoopback = new RawClient(`ws://127.0.0.1:${started.port}${query}`)
    await Promise.all([viaLan.opened, viaLoopback.opened])

    const off = await api(started, 'PUT', '/api/hosting', { on: false })
    expect(hostingStatusSchema.parse(off.json)).toMatchObject({ on: false, port: lanPort })
    await viaLan.closed()
    expect(await accepts(REACH, lanPort as number)).toBe(false)
    expect(viaLoopback.closeCode).toBeNull()
    const invite = decodeInviteLink(started.host.inviteLinks()[0]?.link ?? '')
    expect(invite.ok && invite.invite.hosts).toEqual([`http://127.0.0.1:${started.port}/`])
  })

  it('survives a restart: on again, on the same port', async () => {
    const dataDir = await tempDir()
    const first = await startHost({ dataDir })
    const { port: lanPort } = hostingStatusSchema.parse(
      (await api(first, 'PUT', '/api/hosting', { on: true })).json,
    )
    await first.host.stop()
    expect(await accepts(REACH, lanPort as number)).toBe(false)

    const second = await startHost({ dataDir })
    expect(await hosting(second)).toMatchObject({ on: true, port: lanPort })
    expect(await accepts(REACH, lanPort as number)).toBe(true)

    await api(second, 'PUT', '/api/hosting', { on: false })
    await second.host.stop()
    const third = await startHost({ dataDir })
    expect(await hosting(third)).toMatchObject({ on: false, port: lanPort })
  })

  it('stopping the host closes LAN connections as politely as loopback ones (1001)', async () => {
    const started = await startHost()
    const workspace = await started.host.registry.create('Verksted')
    const { port: lanPort } = hostingStatusSchema.parse(
      (await api(started, 'PUT', '/api/hosting', { on: true })).json,
    )
    const viaLan = new RawClient(
      `ws://${REACH}:${lanPort}/sync/${workspace.id}?token=${workspace.token}`,
    )
    await viaLan.opened
    await started.host.stop()
    expect(await viaLan.closed()).toBe(1001)
    expect(await accepts(REACH, lanPort as number)).toBe(false)
  })

  it('validates the request body and needs the owner token', async () => {
    const started = await startHost()
    for (const body of [{}, { on: 'yes' }, 'not json']) {
      const response = await api(started, 'PUT', '/api/hosting', body)
      expect(response.status).toBe(400)
    }
    expect((await api(started, 'POST', '/api/hosting', { on: true })).status).toBe(405)
    const workspace = await started.host.registry.create('Verksted')
    const guest = await api(
      started,
      'PUT',
      '/api/hosting',
      { on: true },
      {
        Authorization: `Bearer ${workspace.token}`,
      },
    )
    expect(guest.status).toBe(401)
    expect((await hosting(started)).on).toBe(false)
  })

  it('a host bound to every interface reports hosting as fixed on', async () => {
    const started = await startHost({ bind: '0.0.0.0' })
    const status = await hosting(started)
    expect(status).toMatchObject({ on: true, port: started.port, configurable: false })
    const response = await api(started, 'PUT', '/api/hosting', { on: false })
    expect(response.status).toBe(409)
  })
})
