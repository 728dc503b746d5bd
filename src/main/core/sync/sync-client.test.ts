import { createServer, type Server } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { useTempDir } from '../../../../test/support'
import { SyncClient } from './sync-client'
import { syncConfigOf } from './sync-config'

const tempDir = useTempDir()
let silent: Server | null = null
afterEach(() => {
  silent?.close()
  silent = null
})

/**
 * A server that takes connections and never answers them: a WebSocket to it stays connecting.
 * `reached` resolves once the client's connection has come in.
 */
async function serverThatNeverAnswers(): Promise<{ url: string; reached: Promise<void> }> {
  let arrived: () => void = () => undefined
  const reached = new Promise<void>((resolve) => (arrived = resolve))
  const server = createServer(() => arrived())
  silent = server
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return { url: `ws://127.0.0.1:${address.port}`, reached }
}

describe('the sync client', () => {
  it('stops cleanly while its connection is still being made (no uncaught error)', async () => {
    const dir = join(tempDir(), 'notebook')
    const server = await serverThatNeverAnswers()
    const config = syncConfigOf(dir, {
      server: server.url,
      notebook: 'desk',
      token: 'secret',
    })
    const client = await SyncClient.start(dir, config)
    client.attach('catalog:desk', new Y.Doc())
    await server.reached
    await client.stop()
    // The closing socket's error comes a tick later: let it come (an uncaught one fails the run).
    await new Promise((resolve) => setImmediate(resolve))
    expect(client.status().connected).toBe(false)
  })
})
