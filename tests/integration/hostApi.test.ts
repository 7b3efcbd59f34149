import { mkdir, readdir, writeFile } from 'node:fs/promises'
import { request } from 'node:http'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildContentSecurityPolicy } from '../../electron/core/http/csp'
import { MAX_API_BODY_BYTES } from '../../electron/core/http/api'
import { listWorkspacesResponse, workspaceInfoSchema } from '../../shared/hostApi'
import { decodeInviteLink } from '../../shared/invite'
import { readWorkspaceMeta } from '../../shared/model/workspace'
import { api, cleanup, startHost, tempDir, type StartedHost } from './hostHarness'

afterEach(cleanup)

describe('host API', () => {
  it('requires the owner token', async () => {
    const started = await startHost()
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong-token-0123456789' },
    ]
    for (const headers of attempts) {
      const response = await fetch(`${started.url}/api/workspaces`, { headers })
      expect(response.status).toBe(401)
      expect(((await response.json()) as { error: string }).error).toMatch(/owner token/)
    }
    const workspace = await started.host.registry.create('Ikke eier')
    const guest = await api(started, 'GET', '/api/workspaces', undefined, {
      Authorization: `Bearer ${workspace.token}`,
    })
    expect(guest.status).toBe(401)
  })

  it('creates, lists, renames and deletes workspaces', async () => {
    const started = await startHost({ now: () => 42 })
    const created = await api(started, 'POST', '/api/workspaces', { name: '  Prosjekt Fiber ' })
    expect(created.status).toBe(201)
    const info = workspaceInfoSchema.parse(created.json)
    expect(info).toMatchObject({ name: 'Prosjekt Fiber', demo: false, createdAt: 42, warnings: [] })
    const invite = decodeInviteLink(info.invite)
    expect(invite.ok && invite.invite.workspace).toBe(info.id)

    const listed = listWorkspacesResponse.parse((await api(started, 'GET', '/api/workspaces')).json)
    expect(listed.workspaces).toEqual([info])

    const renamed = await api(started, 'PATCH', `/api/workspaces/${info.id}`, { name: 'Fiber' })
    expect(renamed.status).toBe(200)
    expect(workspaceInfoSchema.parse(renamed.json).name).toBe('Fiber')
    const doc = started.host.registry.get(info.id)?.store?.doc
    expect(doc && readWorkspaceMeta(doc).name).toBe('Fiber')

    const deleted = await api(started, 'DELETE', `/api/workspaces/${info.id}`)
    expect(deleted.status).toBe(204)
    expect((await api(started, 'GET', '/api/workspaces')).json).toEqual({ workspaces: [] })
    expect(await readdir(path.join(started.dataDir, 'trash'))).toEqual([`${info.id}-42`])

    const again = await api(started, 'DELETE', `/api/workspaces/${info.id}`)
    expect(again.status).toBe(404)
    expect((again.json as { error: string }).error).toContain(info.id)
  })

  it('answers invalid bodies with 400 and a message in words', async () => {
    const started = await startHost()
    const empty = await api(started, 'POST', '/api/workspaces', { name: '   ' })
    expect(empty.status).toBe(400)
    expect((empty.json as { error: string }).error).toMatch(/^name: /)
    const missing = await api(started, 'POST', '/api/workspaces', {})
    expect(missing.status).toBe(400)
    expect((missing.json as { error: string }).error).toMatch(/name/)
    const notJson = await api(started, 'POST', '/api/workspaces', '{name:')
    expect(notJson).toMatchObject({
      status: 400,
      json: { error: 'The request body must be JSON.' },
    })
    const badColor = await api(started, 'PUT', '/api/profile', {
      name: 'Anne',
      company: 'Lien',
      color: 'red',
    })
    expect(badColor.status).toBe(400)
    expect((badColor.json as { error: string }).error).toMatch(/^color: /)
    const badTheme = await api(started, 'PUT', '/api/settings', { theme: 'purple' })
    expect(badTheme.status).toBe(400)
    expect((await api(started, 'GET', '/api/settings')).json).toEqual({
      language: 'auto',
      theme: 'auto',
    })
  })

  it('limits the body size (413)', async () => {
    const started = await startHost()
    const big = await api(started, 'POST', '/api/workspaces', {
      name: 'x'.repeat(MAX_API_BODY_BYTES + 1),
    })
    expect(big.status).toBe(413)
    expect(started.host.registry.list()).toHaveLength(0)
  })

  it('answers unknown routes with 404 and wrong methods with 405', async () => {
    const started = await startHost()
    expect((await api(started, 'GET', '/api/nothing')).status).toBe(404)
    expect((await api(started, 'PUT', '/api/workspaces')).status).toBe(405)
  })

  it('stores the profile and settings, and they survive a restart', async () => {
    const started = await startHost()
    expect((await api(started, 'GET', '/api/profile')).json).toEqual({ profile: null })
    const profile = { name: 'Anne Lien', company: 'Lien Møbelverk AS', color: '#2563eb' }
    expect((await api(started, 'PUT', '/api/profile', profile)).json).toEqual({ profile })
    const settings = await api(started, 'PUT', '/api/settings', { theme: 'dark' })
    expect(settings.json).toEqual({ language: 'auto', theme: 'dark' })
    await started.host.stop()

    const again = await startHost({ dataDir: started.dataDir })
    expect((await api(again, 'GET', '/api/profile')).json).toEqual({ profile })
    expect((await api(again, 'GET', '/api/settings')).json).toEqual({
      language: 'auto',
      theme: 'dark',
    })
  })

  it('allows CORS for listed origins only, preflight included', async () => {
    const started = await startHost({ allowedOrigins: ['kryss://app'] })
    const preflight = await fetch(`${started.url}/api/workspaces`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'kryss://app',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization, content-type',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-origin')).toBe('kryss://app')
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/Authorization/)
    const get = await api(started, 'GET', '/api/workspaces', undefined, { Origin: 'kryss://app' })
    expect(get.status).toBe(200)
    expect(get.headers.get('access-control-allow-origin')).toBe('kryss://app')

    const foreign = await api(started, 'GET', '/api/workspaces', undefined, {
      Origin: 'http://evil.example',
    })
    expect(foreign.status).toBe(403)
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull()
    const same = await api(started, 'GET', '/api/workspaces', undefined, {
      Origin: `http://127.0.0.1:${started.port}`,
    })
    expect(same.status).toBe(200)
  })
})

