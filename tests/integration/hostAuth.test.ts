import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, RawClient, rawUpgrade, startHost, waitFor } from './hostHarness'

afterEach(cleanup)

/** Parses the status line; asserts nothing but a plain HTTP response came back. */
function expectPlainRefusal(bytes: Buffer, status: number, secret: string): void {
  const text = bytes.toString('latin1')
  expect(text.startsWith(`HTTP/1.1 ${status} `)).toBe(true)
  expect(text).not.toContain('101 Switching Protocols')
  // Exactly one HTTP response, with the advertised body length and nothing after it.
  const [head, body] = text.split('\r\n\r\n') as [string, string]
  const length = Number(/content-length: (\d+)/i.exec(head)?.[1])
  expect(Buffer.byteLength(body, 'latin1')).toBe(length)
  expect(text).not.toContain(secret)
}

describe('the sync endpoint refuses before the handshake', () => {
  async function hostWithSecret() {
    const started = await startHost({ allowedOrigins: ['kryss://app'] })
    const workspace = await started.host.registry.create('Hemmelige planer')
    return { started, workspace }
  }

  it('401 for a missing or wrong token, with no document byte', async () => {
    const { started, workspace } = await hostWithSecret()
    const missing = await rawUpgrade(started.port, `/sync/${workspace.id}`)
    expectPlainRefusal(missing, 401, 'Hemmelige')
    const wrong = await rawUpgrade(started.port, `/sync/${workspace.id}?token=${'x'.repeat(43)}`)
    expectPlainRefusal(wrong, 401, 'Hemmelige')
  })

  it("401 for another workspace's token", async () => {
    const { started, workspace } = await hostWithSecret()
    const other = await started.host.registry.create('Annet')
    const bytes = await rawUpgrade(started.port, `/sync/${workspace.id}?token=${other.token}`)
    expectPlainRefusal(bytes, 401, 'Hemmelige')
  })

  it('403 for a foreign Origin, even with the right token', async () => {
    const { started, workspace } = await hostWithSecret()
    const bytes = await rawUpgrade(started.port, `/sync/${workspace.id}?token=${workspace.token}`, {
      Origin: 'http://evil.example',
    })
    expectPlainRefusal(bytes, 403, 'Hemmelige')
  })

  it('404 for an unknown workspace or path', async () => {
    const { started, workspace } = await hostWithSecret()
    expectPlainRefusal(
      await rawUpgrade(started.port, `/sync/ws-doesnotexist?token=${workspace.token}`),
      404,
      'Hemmelige',
    )
    expectPlainRefusal(await rawUpgrade(started.port, '/elsewhere'), 404, 'Hemmelige')
  })

  it('a ws client sees the HTTP status and receives no frame', async () => {
    const { started, workspace } = await hostWithSecret()
    const client = new RawClient(`ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=nope`)
    await expect(client.opened).rejects.toThrow('HTTP 401')
    expect(client.messages).toHaveLength(0)
  })

  it('accepts no Origin, its own origin and allowed origins', async () => {
    const { started, workspace } = await hostWithSecret()
    const url = `ws://127.0.0.1:${started.port}/sync/${workspace.id}?token=${workspace.token}`
    const origins: Record<string, string>[] = [
      {},
      { Origin: `http://127.0.0.1:${started.port}` },
      { Origin: 'kryss://app' },
    ]
    for (const headers of origins) {
      const client = new RawClient(url, headers)
      await client.opened
      await waitFor(() => client.messages.length > 0, 'sync step 1')
      client.ws.close()
    }
  })

  it('503 for a workspace whose files cannot be read; its log is never written', async () => {
    const first = await startHost()
    const workspace = await first.host.registry.create('Skadet')
    await first.host.stop()
    const dir = path.join(first.dataDir, 'workspaces', workspace.id)
    await writeFile(path.join(dir, 'snapshot.bin'), 'this is not a snapshot')
    const log = await readFile(path.join(dir, 'updates.log'))

    const second = await startHost({ dataDir: first.dataDir })
    const entry = second.host.registry.get(workspace.id)
    expect(entry?.store).toBeNull()
    expect(entry?.error).toMatch(/could not be opened/)
    const bytes = await rawUpgrade(second.port, `/sync/${workspace.id}?token=${workspace.token}`)
    expectPlainRefusal(bytes, 503, 'Skadet')
    await second.host.stop()
    expect(await readFile(path.join(dir, 'updates.log'))).toEqual(log)
  })
})
