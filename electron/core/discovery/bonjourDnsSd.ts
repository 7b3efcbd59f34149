import { Bonjour, type Service } from 'bonjour-service'
import type { DnsSd, FoundService } from './dnsSd'

function toFound(service: Service): FoundService {
  // The address the answer came from is the one that routes back to us; try it first.
  const addresses = [service.referer?.address, ...(service.addresses ?? [])].filter(
    (address): address is string => typeof address === 'string' && !address.includes(':'),
  )
  return {
    name: service.name,
    port: service.port,
    addresses: [...new Set(addresses)],
    txt: (service.txt ?? {}) as Record<string, unknown>,
  }
}

/**
 * {@link DnsSd} over bonjour-service (pure JS multicast DNS). `onError` gets socket errors
 * (no multicast route, for one) instead of an uncaught exception.
 */
export function createBonjourDnsSd(onError: (error: unknown) => void = () => {}): DnsSd {
  const bonjour = new Bonjour({}, onError)
  return {
    publish(config) {
      const service = bonjour.publish({ ...config, disableIPv6: true })
      service.on('error', onError)
      return {
        stop: () =>
          new Promise<void>((resolve) => {
            // Typed as CallableFunction upstream; it takes a completion callback.
            ;(service.stop as (done: () => void) => void)(() => resolve())
          }),
      }
    },
    find(type, events) {
      const browser = bonjour.find({ type })
      browser.on('up', (service) => events.up(toFound(service)))
      browser.on('down', (service) => events.down(toFound(service)))
      return {
        stop: () => {
          browser.removeAllListeners()
          browser.stop()
        },
      }
    },
    destroy: () =>
      new Promise<void>((resolve) => {
        bonjour.destroy(() => resolve())
      }),
  }
}
