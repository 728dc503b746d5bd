import { rm } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join } from 'node:path'
import { Database } from '@hocuspocus/extension-database'
import { Server, type onAuthenticatePayload } from '@hocuspocus/server'
import { CommonplaceError } from '../../errors'
import { assertWritable, writeDurably } from '../../store/durable-json-file'
import { notebookOfDoc } from '../doc-names'
import { DocFiles } from './doc-files'
import { RetriedStores } from './retried-stores'
import { TokenGuessLimit } from './guess-limit'
import { claimedTokens, fixedToken, SyncRefusal, type NotebookTokens } from './notebook-tokens'

// `commonplace sync-server`: Hocuspocus holding many notebooks, each document kept in a file of
// its own (see doc-files.ts), each notebook opened by its token (see notebook-tokens.ts).

/**
 * How long a change waits in memory before the document is written: 250 ms after the last
 * change, and at most 2 s while changes keep coming. Each store writes the whole document and
 * fsyncs it, so storing on every keystroke would cost a large catalog far more than it saves;
 * two seconds is as much as a crash can take from the server, and the client that sent those
 * changes still holds them in its own log and sends them again when it reconnects.
 */
export const STORE_DEBOUNCE_MS = 250
export const STORE_MAX_DEBOUNCE_MS = 2000

/**
 * The largest message a client may send. `ws` allows 100 MiB by default; a device's first sync
 * sends its whole catalog in one message, kept PDF and EPUB files included, so a library of
 * scanned books can be larger than that. Past this, the connection is closed (code 1009).
 */
export const MAX_MESSAGE_BYTES = 512 * 1024 * 1024

export interface SyncServerOptions {
  dataDir: string
  host: string
  /** 0 picks a free port. */
  port: number
  /** One token for every notebook; without it, each notebook's first device sets its token. */
  token?: string
}

export interface SyncHealth {
  ok: true
  /** Notebooks the server knows: claimed, or with a document stored. */
  notebooks: number
  /** Documents stored or open. */
  documents: number
  /** Open WebSocket connections. */
  connections: number
}

export interface RunningSyncServer {
  host: string
  port: number
  /** `ws://host:port`, what clients connect to. */
  url: string
  health(): SyncHealth
  /** Stores every open document, closes every connection and stops listening. */
  stop(): Promise<void>
}

