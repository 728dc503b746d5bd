// A Hocuspocus server in the test process, on 127.0.0.1 and a free port, keeping documents in
// memory, refusing any token but `token`. Stands in for `commonplace sync-server` (Y1) until its
// helper is on this branch.
import { Database } from '@hocuspocus/extension-database'
import { Server } from '@hocuspocus/server'

export interface TestSyncServer {
  url: string
  stop(): Promise<void>
}

export async function startTestSyncServer(token = 'secret'): Promise<TestSyncServer> {
  // Kept while the server runs, as a server's database would keep them: a document nobody is
  // connected to is unloaded, and loaded again from here.
  const saved = new Map<string, Uint8Array>()
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
    debounce: 50,
    extensions: [
      new Database({
        fetch: async ({ documentName }) => saved.get(documentName) ?? null,
        store: async ({ documentName, state }) => void saved.set(documentName, state),
      }),
    ],
    async onAuthenticate({ token: given }) {
      if (given !== token) throw new Error('wrong token')
    },
  })
  await server.listen()
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    stop: async () => {
      await server.destroy()
    },
  }
}
