// A real `commonplace sync-server` process for the specs and the bench (which do not run under
// vitest, so they cannot use ./sync-server's per-test cleanup): loopback, a fresh data folder,
// `--token`; `stop()` ends it (SIGTERM) and removes its folder.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchSyncServer, type TestSyncServer } from './sync-server-process'

export type { TestSyncServer }

export async function startTestSyncServer(token = 'secret'): Promise<TestSyncServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'commonplace-sync-server-'))
  const server = await launchSyncServer({ dataDir, token })
  return {
    ...server,
    stop: async () => {
      const code = await server.stop()
      await rm(dataDir, { recursive: true, force: true })
      return code
    },
  }
}
