// What the tests of app sessions syncing through a real `commonplace sync-server` share: a session
// per device on a data folder of its own, closed after each test, and the settings they sync with.
import { join } from 'node:path'
import { afterEach } from 'vitest'
import { NotebookSession } from '../src/main/core/notebook-session'
import { startSyncServer } from './sync-server'
import { useTempDir } from './support'

export interface SyncSessions {
  /** An app session (watching, as the app's) on the device's own data folder. */
  device(name: string): Promise<NotebookSession>
  /** A new server, and devices A and B syncing one notebook through it. */
  twoSyncing(): Promise<[NotebookSession, NotebookSession]>
}

export const syncConfig = (url: string): { server: string; token: string; notebook: string } => ({
  server: url,
  token: 'secret',
  notebook: 'shared',
})

/** Sessions made in a test are closed after it. */
export function useSyncSessions(): SyncSessions {
  const tempDir = useTempDir()
  const sessions: NotebookSession[] = []
  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close()
  })
  const device = async (name: string): Promise<NotebookSession> => {
    const session = await NotebookSession.open(join(tempDir(), name), { watch: true })
    sessions.push(session)
    return session
  }
  return {
    device,
    async twoSyncing() {
      const server = await startSyncServer({ token: 'secret' })
      const a = await device('a')
      const b = await device('b')
      await a.configureSync(syncConfig(server.url))
      await b.configureSync(syncConfig(server.url))
      return [a, b]
    },
  }
}
