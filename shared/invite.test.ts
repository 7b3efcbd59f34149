import { describe, expect, it } from 'vitest'
import { bytesToBase64Url, newToken, type WorkspaceId } from './ids'
import {
  decodeInviteLink,
  encodeInviteLink,
  INVITE_VERSION,
  MAX_INVITE_PAYLOAD_CHARS,
  syncUrlForHost,
  type Invite,
} from './invite'

const invite: Invite = {
  v: INVITE_VERSION,
  workspace: 'ws-demo123' as WorkspaceId,
  name: 'Kryssklyngen – æøå',
  token: newToken(),
  hosts: ['http://192.168.1.20:4455/', 'http://127.0.0.1:4455/'],
}

function linkWith(payload: unknown): string {
  const text = typeof payload === 'string' ? payload : JSON.stringify(payload)
  return `http://127.0.0.1:4455/join#${bytesToBase64Url(new TextEncoder().encode(text))}`
}

describe('invite links', () => {
  it('round-trips through the link, names with æøå included', () => {
    const link = encodeInviteLink(invite)
    expect(link.startsWith('http://192.168.1.20:4455/join#')).toBe(true)
    expect(decodeInviteLink(link)).toEqual({ ok: true, invite })
  })

  it('carries readOnly for view-only invites and leaves it out of full ones', () => {
    const viewOnly: Invite = { ...invite, readOnly: true }
    expect(decodeInviteLink(encodeInviteLink(viewOnly))).toEqual({ ok: true, invite: viewOnly })
    const full = decodeInviteLink(encodeInviteLink(invite))
    expect(full.ok && 'readOnly' in full.invite).toBe(false)
    // Still version 1: a reader that knows no readOnly strips it rather than refusing the link.
    expect(decodeInviteLink(linkWith({ ...invite, readOnly: true }))).toEqual({
      ok: true,
      invite: viewOnly,
    })
    expect(decodeInviteLink(linkWith({ ...invite, readOnly: false }))).toEqual({
      ok: false,
      error: 'invalid',
    })
  })

  it('accepts a bare payload pasted without the address', () => {
    const payload = encodeInviteLink(invite).split('#')[1] as string
    expect(decodeInviteLink(`  ${payload}\n`)).toEqual({ ok: true, invite })
  })

  it('rejects text that is not an invite', () => {
    expect(decodeInviteLink('http://example.com/other#abc')).toEqual({
      ok: false,
      error: 'not-an-invite',
    })
    expect(decodeInviteLink('')).toEqual({ ok: false, error: 'not-an-invite' })
    expect(decodeInviteLink('http://h:1/join#%%%')).toEqual({ ok: false, error: 'unreadable' })
    expect(decodeInviteLink(linkWith('{not json'))).toEqual({ ok: false, error: 'unreadable' })
  })

  it('rejects oversized payloads before parsing them', () => {
    const huge = linkWith({ ...invite, name: 'x'.repeat(MAX_INVITE_PAYLOAD_CHARS) })
    expect(decodeInviteLink(huge)).toEqual({ ok: false, error: 'too-long' })
  })

  it('rejects other versions with their own reason', () => {
    expect(decodeInviteLink(linkWith({ ...invite, v: 2 }))).toEqual({
      ok: false,
      error: 'wrong-version',
    })
  })

  it('rejects malformed fields', () => {
    const bad: unknown[] = [
      { ...invite, workspace: '../etc' },
      { ...invite, token: 'short' },
      { ...invite, hosts: [] },
      { ...invite, hosts: ['javascript:alert(1)'] },
      { ...invite, hosts: ['http://h:1/path'] },
      { ...invite, name: '' },
      { v: 1 },
      [1, 2, 3],
    ]
    for (const payload of bad) {
      expect(decodeInviteLink(linkWith(payload))).toEqual({ ok: false, error: 'invalid' })
    }
  })

  it('derives the sync URL from a host', () => {
    expect(syncUrlForHost('http://10.0.0.2:4455/')).toBe('ws://10.0.0.2:4455/sync')
    expect(syncUrlForHost('https://hub.example.org/')).toBe('wss://hub.example.org/sync')
  })
})
