import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

type ModuleGraph = { getModuleInfo(id: string): { importedIds: readonly string[] } | null }

/**
 * Every module the app's first screen imports statically, in one chunk. Left to itself the
 * bundler cuts what the lazy screens share with it into many small chunks (17 files at start,
 * several under 1 kB), and on workshop Wi-Fi each is a request of its own; the lazy screens
 * (editor, boards, map, palette) stay chunks of their own and import from this one.
 */
function startupChunk(entry: string) {
  let startup: Set<string> | undefined
  return (id: string, graph: ModuleGraph): string | null => {
    if (startup === undefined) {
      startup = new Set([entry])
      const queue = [entry]
      for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
        for (const imported of graph.getModuleInfo(next)?.importedIds ?? []) {
          if (startup.has(imported)) continue
          startup.add(imported)
          queue.push(imported)
        }
      }
    }
    return startup.has(id) ? 'index' : null
  }
}

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
      // The app's first screen is one chunk by design (~970 kB, ~300 kB gzip; startupChunk
      // below); the editor, boards, map and palette load on first use or ahead of it.
      chunkSizeWarningLimit: 1000,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: {
          codeSplitting: {
            groups: [
              {
                name: startupChunk(resolve(__dirname, 'renderer/src/main.tsx')),
                debugName: 'startup',
              },
            ],
          },
        },
      },
    },
  },
})
