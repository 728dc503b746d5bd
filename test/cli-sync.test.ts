import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt, runCli } from './cli-support'
import { startTestSyncServer, type TestSyncServer } from './sync-test-server'
import { fixtureNames, fixturePath, useTempDir } from './support'

const tempDir = useTempDir()
let server: TestSyncServer | null = null

beforeAll(() => ensureBuilt())
afterEach(async () => {
  await server?.stop()
  server = null
})

describe('commonplace sync', () => {
  it('sets up, pushes from one notebook and pulls into another, and reports', async () => {
    server = await startTestSyncServer('tok')
    const laptop = join(tempDir(), 'Laptop Notes')
    const desktop = join(tempDir(), 'desktop')
    const imported = await runCli(laptop, 'import', '--json', fixturePath(fixtureNames.bakerTxt))
    const sourceId = (JSON.parse(imported.stdout) as { imported: { id: string }[] }).imported[0]?.id
    expect((await runCli(laptop, 'clip', sourceId ?? '', '--quote', 'hypocrisy')).code).toBe(0)

    const push = await runCli(
      laptop,
      'sync',
      '--server',
      server.url,
      '--token',
      'tok',
      '--notebook',
      'shared',
    )
    expect(push.stderr).toBe('')
    expect(push.stdout).toContain(`sync set up: notebook "shared" on ${server.url}`)
    expect(push.code).toBe(0)

    const pull = await runCli(
      desktop,
      'sync',
      '--server',
      server.url,
      '--token',
      'tok',
      '--notebook',
      'shared',
    )
    expect(pull.code).toBe(0)
    expect(pull.stdout).toMatch(/took in 1 sources/)
    expect((await runCli(desktop, 'sources')).stdout).toContain(sourceId)
    expect((await runCli(desktop, 'clippings')).stdout).toContain('hypocrisy')

    const status = await runCli(desktop, 'sync', '--status')
    expect(status.stdout).toContain('pending updates: 0')
    expect(status.stdout).toMatch(/last sync: 20\d\d-/)

    expect((await runCli(desktop, 'sync', '--off')).code).toBe(0)
    expect((await runCli(desktop, 'sync', '--status')).stdout).toMatch(/sync is off/)
  }, 120_000)

  it('exits 3 with a clear line when the server cannot be reached, and 4 when it refuses', async () => {
    const notebook = join(tempDir(), 'notebook')
    const down = await runCli(
      notebook,
      'sync',
      '--server',
      'ws://127.0.0.1:9',
      '--token',
      't',
      '--timeout',
      '2',
    )
    expect(down.code).toBe(3)
    expect(down.stderr).toContain(
      'could not reach ws://127.0.0.1:9; your changes are kept and will be sent next time',
    )
    server = await startTestSyncServer('right')
    const refused = await runCli(notebook, 'sync', '--server', server.url, '--token', 'wrong')
    expect(refused.code).toBe(4)
    expect(refused.stderr).toMatch(/refused notebook "notebook"/)
  }, 120_000)
})
