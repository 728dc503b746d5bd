import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'

/**
 * The app's own stylesheet inside index.html rather than beside it: the page paints its frame
 * without first waiting on a request for the CSS (a stylesheet link in the head holds the first
 * paint until it arrives). The CSP allows inline styles; lazy chunks keep their own CSS files.
 */
function inlineEntryStylesheet(): Plugin {
  return {
    name: 'commonplace:inline-entry-stylesheet',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle
        if (!bundle) return html
        return html.replace(
          /<link rel="stylesheet"[^>]*href="\.?\/?(assets\/[^"]+\.css)"[^>]*>/g,
          (tag, fileName: string) => {
            const asset = bundle[fileName]
            if (asset?.type !== 'asset') return tag
            delete bundle[fileName]
            return `<style>${String(asset.source)}</style>`
          },
        )
      },
    },
  }
}

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
    plugins: [react(), inlineEntryStylesheet()],
    // Minified; the editor is split off by its dynamic import in EssaysPane (loaded on opening).
    build: { minify: true },
  },
})
