import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'

export default defineConfig({
  main: {
    build: {
      // lowdb and micromark ship only as ES modules; bundling them keeps main a CommonJS file.
      externalizeDeps: {
        exclude: [
          'lowdb',
          'micromark',
          'micromark-extension-gfm',
          'mdast-util-from-markdown',
          'mdast-util-gfm',
          'approx-string-match',
          'zod',
          'commander',
        ],
      },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli.ts'),
          // Reads imported files in a worker thread; jsdom and Readability load only there.
          'import-worker': resolve('src/main/core/importing/import-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve('src/preload/index.ts') } },
    },
  },
  renderer: {
    plugins: [react()],
    // Minified; the editor is split off by its dynamic import in EssaysPane (loaded on opening).
    build: { minify: true },
  },
})
