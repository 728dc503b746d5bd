// What unit and CLI tests share: the article fixtures (read-only, beside the repo) and a fresh
// data directory on the real disk for each test.
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach } from 'vitest'

export const repoDir = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/** `<repo>/../shared/fixtures`: the project ships no copy of the articles. */
export const fixturesDir = resolve(repoDir, '../shared/fixtures')

export const fixtureNames = {
  bakerHtml: 'baker-red-rocket-interview.html',
  bakerTxt: 'baker-red-rocket-interview.txt',
  anoraHtml: 'anora-sex-work-oscars.html',
  anoraTxt: 'anora-sex-work-oscars.txt',
  hostileHtml: 'hostile-article.html',
} as const

export function fixturePath(name: string): string {
  return join(fixturesDir, name)
}

export function readFixture(name: string): Promise<string> {
  return readFile(fixturePath(name), 'utf8')
}

/** A new empty directory under the OS temp dir before each test, removed after it. */
export function useTempDir(): () => string {
  let dir: string | undefined
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'commonplace-test-'))
  })
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
    dir = undefined
  })
  return () => {
    if (!dir) throw new Error('useTempDir: the directory exists only inside a test')
    return dir
  }
}