/** GET with a path sent exactly as written (fetch would normalise `..`). */
function rawGet(
  started: StartedHost,
  rawPath: string,
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: started.port, path: rawPath }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('renderer serving', () => {
  async function hostWithRenderer() {
    const root = await tempDir('kryss-renderer-')
    const rendererDir = path.join(root, 'out', 'renderer')
    await mkdir(path.join(rendererDir, 'assets'), { recursive: true })
    await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Kryss</title>')
    await writeFile(path.join(rendererDir, 'assets', 'index-a1b2c3.js'), 'console.log(1)')
    await writeFile(path.join(rendererDir, 'assets', 'index-a1b2c3.css'), 'body{}')
    await writeFile(path.join(rendererDir, 'favicon.svg'), '<svg/>')
    await writeFile(path.join(root, 'secret.txt'), 'outside the renderer')
    return startHost({ rendererDir })
  }

  it('serves index.html with security headers for /, /join and app routes', async () => {
    const started = await hostWithRenderer()
    for (const route of ['/', '/join', '/workspaces/ws-abc/notes']) {
      const response = await fetch(`${started.url}${route}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('<title>Kryss</title>')
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(buildContentSecurityPolicy())
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(response.headers.get('referrer-policy')).toBe('no-referrer')
      expect(response.headers.get('cache-control')).toBe('no-cache')
    }
    expect(buildContentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' ws: wss: http: https:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    )
  })

  it('serves files with their content type; hashed assets are immutable', async () => {
    const started = await hostWithRenderer()
    const js = await fetch(`${started.url}/assets/index-a1b2c3.js`)
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await js.text()).toBe('console.log(1)')
    const css = await fetch(`${started.url}/assets/index-a1b2c3.css`)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const svg = await fetch(`${started.url}/favicon.svg`)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(svg.headers.get('content-security-policy')).toBeNull()
    const head = await fetch(`${started.url}/favicon.svg`, { method: 'HEAD' })
    expect(head.headers.get('content-length')).toBe('6')
  })

  it('404s missing files instead of answering with the app', async () => {
    const started = await hostWithRenderer()
    expect((await fetch(`${started.url}/assets/gone-123.js`)).status).toBe(404)
    expect((await fetch(`${started.url}/missing.png`)).status).toBe(404)
  })

  it('never serves a file outside the renderer folder', async () => {
    const started = await hostWithRenderer()
    for (const rawPath of [
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
      '/.env',
      '/assets/%00.js',
    ]) {
      const response = await rawGet(started, rawPath)
      expect(response.body, rawPath).not.toContain('outside the renderer')
      expect([400, 404], rawPath).toContain(response.status)
    }
  })

  it('says to build the app when there is no renderer', async () => {
    const started = await startHost({ rendererDir: path.join(await tempDir(), 'nothing') })
    const response = await fetch(`${started.url}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/npm run build/)
  })

  it('answers plain HTTP on the sync path with 426', async () => {
    const started = await startHost()
    expect((await fetch(`${started.url}/sync/ws-abc`)).status).toBe(426)
  })
})
