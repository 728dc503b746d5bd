import { describe, expect, it } from 'vitest'
import { TokenGuessLimit } from './guess-limit'
import { SyncRefusal } from './notebook-tokens'

const limits = { attempts: 3, windowMs: 60_000, waitMs: 120_000 }
const wrong = async (): Promise<void> => {
  throw new SyncRefusal('wrong token for notebook desk', true)
}
const right = async (): Promise<void> => undefined

/** What one connection is told: the refusal's reason, or 'admitted'. */
async function attempt(limit: TokenGuessLimit, check: () => Promise<void>, address = '10.0.0.1') {
  try {
    await limit.admit(address, 'desk', check)
    return 'admitted'
  } catch (error) {
    return (error as SyncRefusal).reason
  }
}

describe('the limit on wrong tokens', () => {
  it('makes an address that guessed wrong too often wait, the right token too, then lets it try again', async () => {
    let now = 0
    const limit = new TokenGuessLimit(limits, () => now)
    for (let i = 0; i < 3; i++)
      expect(await attempt(limit, wrong)).toBe('wrong token for notebook desk')
    expect(await attempt(limit, right)).toBe(
      'too many wrong tokens for notebook desk from this address; try again in 2 minutes',
    )
    // Another address, and another notebook, are not held back.
    expect(await attempt(limit, right, '10.0.0.2')).toBe('admitted')
    expect(await limit.admit('10.0.0.1', 'studio', right)).toBeUndefined()
    now += 119_999
    expect(await attempt(limit, right)).toContain('try again in 1 minute')
    now += 1
    expect(await attempt(limit, right)).toBe('admitted')
  })

  it('forgets wrong tokens once their window is over, and after the right one', async () => {
    let now = 0
    const limit = new TokenGuessLimit(limits, () => now)
    await attempt(limit, wrong)
    await attempt(limit, wrong)
    now += 60_000
    await attempt(limit, wrong)
    await attempt(limit, wrong)
    expect(await attempt(limit, right)).toBe('admitted')
    await attempt(limit, wrong)
    await attempt(limit, wrong)
    expect(await attempt(limit, right)).toBe('admitted')
  })

  it('does not count a refusal that is the server’s own trouble', async () => {
    const limit = new TokenGuessLimit(limits, () => 0)
    const troubled = async (): Promise<void> => {
      throw new SyncRefusal('the server could not record notebook desk; try again later')
    }
    for (let i = 0; i < 5; i++) await attempt(limit, troubled)
    expect(await attempt(limit, right)).toBe('admitted')
  })
})
