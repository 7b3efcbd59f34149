import type { KryssApi } from '../../shared/ipc'

declare global {
  interface Window {
    kryss?: KryssApi
  }
}
