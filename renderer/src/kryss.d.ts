import type { KryssApi } from '../../shared/ipc'

/**
 * `window.kryss` is set by the Electron preload and absent in a browser guest, so the
 * renderer must handle `undefined` (and degrade: downloads instead of dialogs, and so on).
 */
declare global {
  interface Window {
    kryss?: KryssApi
  }
}
