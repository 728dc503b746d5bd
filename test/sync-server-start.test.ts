// `commonplace sync-server` refusing to start, and refusing what it cannot serve: one clear line,
// exit code 2, no stack trace; nothing on disk changed.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { catalogDocName } from '../src/main/core/sync/doc-names'
import { fileNameOf } from '../src/main/core/sync/persisted-doc'
import { ensureBuilt, runCli } from './cli-support'
import { connectClient, startSyncServer } from './sync-server'
import { useTempDir } from './support'

const tempDir = useTempDir()

beforeAll(ensureBuilt)

/** Runs a sync-server that must fail to start; `runCli` waits for it to exit. */
async function failedStart(...args: string[]): Promise<string> {
  const run = await runCli(tempDir(), 'sync-server', ...args)
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(run.stderr).not.toMatch(/\n\s+at /)
  return lines[0]!
}

describe('sync-server start', () => {
  it('says what is wrong with its flags', async () => {
    const data = join(tempDir(), 'server')
    expect(await failedStart('--data', data)).toContain("required option '--port <port>'")
    expect(await failedStart('--port', '1234')).toContain("required option '--data <dir>'")
    expect(await failedStart('--port', 'http', '--data', data)).toContain(
      'expected a port from 0 to 65535',
    )
    expect(await failedStart('--port', '0', '--data', data, '--tokn', 'x')).toContain(
      "unknown option '--tokn'",
    )
    expect(await failedStart('--port', '0', '--data', data, '--token', ' ')).toContain(
      'the token must not be empty',
    )
  })

  it('says so when its port is taken', async () => {
    const running = await startSyncServer()
    const line = await failedStart('--port', String(running.port), '--data', tempDir())
    expect(line).toBe(
      `commonplace sync-server: port ${running.port} is already in use on 127.0.0.1`,
    )
  })

  it('says so when its data folder cannot be written, and leaves it alone', async () => {
    const data = join(tempDir(), 'read-only')
    await mkdir(data)
    await chmod(data, 0o555)
    try {
      expect(await failedStart('--port', '0', '--data', data)).toContain(`${data} is read-only`)
    } finally {
      await chmod(data, 0o755)
    }
    await writeFile(join(tempDir(), 'a-file'), '')
    expect(await failedStart('--port', '0', '--data', join(tempDir(), 'a-file', 'x'))).toContain(
      'a part of its path is a file, not a folder',
    )
  })

  it('refuses to start on a notebooks file it does not understand', async () => {
    await writeFile(join(tempDir(), 'notebooks.json'), '{"notebooks": 3}')
    expect(await failedStart('--port', '0', '--data', tempDir())).toContain(
      `${join(tempDir(), 'notebooks.json')} is not a notebooks file the server understands`,
    )
  })

  it('refuses a document whose file is damaged, with a reason, and does not overwrite it', async () => {
    const name = catalogDocName('desk')
    const path = join(tempDir(), 'docs', `${fileNameOf(name)}.yjs`)
    await mkdir(join(tempDir(), 'docs'))
    const damaged = Buffer.from([0xff, 0xff, 0xff, 0x01])
    await writeFile(path, damaged)
    const server = await startSyncServer({ dataDir: tempDir(), token: 'secret' })

    const client = connectClient(server.url, name, 'secret')
    client.doc.getText('body').insert(0, 'must not replace the damaged file')
    expect(await client.refused()).toMatch(/^the server's copy of desk\/catalog could not be read/)
    expect(await server.stop()).toBe(0)
    expect(await readFile(path)).toEqual(damaged)
    expect(server.stderr()).toContain(`${path} (document desk/catalog) is not a Yjs update`)
  })
})
