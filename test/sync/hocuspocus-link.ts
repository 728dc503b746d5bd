// A tiny SyncLink for tests, until Y2's sync client is on this branch: one WebSocket to a
// Hocuspocus server, one provider per attached document.
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { Server } from '@hocuspocus/server'
import WebSocket from 'ws'
import type { SyncLink } from '../../src/main/core/sync/essay-docs'

export interface TestLink extends SyncLink {
  close(): void
}

export function hocuspocusLink(url: string, token = 'test-token'): TestLink {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket })
  const providers = new Set<HocuspocusProvider>()
  return {
    attach(name, document, options = {}) {
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name,
        document,
        token,
        awareness: options.awareness,
        onSynced: () => options.onSynced?.(),
      })
      provider.attach()
      providers.add(provider)
      return () => {
        providers.delete(provider)
        provider.destroy()
      }
    },
    close() {
      for (const provider of providers) provider.destroy()
      socket.destroy()
    },
  }
}

/** An in-process Hocuspocus server on loopback (a free port unless given), with no persistence. */
export async function startTestServer(
  port = 0,
): Promise<{ url: string; port: number; stop(): Promise<void> }> {
  const server = new Server({ port, address: '127.0.0.1', quiet: true, stopOnSignals: false })
  await server.listen()
  return {
    url: `ws://127.0.0.1:${server.address.port}`,
    port: server.address.port,
    stop: async () => void (await server.destroy()),
  }
}
