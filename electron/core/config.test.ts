import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { WorkspaceId } from '../../shared/ids'
import { encodeInviteLink } from '../../shared/invite'
import {
  ConfigError,
  DEFAULT_BIND,
  DEFAULT_HUB_PORT,
  parseHubArgs,
  parsePort,
  resolveDataDir,
} from './config'

const home = '/home/anne'
const cwd = '/work/here'

describe('resolveDataDir', () => {
  it('prefers --data-dir, then KRYSS_DATA_DIR, then userData, then ~/.kryss', () => {
    const env = { KRYSS_DATA_DIR: '/from/env' }
    const userDataDir = '/electron/userData'
    expect(resolveDataDir({ flag: '/from/flag', env, userDataDir, homeDir: home, cwd })).toBe(
      '/from/flag',
    )
    expect(resolveDataDir({ env, userDataDir, homeDir: home, cwd })).toBe('/from/env')
    expect(resolveDataDir({ env: {}, userDataDir, homeDir: home, cwd })).toBe(userDataDir)
    expect(resolveDataDir({ env: {}, homeDir: home, cwd })).toBe(path.join(home, '.kryss'))
  })

  it('resolves relative paths against cwd and ignores an empty env value', () => {
    expect(resolveDataDir({ flag: 'data', cwd })).toBe(path.join(cwd, 'data'))
    expect(resolveDataDir({ env: { KRYSS_DATA_DIR: 'rel' }, cwd })).toBe(path.join(cwd, 'rel'))
    expect(resolveDataDir({ env: { KRYSS_DATA_DIR: '  ' }, homeDir: home, cwd })).toBe(
      path.join(home, '.kryss'),
    )
  })

  it('refuses an empty --data-dir', () => {
    expect(() => resolveDataDir({ flag: '', cwd })).toThrow(ConfigError)
  })
})

describe('parseHubArgs', () => {
  it('has safe defaults: loopback, port 4455, demo on', () => {
    expect(parseHubArgs([], {}, { homeDir: home, cwd })).toEqual({
      dataDir: path.join(home, '.kryss'),
      port: DEFAULT_HUB_PORT,
      bind: DEFAULT_BIND,
      demo: true,
      help: false,
      peers: [],
    })
  })

  it('reads every flag, in both --flag value and --flag=value forms', () => {
    const config = parseHubArgs(
      ['--data-dir', 'hub-data', '--port=0', '--bind', '0.0.0.0', '--no-demo'],
      { KRYSS_DATA_DIR: '/ignored' },
      { homeDir: home, cwd },
    )
    expect(config).toEqual({
      dataDir: path.join(cwd, 'hub-data'),
      port: 0,
      bind: '0.0.0.0',
      demo: false,
      help: false,
      peers: [],
    })
  })

  it('takes the data dir from KRYSS_DATA_DIR when there is no flag', () => {
    expect(parseHubArgs([], { KRYSS_DATA_DIR: '/srv/kryss' }, { cwd }).dataDir).toBe('/srv/kryss')
  })

  it('accepts IPv6 and host names for --bind', () => {
    expect(parseHubArgs(['--bind', '::'], {}, { cwd }).bind).toBe('::')
    expect(parseHubArgs(['--bind', 'localhost'], {}, { cwd }).bind).toBe('localhost')
  })

  it('reads repeated --peer invite links and refuses one that is not an invite', () => {
    const invite = {
      v: 1 as const,
      workspace: 'ws-abc' as WorkspaceId,
      name: 'Klynga',
      token: 't'.repeat(43),
      hosts: ['http://10.0.0.2:4455/'],
    }
    const link = encodeInviteLink(invite)
    const config = parseHubArgs(['--peer', link, '--peer', link], {}, { cwd })
    expect(config.peers).toEqual([invite, invite])
    expect(() => parseHubArgs(['--peer', 'http://x/join#nope'], {}, { cwd })).toThrow(
      /--peer "http:\/\/x\/join#nope" cannot be read/,
    )
  })

  it('recognises --help and -h', () => {
    expect(parseHubArgs(['--help'], {}, { cwd }).help).toBe(true)
    expect(parseHubArgs(['-h'], {}, { cwd }).help).toBe(true)
  })

  it.each([
    [['--prot', '1'], /Unknown option '--prot'/],
    [['--port'], /--port/],
    [['--port', 'abc'], /--port must be a number from 0 to 65535, not "abc"/],
    [['--port', '70000'], /not "70000"/],
    [['--port', '-1'], /--port/],
    [['--port', '1.5'], /not "1.5"/],
    [['--bind', 'not an address!'], /--bind must be an IP address/],
    [['extra'], /positional/i],
    [['--no-demo=yes'], /no-demo/],
  ])('explains what is wrong with %j', (argv, message) => {
    expect(() => parseHubArgs(argv, {}, { cwd })).toThrow(ConfigError)
    expect(() => parseHubArgs(argv, {}, { cwd })).toThrow(message)
  })
})

describe('parsePort', () => {
  it('accepts 0 and 65535', () => {
    expect(parsePort('0')).toBe(0)
    expect(parsePort('65535')).toBe(65535)
  })
})
