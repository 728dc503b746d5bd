// A real `commonplace sync-server` in its own process on 127.0.0.1 (the built CLI), and
// HocuspocusProvider clients for it, without vitest: the bench uses these too. Tests use them
// through sync-server.ts, which cleans up after each test.
import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { SyncHealth } from '../src/main/core/sync/server/sync-server'
import { closeSocket } from '../src/main/core/sync/sync-client'
import { repoDir } from './fixtures'

export interface TestSyncServer {
  /** `ws://127.0.0.1:<port>` */
  url: string
  port: number
  dataDir: string
  /** What the server wrote to stderr so far. */
  stderr(): string
  health(): Promise<SyncHealth>
  /** SIGTERM: the server stores everything and exits; resolves with its exit code. */
  stop(): Promise<number | null>
  /** SIGKILL: nothing is stored or closed, as in a crash or power cut. */
  kill(): Promise<void>
  /** Starts it again on the same port and data folder (after stop or kill). */
  restart(): Promise<void>
}

export interface SyncServerOptions {
  dataDir: string
  token?: string
  port?: number
}

const bin = join(repoDir, 'bin', 'commonplace.js')
const READY = /^Commonplace sync server listening on (ws:\/\/127\.0\.0\.1:(\d+))$/
const START_TIMEOUT_MS = 30_000

const running = new Set<ChildProcess>()
process.once('exit', () => running.forEach((child) => child.kill('SIGKILL')))

/** SIGKILLs every server started here that still runs. */
export async function killSyncServers(): Promise<void> {
  await Promise.all([...running].map((child) => killed(child)))
}

/** Starts `commonplace sync-server` on `dataDir` and resolves once it says it listens. */
export async function launchSyncServer(options: SyncServerOptions): Promise<TestSyncServer> {
  const { dataDir } = options
  const tokenArgs = options.token === undefined ? [] : ['--token', options.token]
  let child: ChildProcess
  let stderr = ''
  const launch = async (port: number): Promise<number> => {
    const started = spawnServer(['--port', String(port), '--data', dataDir, ...tokenArgs])
    child = started.child
    started.child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    return started.ready
  }
  const port = await launch(options.port ?? 0)
  const url = `ws://127.0.0.1:${port}`
  return {
    url,
    port,
    dataDir,
    stderr: () => stderr,
    async health() {
      const response = await fetch(`http://127.0.0.1:${port}/health`, {
        signal: AbortSignal.timeout(10_000),
      })
      return (await response.json()) as SyncHealth
    },
    async stop() {
      const exited = exitOf(child)
      child.kill('SIGTERM')
      const { code } = await withTimeout(exited, 15_000, 'the sync server did not stop on SIGTERM')
      return code
    },
    async kill() {
      await killed(child)
    },
    async restart() {
      if (running.has(child)) await killed(child)
      await launch(port)
    },
  }
}

function spawnServer(args: string[]): { child: ChildProcess; ready: Promise<number> } {
  const env = { ...process.env }
  delete env.COMMONPLACE_DATA_DIR
  const child = spawn(process.execPath, [bin, 'sync-server', '--host', '127.0.0.1', ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.add(child)
  child.on('close', () => running.delete(child))
  let errors = ''
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the sync server did not start within ${START_TIMEOUT_MS} ms\n${errors}`))
    }, START_TIMEOUT_MS)
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = READY.exec(line)
      if (match) {
        clearTimeout(timer)
        resolve(Number(match[2]))
      }
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`the sync server exited (${code}) before it was ready\n${errors}`))
    })
  })
  return { child, ready }
}

function exitOf(child: ChildProcess): Promise<{ code: number | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode })
  return new Promise((resolve) => child.once('close', (code) => resolve({ code })))
}

async function killed(child: ChildProcess): Promise<void> {
  const exited = exitOf(child)
  child.kill('SIGKILL')
  await exited
}

export function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} (after ${ms} ms)`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

// Clients: HocuspocusProvider over `ws`, on a plain Y.Doc, destroyed after each test.

export interface TestClient {
  doc: Y.Doc
  provider: HocuspocusProvider
  /** Resolves once the provider has synced with the server (again, after a reconnect). */
  synced(timeoutMs?: number): Promise<void>
  /** Resolves with the reason the server gave for refusing this client. */
  refused(timeoutMs?: number): Promise<string>
  /** Resolves when everything this client changed has been acknowledged by the server. */
  allSent(timeoutMs?: number): Promise<void>
  destroy(): void
}

const clients = new Set<TestClient>()

/** Destroys every client made here that is still open. */
export function destroyClients(): void {
  clients.forEach((client) => client.destroy())
}

export function connectClient(
  url: string,
  name: string,
  token: string | null,
  doc: Y.Doc = new Y.Doc(),
): TestClient {
  let refusal: string | undefined
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // Reconnect quickly: tests restart servers and wait for clients to come back.
    delay: 50,
    minDelay: 50,
    factor: 1.5,
    maxDelay: 500,
  })
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name,
    document: doc,
    token,
    onAuthenticationFailed: ({ reason }) => (refusal = reason),
  })
  provider.attach()
  const until = (check: () => boolean, timeoutMs: number, what: string): Promise<void> =>
    withTimeout(
      new Promise<void>((resolve) => {
        const poll = (): void => {
          if (check()) resolve()
          else timer = setTimeout(poll, 20)
        }
        let timer = setTimeout(poll, 0)
        provider.on('destroy', () => clearTimeout(timer))
      }),
      timeoutMs,
      `${name}: ${what}`,
    )
  const client: TestClient = {
    doc,
    provider,
    synced: (timeoutMs = 15_000) =>
      until(() => provider.isSynced, timeoutMs, 'never synced with the server'),
    refused: async (timeoutMs = 15_000) => {
      await until(() => refusal !== undefined, timeoutMs, 'was never refused')
      return refusal!
    },
    allSent: (timeoutMs = 15_000) =>
      until(
        () => provider.isSynced && !provider.hasUnsyncedChanges,
        timeoutMs,
        `still has ${provider.unsyncedChanges} changes the server has not acknowledged`,
      ),
    destroy: () => {
      if (!clients.delete(client)) return
      provider.destroy()
      closeSocket(socket)
    },
  }
  clients.add(client)
  return client
}
