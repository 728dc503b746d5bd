// What unit and CLI tests share: the article fixtures, a fresh data directory on the real disk
// for each test, and the way to catch a service's refusal.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect } from 'vitest'
import { CommonplaceError } from '../src/main/core/errors'

export { fixtureNames, fixturePath, fixturesDir, readFixture, repoDir, sampleDir } from './fixtures'

/** A new empty directory under the OS temp dir before each test, removed after it. */
export function useTempDir(): () => string {
  let dir: string | undefined
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'commonplace-test-'))
  })
  afterEach(async () => {
    // A file a background save writes as the folder goes makes one pass fail: Node retries it.
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 })
    dir = undefined
  })
  return () => {
    if (!dir) throw new Error('useTempDir: the directory exists only inside a test')
    return dir
  }
}

/** The error a service refused with: it must be one written for the user. */
export async function rejection(promise: Promise<unknown>): Promise<CommonplaceError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(error).toBeInstanceOf(CommonplaceError)
  return error as CommonplaceError
}
