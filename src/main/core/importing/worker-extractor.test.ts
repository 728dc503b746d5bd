import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../../test/support'
import { findWorkerScript, withoutModuleHooks, WORKER_FILE } from './worker-extractor'

const tempDir = useTempDir()

/** A project folder like this repo: package.json, sources, and (when built) out/main. */
async function project(built: boolean): Promise<string> {
  const root = join(tempDir(), 'project')
  await mkdir(join(root, 'src', 'main', 'core', 'importing'), { recursive: true })
  await mkdir(join(root, 'out', 'main', 'chunks'), { recursive: true })
  await writeFile(join(root, 'package.json'), '{}')
  if (built) await writeFile(join(root, 'out', 'main', WORKER_FILE), '')
  return root
}

describe('findWorkerScript', () => {
  it('finds the built worker from the bundle, from a chunk of it, and from the sources', async () => {
    const root = await project(true)
    const worker = join(root, 'out', 'main', WORKER_FILE)
    expect(findWorkerScript(join(root, 'out', 'main'))).toBe(worker)
    expect(findWorkerScript(join(root, 'out', 'main', 'chunks'))).toBe(worker)
    expect(findWorkerScript(join(root, 'src', 'main', 'core', 'importing'))).toBe(worker)
  })

  it('finds nothing in a project that is not built, and looks no higher than it', async () => {
    const root = await project(false)
    // A worker above the project is some other checkout's, not this one's.
    await mkdir(join(tempDir(), 'out', 'main'), { recursive: true })
    await writeFile(join(tempDir(), 'out', 'main', WORKER_FILE), '')
    expect(findWorkerScript(join(root, 'src', 'main', 'core', 'importing'))).toBeUndefined()
  })
})

describe('withoutModuleHooks', () => {
  it('keeps the Node flags but not the loaders that run the app from TypeScript source', () => {
    const tsx = [
      '--require',
      '/repo/node_modules/tsx/dist/preflight.cjs',
      '--import',
      'file:///repo/node_modules/tsx/dist/loader.mjs',
      '--loader=ts-node/esm',
      '-r',
      'source-map-support/register',
      '--cpu-prof',
      '--enable-source-maps',
    ]
    expect(withoutModuleHooks(tsx)).toEqual(['--cpu-prof', '--enable-source-maps'])
    expect(withoutModuleHooks([])).toEqual([])
  })
})
