/**
 * The few web-platform globals that both browsers and Node (≥ 18) provide. shared/ is
 * compiled without DOM or Node types so it cannot reach for anything else by accident.
 */
declare class URL {
  constructor(url: string, base?: string | URL)
  readonly origin: string
  readonly protocol: string
  readonly host: string
  readonly hostname: string
  readonly port: string
  readonly pathname: string
  readonly search: string
  readonly hash: string
  readonly searchParams: { get(name: string): string | null }
  toString(): string
}
declare class TextEncoder {
  encode(input?: string): Uint8Array
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean })
  decode(input?: Uint8Array): string
}
declare function atob(data: string): string
declare function btoa(data: string): string
declare const crypto: {
  getRandomValues<T extends Uint8Array>(array: T): T
  subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> }
}
