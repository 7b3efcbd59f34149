import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

/**
 * One build for three targets:
 * - main: the Electron shell (`out/main/index.js`) and the headless hub (`out/main/hub.js`),
 *   both plain Node bundles over the same host core;
 * - preload: CommonJS, because sandboxed preloads cannot be ES modules;
 * - renderer: the one UI bundle served to the Electron window and to browser guests.
 */
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          hub: resolve(__dirname, 'electron/core/hub.ts'),
          // The host's search worker (electron/core/search/service.ts finds it beside these).
          searchWorker: resolve(__dirname, 'electron/core/search/worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // The hub serves this bundle to phones on workshop Wi-Fi: keep it small.
      minify: true,
      // Two chunks by design: the app shell (~660 kB) and the editor, loaded on first use.
      chunkSizeWarningLimit: 800,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
      },
    },
  },
})
