// Main's answers on a channel kept back until the test lets each go, so a spec can act while the
// page waits for main (a slow disk, a busy machine), in a set order rather than by luck.

export interface HeldChannel {
  /** Calls answered by main and kept back so far. */
  waiting(): number
  /** Lets the oldest answer kept back reach the page. */
  releaseNext(): void
  /** Lets every answer through, now and from here on. */
  releaseAll(): void
}

export class HeldAnswers {
  private readonly held = new Map<string, Array<() => void>>()

  hold(channel: string): HeldChannel {
    const queue: Array<() => void> = []
    this.held.set(channel, queue)
    return {
      waiting: () => queue.length,
      releaseNext: () => queue.shift()?.(),
      releaseAll: () => {
        this.held.delete(channel)
        for (const release of queue.splice(0)) release()
      },
    }
  }

  /** Resolves when this channel's answer may go to the page: at once unless it is held. */
  gate(channel: string): Promise<void> {
    const queue = this.held.get(channel)
    if (!queue) return Promise.resolve()
    return new Promise((release) => queue.push(release))
  }
}
