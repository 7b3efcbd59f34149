import { describe, expect, it } from 'vitest'
import {
  addAddressRequest,
  advertisedName,
  decodeDiscoveryTxt,
  DISCOVERY_VERSION,
  encodeDiscoveryTxt,
  MAX_ADVERTISED_WORKSPACES,
  MAX_TXT_BYTES,
  type DiscoveryInfo,
} from './discovery'

const TAG = '0123456789abcdef'

function txtBytes(txt: Record<string, string>): number {
  return Object.entries(txt).reduce(
    (sum, [key, value]) => sum + 2 + key.length + new TextEncoder().encode(value).length,
    0,
  )
}

describe('discovery TXT record', () => {
  it('round-trips host id, version, tags and names', () => {
    const info: DiscoveryInfo = {
      v: DISCOVERY_VERSION,
      hostId: 'host-abc123',
      workspaces: [{ tag: TAG, name: 'Kryssverksted: høst' }, { tag: 'fedcba9876543210' }],
    }
    const txt = encodeDiscoveryTxt(info)
    expect(txt).toEqual({
      v: '1',
      id: 'host-abc123',
      w0: `${TAG}:Kryssverksted: høst`,
      w1: 'fedcba9876543210',
    })
    expect(decodeDiscoveryTxt(txt)).toEqual(info)
  })

  it('stays within one packet: at most 20 workspaces and MAX_TXT_BYTES', () => {
    const workspaces = Array.from({ length: 30 }, (_, i) => ({
      tag: i.toString(16).padStart(16, '0'),
      name: advertisedName('Ø'.repeat(100)) as string,
    }))
    const txt = encodeDiscoveryTxt({ v: 1, hostId: 'host-abc123', workspaces })
    expect(Object.keys(txt).filter((k) => k.startsWith('w')).length).toBeLessThanOrEqual(
      MAX_ADVERTISED_WORKSPACES,
    )
    expect(txtBytes(txt)).toBeLessThanOrEqual(MAX_TXT_BYTES)
    for (const value of Object.values(txt))
      expect(new TextEncoder().encode(value).length).toBeLessThan(255)
  })

  it('refuses other versions and bad host ids, and skips bad entries', () => {
    expect(decodeDiscoveryTxt({ v: '2', id: 'host-abc123' })).toBeNull()
    expect(decodeDiscoveryTxt({ v: '1', id: 'Not An Id' })).toBeNull()
    expect(decodeDiscoveryTxt({})).toBeNull()
    expect(
      decodeDiscoveryTxt({ v: '1', id: 'host-abc123', w0: 'nothex', w1: `${TAG}:`, w2: 7 }),
    ).toEqual({ v: 1, hostId: 'host-abc123', workspaces: [{ tag: TAG }] })
  })

  it('cuts long names to whole characters', () => {
    expect(advertisedName('  ')).toBeUndefined()
    expect(advertisedName('😀'.repeat(50))).toBe('😀'.repeat(40))
  })
})

describe('typed-in addresses', () => {
  it('takes an origin, adding http:// when missing', () => {
    expect(addAddressRequest.parse({ address: '192.168.1.20:4455' }).address).toBe(
      'http://192.168.1.20:4455/',
    )
    expect(addAddressRequest.parse({ address: ' https://hub.example/x ' }).address).toBe(
      'https://hub.example/',
    )
    expect(addAddressRequest.safeParse({ address: 'ftp://x' }).success).toBe(false)
    expect(addAddressRequest.safeParse({ address: '' }).success).toBe(false)
  })
})
