// A Hocuspocus server in the test process, on 127.0.0.1 and a free port, holding documents in
// memory, refusing any token but `token`. Stands in for `commonplace sync-server` (Y1) until its
// helper is on this branch.
import { Server } from '@hocuspocus/server'

export interface TestSyncServer {
  url: string
  stop(): Promise<void>
}

export async function startTestSyncServer(token = 'secret'): Promise<TestSyncServer> {
  const server = new Server({
    port: 0,
    address: '127.0.0.1',
    quiet: true,
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
