import { SyncRefusal } from './notebook-tokens'

// How often one address may bring a wrong token for one notebook: after `attempts` wrong ones
// within `windowMs`, every connection from that address to that notebook is refused for `waitMs`,
// the right token too (else a guesser would still learn when a guess was right). A guesser then
// gets a few dozen tries an hour, not thousands a second. Behind a reverse proxy every device has
// the proxy's address, so a guesser there makes the notebook's devices wait; it lets no one in.

export interface GuessLimits {
  attempts: number
  windowMs: number
  waitMs: number
}

export const GUESS_LIMITS: GuessLimits = {
  attempts: 10,
  windowMs: 15 * 60_000,
  waitMs: 15 * 60_000,
}

/** Addresses and notebooks followed at once; beyond it the oldest tallies go (memory stays flat). */
const MAX_TALLIES = 10_000

interface Tally {
  wrong: number
  /** When the first wrong token of this window came. */
  since: number
  /** Refused until then (0: not refused). */
  waitUntil: number
}

export class TokenGuessLimit {
  private readonly tallies = new Map<string, Tally>()

  constructor(
    private readonly limits: GuessLimits = GUESS_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `admit` (the token check) unless `address` must wait for `notebook`; a wrong or missing
   * token counts against it, the right one clears its count.
   */
  async admit(address: string, notebook: string, admit: () => Promise<void>): Promise<void> {
    const key = `${address} ${notebook}`
    const now = this.now()
    const tally = this.current(key, now)
    if (tally && tally.waitUntil > now) {
      const minutes = Math.ceil((tally.waitUntil - now) / 60_000)
      throw new SyncRefusal(
        `too many wrong tokens for notebook ${notebook} from this address; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`,
      )
    }
    try {
      await admit()
    } catch (error) {
      if (error instanceof SyncRefusal && error.badToken) this.countWrong(key, tally, now)
      throw error
    }
    this.tallies.delete(key)
  }

  /** The tally of `key`, if its window or its wait is not over. */
  private current(key: string, now: number): Tally | undefined {
    const tally = this.tallies.get(key)
    if (!tally) return undefined
    if (tally.waitUntil > now || tally.since + this.limits.windowMs > now) return tally
    this.tallies.delete(key)
    return undefined
  }

  private countWrong(key: string, tally: Tally | undefined, now: number): void {
    const counted = tally ?? { wrong: 0, since: now, waitUntil: 0 }
    counted.wrong += 1
    if (counted.wrong >= this.limits.attempts) {
      // The wait starts now; after it, a fresh count.
      counted.waitUntil = now + this.limits.waitMs
      counted.wrong = 0
      counted.since = counted.waitUntil
    }
    // Re-inserted: the map's order is the order of last activity, oldest first.
    this.tallies.delete(key)
    this.tallies.set(key, counted)
    if (this.tallies.size > MAX_TALLIES) {
      const oldest = this.tallies.keys().next().value
      if (oldest !== undefined) this.tallies.delete(oldest)
    }
  }
}
