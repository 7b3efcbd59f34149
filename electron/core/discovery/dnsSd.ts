/** A service found on the network, as discovery needs it. */
export type FoundService = {
  /** The DNS-SD instance name, unique on the network while the service is up. */
  name: string
  port: number
  /** Addresses the service resolved to; the one its answer came from first when known. */
  addresses: string[]
  txt: Record<string, unknown>
}

/** An advertisement in progress; `stop()` sends the goodbye. */
export type Published = { stop(): Promise<void> }

/** A running browse; `stop()` ends it. */
export type Browsing = { stop(): void }

/**
 * The slice of DNS-SD (mDNS) that discovery uses, injected so tests can share an in-memory
 * network between hosts. The real one is `createBonjourDnsSd` (bonjourDnsSd.ts).
 */
export interface DnsSd {
  publish(service: {
    name: string
    type: string
    port: number
    txt: Record<string, string>
  }): Published
  find(
    type: string,
    events: { up: (service: FoundService) => void; down: (service: FoundService) => void },
  ): Browsing
  /** Releases the sockets. */
  destroy(): Promise<void>
}
