// The packaging configuration, read and checked by the installed electron-builder itself: the same
// loader, the same schema, and the same mapping to Electron's fuse wires it uses when it packages.
// Nothing here packages or downloads Electron.
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { repoDir } from './fixtures'

const fromBuilder = createRequire(require.resolve('electron-builder'))
const builderLib = createRequire(fromBuilder.resolve('app-builder-lib'))
// The package's entry first: its modules import one another in an order only it gets right.
const { PlatformPackager } = builderLib('app-builder-lib')
const { getConfig, validateConfiguration } = builderLib('app-builder-lib/out/util/config/config.js')
const { FuseV1Options } = builderLib('@electron/fuses')

interface Configuration {
  /** Normalized by the loader into file sets. */
  files: { from?: string; filter: string[] }[]
  asar?: boolean
  electronFuses: Record<string, boolean>
  extraResources?: { from: string; to: string }[]
}

const loadConfig = async (): Promise<Configuration> => getConfig(repoDir, null, null)

describe('electron-builder configuration', () => {
  it('is valid for the installed electron-builder', async () => {
    const config = await loadConfig()
    const logger = { isEnabled: false, add: () => undefined }
    await expect(validateConfiguration(config, logger)).resolves.toBeUndefined()
  })

  it('flips every fuse that closes a way to run other code in the app', async () => {
    const config = await loadConfig()
    // What electron-builder writes into the Electron binary, by fuse wire.
    const wires = await PlatformPackager.prototype.generateFuseConfig(config.electronFuses)
    const expected: [string, boolean][] = [
      ['RunAsNode', false],
      ['EnableCookieEncryption', true],
      ['EnableNodeOptionsEnvironmentVariable', false],
      ['EnableNodeCliInspectArguments', false],
      ['EnableEmbeddedAsarIntegrityValidation', true],
      ['OnlyLoadAppFromAsar', true],
      // The renderer is served on app://, so file:// pages need no privileges beyond a browser's.
      ['GrantFileProtocolExtraPrivileges', false],
    ]
    for (const [fuse, value] of expected) {
      expect({ fuse, value: wires[FuseV1Options[fuse]] }).toEqual({ fuse, value })
    }
  })

  it('packs the built app only, into an asar (which OnlyLoadAppFromAsar requires)', async () => {
    const config = await loadConfig()
    expect(config.asar).toBe(true)
    expect(config.files).toHaveLength(1)
    const [set] = config.files
    expect(set!.from).toBeUndefined()
    const included = set!.filter.filter((pattern) => !pattern.startsWith('!'))
    expect(included.sort()).toEqual(['out/**/*', 'package.json'])
  })

  it('ships the sample notebook and the citation styles beside the app, where main looks for them when packaged', async () => {
    const config = await loadConfig()
    // os-ports.ts: join(process.resourcesPath, 'sample'); csl/styles.ts: …, 'csl'.
    expect(config.extraResources).toEqual([
      { from: 'resources/sample', to: 'sample' },
      { from: 'resources/csl', to: 'csl' },
    ])
  })
})
