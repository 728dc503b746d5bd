// Where the article fixtures live: read-only, beside the repo (`<repo>/../shared/fixtures`), since
// the project ships no copy of their text. Unit tests, e2e specs and the bench all read them here.
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export const repoDir = resolve(__dirname, '..')

export const fixturesDir = resolve(repoDir, '..', 'shared', 'fixtures')

export const fixtureNames = {
  bakerHtml: 'baker-red-rocket-interview.html',
  bakerTxt: 'baker-red-rocket-interview.txt',
  anoraHtml: 'anora-sex-work-oscars.html',
  anoraTxt: 'anora-sex-work-oscars.txt',
  hostileHtml: 'hostile-article.html',
} as const

/** The sample notebook the app ships ("Open the sample notebook"). */
export const sampleDir = join(repoDir, 'resources', 'sample')

export function fixturePath(name: string): string {
  return join(fixturesDir, name)
}

export function readFixture(name: string): Promise<string> {
  return readFile(fixturePath(name), 'utf8')
}
