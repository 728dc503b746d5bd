// A Hocuspocus server in the test process, on 127.0.0.1 and a free port, keeping documents in
// memory, refusing any token but `token`. Stands in for `commonplace sync-server` (Y1) until its
// helper is on this branch.
import { Database } from '@hocuspocus/extension-database'
import { Server } from '@hocuspocus/server'

export interface TestSyncServer {
  url: string
  port: number
  saved: Map<string, Uint8Array>
  stop(): Promise<void>
}

export interface TestSyncServerOptions {
  /** The port to listen on (a restart takes the same one); 0 picks a free one. */
  port?: number
  /**
   * Where documents are kept, as a server's database would keep them: a document nobody is
   * connected to is unloaded, and loaded again from here. Pass the last server's to restart it.
   */
  saved?: Map<string, Uint8Array>
}

export async function startTestSyncServer(
  token = 'secret',
  { port = 0, saved = new Map<string, Uint8Array>() }: TestSyncServerOptions = {},
): Promise<TestSyncServer> {
  const server = new Server({
    port,
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
    port: server.address.port,
    saved,
    stop: async () => {
      // As a killed server process would: every connection dropped at once.
      for (const client of server.webSocketServer.clients) client.terminate()
      await server.destroy()
    },
  }
}
