import type { DnsSd, FoundService } from '../../electron/core/discovery/dnsSd'

type Listener = { type: string; up: (s: FoundService) => void; down: (s: FoundService) => void }

/**
 * An in-memory DNS-SD "network": every `DnsSd` made by {@link FakeNetwork.dnsSd} sees what
 * the others publish, as loopback hosts would on a LAN with working multicast.
 */
export class FakeNetwork {
  private readonly services = new Map<string, { type: string; service: FoundService }>()
  private readonly listeners = new Set<Listener>()

  constructor(private readonly address = '127.0.0.1') {}

  dnsSd(): DnsSd {
    const mine = new Set<string>()
    const browsing = new Set<Listener>()
    return {
      publish: (config) => {
        const service: FoundService = {
          name: config.name,
          port: config.port,
          addresses: [this.address],
          txt: { ...config.txt },
        }
        this.services.set(config.name, { type: config.type, service })
        mine.add(config.name)
        for (const l of this.listeners) if (l.type === config.type) l.up(service)
        return {
          stop: () => {
            this.withdraw(config.name)
            mine.delete(config.name)
            return Promise.resolve()
          },
        }
      },
      find: (type, events) => {
        const listener: Listener = { type, ...events }
        this.listeners.add(listener)
        browsing.add(listener)
        for (const { type: t, service } of this.services.values())
          if (t === type) events.up(service)
        return {
          stop: () => {
            this.listeners.delete(listener)
            browsing.delete(listener)
          },
        }
      },
      destroy: () => {
        for (const name of mine) this.withdraw(name)
        for (const l of browsing) this.listeners.delete(l)
        return Promise.resolve()
      },
    }
  }

  private withdraw(name: string): void {
    const entry = this.services.get(name)
    if (!entry) return
    this.services.delete(name)
    for (const l of this.listeners) if (l.type === entry.type) l.down(entry.service)
  }
}
