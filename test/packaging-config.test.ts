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

interface PlatformOptions {
  target: string[]
  category?: string
  icon?: string
}

interface Configuration {
  /** Normalized by the loader into file sets. */
  files: { from?: string; filter: string[] }[]
  asar?: boolean
  asarUnpack?: string[]
  electronFuses: Record<string, boolean>
  extraResources?: { from: string; to: string }[]
  fileAssociations?: { ext: string | string[]; role?: string }[]
  linux: PlatformOptions
  mac: PlatformOptions
  win: PlatformOptions
  deb?: { depends?: string[] }
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
    // Nothing is unpacked beside the asar by configuration: the import worker and pdf.js load
    // from inside it (Electron reads asar in worker threads and for import()); only native
    // modules are unpacked, which electron-builder does on its own.
    expect(config.asarUnpack).toBeUndefined()
  })

  it('leaves out source maps and everything that is not the built app, even if a pattern widens', async () => {
    const [set] = (await loadConfig()).files
    const excluded = set!.filter.filter((pattern) => pattern.startsWith('!'))
    expect(excluded).toContain('!**/*.map')
    const projectDirs = excluded.find((pattern) => pattern.startsWith('!{'))
    for (const dir of ['src', 'test', 'e2e', 'bench', 'docs']) {
      expect(projectDirs).toMatch(new RegExp(`[{,]${dir}[,}]`))
    }
  })

  it('builds AppImage and deb for Linux, a dmg for macOS and an NSIS installer for Windows', async () => {
    const config = await loadConfig()
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.linux.category).toBe('Office')
    expect(config.mac.category).toBe('public.app-category.productivity')
    // Chromium's own libraries a minimal desktop may lack, and libsecret for cookie encryption.
    expect(config.deb?.depends).toEqual(
      expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libgbm1', 'libasound2', 'libsecret-1-0']),
    )
  })

  it('offers to open Markdown files (an import), without claiming every text file', async () => {
    const { fileAssociations = [] } = await loadConfig()
    const extensions = fileAssociations.flatMap((association) => association.ext)
    expect(extensions).toContain('md')
    expect(extensions).not.toContain('txt')
    expect(fileAssociations.every((association) => association.role === 'Viewer')).toBe(true)
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
