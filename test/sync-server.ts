// A real `commonplace sync-server` for tests: the built CLI in its own process on 127.0.0.1, on a
// fresh data folder unless one is given, and clients for it. Every server started here is killed,
// every client destroyed and every temporary folder removed after each test (and the servers
// with the test process, if that exits first).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { ensureBuilt } from './cli-support'
import {
  destroyClients,
  killSyncServers,
  launchSyncServer,
  type TestSyncServer,
} from './sync-server-process'

export {
  connectClient,
  withTimeout,
  type TestClient,
  type TestSyncServer,
} from './sync-server-process'

const tempDirs = new Set<string>()

afterEach(async () => {
  destroyClients()
  await killSyncServers()
  await Promise.all([...tempDirs].map((dir) => rm(dir, { recursive: true, force: true })))
  tempDirs.clear()
})

/**
 * Starts a server for this test. `port` and `dataDir` default to a free port and a new temporary
 * folder (removed after the test); `token` runs it with `--token`.
 */
export async function startSyncServer(
  options: { dataDir?: string; token?: string; port?: number } = {},
): Promise<TestSyncServer> {
  ensureBuilt()
  let dataDir = options.dataDir
  if (!dataDir) {
    dataDir = await mkdtemp(join(tmpdir(), 'commonplace-sync-server-'))
    tempDirs.add(dataDir)
  }
  return launchSyncServer({ ...options, dataDir })
}
