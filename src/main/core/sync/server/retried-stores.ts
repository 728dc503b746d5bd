import type { Server, storePayload } from '@hocuspocus/server'
import type { DocFiles } from './doc-files'

/** How often a failing document's store is logged again while it keeps failing. */
const LOG_AGAIN_MS = 30_000

/**
 * Stores that fail (a full disk, a folder gone) are tried again rather than dropped. Hocuspocus
 * unloads a document once no store is pending and no one is connected, and it lets a failed
 * store's error go unhandled, which would end the process: so a failure is logged, not thrown,
 * and the store is scheduled again at once, which keeps the document in memory until it lands.
 */
export class RetriedStores {
  /** Documents whose last store failed, with when that was last logged. */
  private readonly failing = new Map<string, number>()

  constructor(
    private readonly docs: DocFiles,
    private readonly server: () => Server,
  ) {}

  async store(payload: storePayload): Promise<void> {
    const { documentName } = payload
    try {
      await this.docs.write(documentName, payload.state)
    } catch (error) {
      const loggedAt = this.failing.get(documentName)
      if (loggedAt === undefined || Date.now() - loggedAt >= LOG_AGAIN_MS) {
        console.error(
          `sync-server: ${documentName} could not be stored, trying again: ${(error as Error).message}`,
        )
        this.failing.set(documentName, Date.now())
      }
      void this.server().hocuspocus.storeDocumentHooks(payload.document, payload)
      return
    }
    if (this.failing.delete(documentName))
      console.error(`sync-server: ${documentName} is stored again`)
  }

  /** Documents whose changes are only in memory because their last store failed. */
  unstored(): string[] {
    return [...this.failing.keys()]
  }
}