export async function startSyncServer(options: SyncServerOptions): Promise<RunningSyncServer> {
  const docs = await openDataDir(options.dataDir)
  const tokens: NotebookTokens =
    options.token === undefined ? await claimedTokens(options.dataDir) : fixedToken(options.token)
  const guesses = new TokenGuessLimit()

  const health = (): SyncHealth => {
    const documents = new Set([...docs.stored(), ...server.hocuspocus.documents.keys()])
    const notebooks = new Set([
      ...tokens.claimed(),
      ...[...documents].map((name) => notebookOfDoc(name) ?? name),
    ])
    return {
      ok: true,
      notebooks: notebooks.size,
      documents: documents.size,
      connections: server.hocuspocus.getConnectionsCount(),
    }
  }

  const storing: RetriedStores = new RetriedStores(docs, (): Server => server)
  const server = new Server(
    {
      name: 'commonplace',
      port: options.port,
      address: options.host,
      quiet: true,
      // The command handles signals itself, so that it stores everything before it exits.
      stopOnSignals: false,
      debounce: STORE_DEBOUNCE_MS,
      maxDebounce: STORE_MAX_DEBOUNCE_MS,
      extensions: [
        new Database({
          fetch: async ({ documentName }) => {
            if (notebookOfDoc(documentName) === null) throw refusedName(documentName)
            try {
              return await docs.read(documentName)
            } catch (error) {
              // The operator needs the file and the cause; the client, what to tell its user.
              // Hocuspocus sends a refusal's reason to the client that asked for the document.
              console.error(`sync-server: ${(error as Error).message}`)
              throw new SyncRefusal(
                `the server's copy of ${documentName} could not be read and was left as it is; its operator can see why in the server's log`,
              )
            }
          },
          store: (payload): Promise<void> => storing.store(payload),
        }),
      ],
      async onAuthenticate(payload: onAuthenticatePayload): Promise<void> {
        const { documentName, token, request } = payload
        const notebook = notebookOfDoc(documentName)
        if (notebook === null) throw refusedName(documentName)
        const address = request.socket.remoteAddress ?? 'unknown'
        await guesses.admit(address, notebook, () => tokens.admit(notebook, token))
      },
      async onRequest({ request, response }): Promise<void> {
        answerHttp(request, response, health)
        // A rejection with nothing in it is how a hook tells Hocuspocus it has answered: its own
        // default reply ("Welcome to Hocuspocus!") is then not sent.
        throw null
      },
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  )

  await listen(server, options)
  const port = server.address.port
  const url = `ws://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`
  return {
    host: options.host,
    port,
    url,
    health,
    stop: async () => {
      await stop(server)
      const unstored = storing.unstored()
      if (unstored.length > 0)
        throw new CommonplaceError(
          'unwritable',
          `${unstored.length === 1 ? '1 document' : `${unstored.length} documents`} could not be stored (${unstored.join(', ')}); the devices that sent them still hold their changes and will send them again`,
        )
    },
  }
}

function refusedName(documentName: string): SyncRefusal {
  return new SyncRefusal(`${JSON.stringify(documentName)} is not a Commonplace document name`)
}

function answerHttp(
  request: IncomingMessage,
  response: ServerResponse,
  health: () => SyncHealth,
): void {
  const path = new URL(request.url ?? '/', 'http://localhost').pathname
  if (request.method === 'GET' && path === '/health') {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
    response.end(JSON.stringify(health()))
    return
  }
  response.writeHead(404, { 'Content-Type': 'text/plain' })
  response.end(
    'Not found. This is a Commonplace sync server: connect with ws://, or GET /health.\n',
  )
}

/** Makes the folder and proves it can be written to before a client is told anything. */
async function openDataDir(dataDir: string): Promise<DocFiles> {
  try {
    await assertWritable(join(dataDir, 'notebooks.json'))
    const docs = await DocFiles.open(dataDir)
    await assertWritable(join(docs.dir, 'probe'))
    const probe = join(docs.dir, `.write-check.${process.pid}`)
    await writeDurably(probe, '')
    await rm(probe, { force: true })
    return docs
  } catch (error) {
    if (error instanceof CommonplaceError) throw error
    throw new CommonplaceError(
      'unwritable',
      `the data folder ${dataDir} cannot be used: ${describeFsError(error)}`,
    )
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  if (code === 'ENOTDIR' || code === 'EEXIST') return 'a part of its path is a file, not a folder'
  if (code === 'EROFS') return 'the disk is read-only'
  return (error as Error).message
}

function listen(server: Server, options: SyncServerOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      const where = `${options.host}:${options.port}`
      const why =
        error.code === 'EADDRINUSE'
          ? `port ${options.port} is already in use on ${options.host}`
          : error.code === 'EACCES'
            ? `no permission to listen on ${where} (ports below 1024 need privileges)`
            : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
              ? `${options.host} is not an address of this machine`
              : `cannot listen on ${where}: ${error.message}`
      reject(new CommonplaceError('invalid-argument', why))
    }
    server.httpServer.once('error', failed)
    server.listen().then(() => {
      server.httpServer.off('error', failed)
      resolve()
    }, reject)
  })
}

/** Every open document is written now (not after its debounce), then connections are closed. */
async function stop(server: Server): Promise<void> {
  server.httpServer.close()
  const { hocuspocus } = server
  await Promise.all(
    [...hocuspocus.documents.values()].map((document) =>
      hocuspocus
        .storeDocumentHooks(
          document,
          {
            instance: hocuspocus,
            clientsCount: document.getConnectionsCount(),
            context: {},
            document,
            documentName: document.name,
            requestHeaders: {},
            requestParameters: new URLSearchParams(),
            socketId: 'shutdown',
          },
          true,
        )
        .catch((error: unknown) => {
          // Hocuspocus has logged it; the other documents are still stored.
          console.error(`sync-server: ${document.name} was not stored: ${(error as Error).message}`)
        }),
    ),
  )
  // Closing connections stores again whatever arrived meanwhile; bounded, so a stuck client
  // cannot keep the process alive.
  await Promise.race([server.destroy(), new Promise((resolve) => setTimeout(resolve, 3000))])
}
