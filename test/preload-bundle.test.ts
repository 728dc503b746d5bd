// The built preload (out/preload/index.js, made by `npm run build` before the unit tests) run in a
// bare VM context through the same shim the e2e harness uses: what it exposes and what it sends.
import { runInContext, createContext } from 'node:vm'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  answerText,
  argumentsOf,
  dropPathHook,
  invokeBinding,
  preloadInitScript,
  readPreloadBundle,
  sendHook,
} from '../e2e/preload-shim'
import {
  channels,
  menuCommandChannel,
  notebookChangedChannel,
  importProgressChannel,
  screenReaderChannel,
  type CommonplaceApi,
  type InvokeMethod,
  type PreloadOnlyMethod,
} from '../src/shared/ipc'

const preloadOnly: PreloadOnlyMethod[] = ['importDroppedPath']
const pageMethods = (Object.keys(channels) as InvokeMethod[]).filter(
  (method): method is Exclude<InvokeMethod, PreloadOnlyMethod> =>
    !(preloadOnly as string[]).includes(method),
)

interface Page {
  commonplace?: CommonplaceApi
  invoked: [string, unknown[]][]
  [name: string]: unknown
}

async function loadPreload(): Promise<Page> {
  const page: Page = { invoked: [] }
  page.window = page
  // The page's own File class, which webUtils checks a dropped file against.
  page.File = File
  // As the harness answers: arguments and answer cross the binding as JSON text.
  page[invokeBinding] = async (channel: string, sent: string[]) => {
    page.invoked.push([channel, argumentsOf(sent)])
    return answerText({ ok: true, value: channel })
  }
  createContext(page)
  runInContext(preloadInitScript(await readPreloadBundle()), page)
  return page
}

describe('the built preload', () => {
  let page: Page
  beforeEach(async () => {
    page = await loadPreload()
  })

  it('exposes one frozen object: a function per page channel, the drop import, six listeners', () => {
    const api = page.commonplace as unknown as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(
      [
        ...pageMethods,
        'importDroppedFile',
        'onMenuCommand',
        'onNotebookChanged',
        'onImportProgress',
        'onSyncStatus',
        'onEssaySync',
        'onScreenReaderChanged',
      ].sort(),
    )
    expect(Object.isFrozen(api)).toBe(true)
    expect(page[invokeBinding]).toBeUndefined()
  })

  it.each(pageMethods)('%s invokes its own channel with the arguments as given', async (method) => {
    const call = page.commonplace![method] as (...args: unknown[]) => Promise<unknown>
    const answer = await call('first', { second: 2 })
    expect(page.invoked).toEqual([[channels[method], ['first', { second: 2 }]]])
    expect(answer).toEqual({ ok: true, value: channels[method] })
  })

  it('passes an argument left out as undefined, as Electron does, not as null', async () => {
    await page.commonplace!.getSource('s-1234', undefined)
    expect(page.invoked).toEqual([[channels.getSource, ['s-1234', undefined]]])
    expect(page.invoked[0]?.[1]).toHaveLength(2)
  })

  it.each([
    ['onMenuCommand', menuCommandChannel, 'new-essay'],
    ['onNotebookChanged', notebookChangedChannel, { sources: ['s'], essays: [], all: false }],
    ['onImportProgress', importProgressChannel, { fileName: 'a.pdf', done: 3, total: 9 }],
    ['onScreenReaderChanged', screenReaderChannel, true],
  ] as const)(
    '%s hands the listener the payload only, until it unsubscribes',
    (listen, channel, payload) => {
      const received: unknown[][] = []
      const stop = page.commonplace![listen]((...args: unknown[]) => received.push(args))
      const send = page[sendHook] as (channel: string, payload: unknown) => void
      send(channel, payload)
      send('some:other-channel', 'ignored')
      stop()
      send(channel, payload)
      // One call, one argument: never the IPC event, whose `sender` is ipcRenderer itself.
      expect(received).toEqual([[payload]])
    },
  )

  describe('importDroppedFile', () => {
    const dropped = (name: string): File => new File(['# Notes'], name, { type: 'text/markdown' })

    it('sends the path Electron gives for the dropped File, never one the page names', async () => {
      const file = dropped('notes.md')
      ;(page[dropPathHook] as (file: File, path: string) => void)(file, '/home/me/notes.md')
      const answer = await page.commonplace!.importDroppedFile(file)
      expect(page.invoked).toEqual([[channels.importDroppedPath, ['/home/me/notes.md']]])
      expect(answer).toEqual({ ok: true, value: channels.importDroppedPath })
    })

    it('refuses a File with no file on disk behind it, naming it, and sends nothing', async () => {
      const answer = await page.commonplace!.importDroppedFile(dropped('made-up.md'))
      expect(page.invoked).toEqual([])
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'import-failed',
          message: 'made-up.md: is not a file on this computer; drop files from a folder.',
        },
      })
    })

    it('refuses what is not a File at all', async () => {
      const fake = { name: '/etc/passwd.txt', size: 1 }
      const answer = await page.commonplace!.importDroppedFile(fake)
      expect(page.invoked).toEqual([])
      expect(answer.ok).toBe(false)
    })
  })
})
