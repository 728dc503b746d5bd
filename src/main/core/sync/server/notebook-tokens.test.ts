import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { rejection, useTempDir } from '../../../../../test/support'
import { claimedTokens, fixedToken, SyncRefusal } from './notebook-tokens'

const tempDir = useTempDir()

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(SyncRefusal)
  return (error as SyncRefusal).reason
}

describe('claimed tokens', () => {
  it('lets the first token claim a notebook and refuses any other after it, across restarts', async () => {
    const tokens = await claimedTokens(tempDir())
    await tokens.admit('desk', 'first')
    await tokens.admit('desk', 'first')
    expect(await refusal(tokens.admit('desk', 'second'))).toBe('wrong token for notebook desk')
    expect(await refusal(tokens.admit('desk', ''))).toBe('a token is required for notebook desk')
    await tokens.admit('attic', 'second')
    expect(tokens.claimed().sort()).toEqual(['attic', 'desk'])

    const reopened = await claimedTokens(tempDir())
    await reopened.admit('desk', 'first')
    expect(await refusal(reopened.admit('desk', 'second'))).toBe('wrong token for notebook desk')
    expect(await readFile(join(tempDir(), 'notebooks.json'), 'utf8')).not.toContain('first')
  })

  it('gives a new notebook to exactly one of two devices claiming it at once', async () => {
    const tokens = await claimedTokens(tempDir())
    const results = await Promise.allSettled([
      tokens.admit('desk', 'one'),
      tokens.admit('desk', 'two'),
    ])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
  })

  it('refuses to start on a notebooks file it does not understand, and leaves it alone', async () => {
    const path = join(tempDir(), 'notebooks.json')
    await writeFile(path, '{"schemaVersion":1,"notebooks":{"desk":{"tokenSha256":"abc"}}}')
    const error = await rejection(claimedTokens(tempDir()))
    expect(error.message).toContain(path)
    expect(error.message).toContain('notebooks.desk')
    expect(await readFile(path, 'utf8')).toContain('"abc"')
  })
})

describe('a fixed token', () => {
  it('opens every notebook with that token and no other', async () => {
    const tokens = fixedToken('shared')
    await tokens.admit('desk', 'shared')
    await tokens.admit('attic', 'shared')
    expect(await refusal(tokens.admit('desk', 'sharedx'))).toBe('wrong token for notebook desk')
    expect(tokens.claimed()).toEqual([])
  })
})
