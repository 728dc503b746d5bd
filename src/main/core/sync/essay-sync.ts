import type { EssayDocs, EssayDocsOptions, EssaySyncEvent } from './essay-docs'

/**
 * The essays' side of sync for the app's lifetime: the running EssayDocs while sync is on (none
 * while it is off), and one place main forwards their `essay:sync` events from, whichever docs
 * are running. The sync client starts it with its link when sync is turned on and stops it when
 * sync is turned off; the IPC handlers read `current()`.
 */
export class EssaySync {
  /**
   * `load` gives the EssayDocs class: loaded when sync starts, so Lexical and Yjs load only then
   * and an app that never syncs does not pay for them (a caller may hand it over already).
   */
  constructor(
    private readonly load: () => Promise<{ EssayDocs: typeof EssayDocs }> = () =>
      import('./essay-docs'),
  ) {}

  private docs: EssayDocs | null = null
  private readonly listeners = new Set<(event: EssaySyncEvent) => void>()
  private stopForwarding: () => void = () => undefined

  current(): EssayDocs | null {
    return this.docs
  }

  async start(options: EssayDocsOptions): Promise<void> {
    await this.stop()
    const { EssayDocs } = await this.load()
    const docs = new EssayDocs(options)
    this.stopForwarding = docs.onEvent((event) => {
      for (const listener of this.listeners) listener(event)
    })
    this.docs = docs
    await docs.start()
  }

  async stop(): Promise<void> {
    const running = this.docs
    this.docs = null
    this.stopForwarding()
    await running?.close()
  }

  onEvent(listener: (event: EssaySyncEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
