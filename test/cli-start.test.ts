// What a command loads: a listing must not pay for the import pipeline or the sync engine
// (`npm run bench` times it; this says which libraries stay out, whatever the machine's speed).
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bin, ensureBuilt, runCli } from './cli-support'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()
/** The import pipeline, the sync engine, and the text differ that re-anchoring and versions use. */
const HEAVY =
  /node_modules[\\/](jsdom|@mozilla[\\/]readability|dompurify|yjs|@hocuspocus[\\/][^\\/]+|ws|diff)[\\/]/

/** The heavy packages a command loaded, as it exits. */
async function heavyLoadedBy(...args: string[]): Promise<string[]> {
  const hook = join(tempDir(), 'loaded.cjs')
  await writeFile(
    hook,
    `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(Object.keys(require.cache))))`,
  )
  const stderr = await new Promise<string>((resolve) => {
    execFile(
      process.execPath,
      ['--require', hook, bin, '--data-dir', join(tempDir(), 'notebook'), ...args],
      { encoding: 'utf8' },
      (_error, _stdout, output) => resolve(output),
    )
  })
  const loaded = JSON.parse(stderr.slice(stderr.indexOf('LOADED ') + 7)) as string[]
  return [...new Set(loaded.flatMap((file) => HEAVY.exec(file)?.[1] ?? []))].sort()
}

beforeAll(ensureBuilt)

describe('a command starts with what it needs', { timeout: 60_000 }, () => {
  it('lists, searches and reports sync without the import pipeline, the sync engine or the differ', async () => {
    const imported = await runCli(
      join(tempDir(), 'notebook'),
      'import',
      fixturePath(fixtureNames.bakerTxt),
    )
    expect(imported.code).toBe(0)
    expect(await heavyLoadedBy('sources')).toEqual([])
    expect(await heavyLoadedBy('clippings', '--search', 'rocket')).toEqual([])
    expect(await heavyLoadedBy('sync', '--status')).toEqual([])
  })
})
