/**
 * Runs imports one at a time, in the order they were asked for. An import asked for while another
 * runs waits its turn instead of being dropped: Ctrl+O pressed while the app is still asking main
 * for files opened with it must still open the dialog once that is done.
 *
 * An import that asks main for its files when its turn comes (the dialog, the opened files) is
 * named by its kind, and one waiting of each kind is enough: a second Ctrl+O during a long import
 * does not open the dialog twice after it. Dropped files carry their own files, so each waits.
 */
export class ImportQueue<Kind extends string> {
  private last: Promise<void> = Promise.resolve()
  private readonly waiting = new Set<Kind>()
  /** Imports started or waiting. */
  private queued = 0

  /** `busy` is told when the first import starts and when the last one waiting has ended. */
  constructor(private readonly busy: (running: boolean) => void) {}

  run(kind: Kind | null, work: () => Promise<void>): Promise<void> {
    if (kind !== null && this.waiting.has(kind)) return this.last
    if (kind !== null) this.waiting.add(kind)
    if (this.queued++ === 0) this.busy(true)
    const turn = this.last.then(async () => {
      if (kind !== null) this.waiting.delete(kind)
      try {
        await work()
      } finally {
        if (--this.queued === 0) this.busy(false)
      }
    })
    // A failed import is reported by its own work; the next one still gets its turn.
    this.last = turn.catch(() => undefined)
    return turn
  }
}
