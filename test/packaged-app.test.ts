// The app as electron-builder packs it, with the real configuration and a stand-in for Electron
// (an "unpacked Electron" whose one executable holds only a fuse wire, so nothing is downloaded):
// what the asar holds and which fuses the packed binary ends with are checked here, not the
// configuration's wording. Needs `npm run build` first (out/), as the CLI tests do.
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { builtinModules, createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoDir } from './fixtures'

const fromBuilder = createRequire(require.resolve('electron-builder'))
const builderLib = createRequire(fromBuilder.resolve('app-builder-lib'))
const asar = builderLib('@electron/asar') as { listPackage(archive: string): string[] }
const fuses = builderLib('@electron/fuses') as {
  FuseV1Options: Record<string, number>
  getCurrentFuseWire(binary: string): Promise<Record<number, number>>
}

/** The fuse wire as @electron/fuses finds it: sentinel, wire version 1, length, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
const [OFF, ON] = [0x30, 0x31]
// Electron's own defaults, in wire order: RunAsNode, EnableCookieEncryption,
// EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
// EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar, LoadBrowserProcessSpecificV8Snapshot,
// GrantFileProtocolExtraPrivileges.
const ELECTRON_DEFAULT_WIRE = [ON, OFF, ON, ON, OFF, OFF, OFF, ON]

function standInBinary(): Buffer {
  const wire = Buffer.from([1, ELECTRON_DEFAULT_WIRE.length, ...ELECTRON_DEFAULT_WIRE])
  return Buffer.concat([Buffer.from('#!/bin/false\n'), Buffer.from(FUSE_SENTINEL), wire])
}

const PACK_TIMEOUT_MS = 300_000
let scratch: string
let appDir: string
let resourcesDir: string
let files: Set<string>

/** Bare module specifiers the built main process loads (require or import()). */
async function modulesMainLoads(): Promise<string[]> {
  const mainDir = join(repoDir, 'out', 'main')
  const scripts = (await readdir(mainDir, { recursive: true })).filter((name) =>
    name.endsWith('.js'),
  )
  const specifiers = new Set<string>()
  for (const script of scripts) {
    const code = await readFile(join(mainDir, script), 'utf8')
    for (const match of code.matchAll(/(?:require|import)\("([^".][^"]*)"\)/g)) {
      const specifier = match[1]!
      if (
        !specifier.startsWith('node:') &&
        !builtinModules.includes(specifier) &&
        specifier !== 'electron'
      )
        specifiers.add(specifier)
    }
  }
  return [...specifiers]
}

const packageOf = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/')

function pack(configPath: string): Promise<void> {
  const cli = fromBuilder.resolve('electron-builder/cli.js')
  const args = ['--dir', '--linux', '--publish', 'never', '--config', configPath]
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [cli, ...args],
      { cwd: repoDir, timeout: PACK_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) =>
        error ? reject(new Error(`electron-builder failed: ${stderr || stdout}`)) : resolve(),
    )
  })
}

beforeAll(async () => {
  if (!existsSync(join(repoDir, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` before this test')
  }
  scratch = await mkdtemp(join(tmpdir(), 'commonplace-pack-'))
  const fakeElectron = join(scratch, 'electron-dist')
  await mkdir(join(fakeElectron, 'resources'), { recursive: true })
  await writeFile(join(fakeElectron, 'electron'), standInBinary(), { mode: 0o755 })
  const config = JSON.parse(await readFile(join(repoDir, 'electron-builder.json'), 'utf8'))
  config.electronDist = fakeElectron
  config.npmRebuild = false
  config.directories = { ...config.directories, output: join(scratch, 'dist') }
  const configPath = join(scratch, 'electron-builder.json')
  await writeFile(configPath, JSON.stringify(config))
  await pack(configPath)
  appDir = join(scratch, 'dist', 'linux-unpacked')
  resourcesDir = join(appDir, 'resources')
  files = new Set(asar.listPackage(join(resourcesDir, 'app.asar')).map((path) => path.slice(1)))
}, PACK_TIMEOUT_MS)

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true })
})

describe('the packaged app', () => {
  it('holds the built main, preload and renderer, and the manifest naming the entry', async () => {
    const manifest = JSON.parse(await readFile(join(repoDir, 'package.json'), 'utf8'))
    const entry = relative('.', manifest.main)
    for (const path of [
      'package.json',
      entry,
      'out/main/import-worker.js',
      'out/preload/index.js',
      'out/renderer/index.html',
    ]) {
      expect(files.has(path), path).toBe(true)
    }
  })

  it('ships no source maps and nothing of the project but the build', () => {
    const shipped = [...files]
    expect(shipped.filter((path) => path.endsWith('.map'))).toEqual([])
    const projectTop = /^(src|test|e2e|bench|docs|scripts|resources|reports|node_modules\/\.bin)\//
    expect(shipped.filter((path) => projectTop.test(path))).toEqual([])
  })

  it('ships every module the main process and the import worker load', async () => {
    const missing = (await modulesMainLoads()).filter((specifier) => {
      const subpath = /\.(m?js)$/.test(specifier)
      return !files.has(
        join(
          'node_modules',
          subpath ? specifier : packageOf(specifier),
          subpath ? '' : 'package.json',
        ),
      )
    })
    expect(missing).toEqual([])
  })

  it("ships pdf.js's canvas package with its native part unpacked: text extraction needs its DOMMatrix", async () => {
    // pdf.js loads it by its own require, so it is not among the modules main names.
    expect(files.has('node_modules/@napi-rs/canvas/package.json')).toBe(true)
    const unpacked = join(resourcesDir, 'app.asar.unpacked')
    const natives = (await readdir(unpacked, { recursive: true })).filter((path) =>
      path.endsWith('.node'),
    )
    expect(natives.some((path) => path.includes('@napi-rs'))).toBe(true)
  })

  it('leaves out what the renderer bundle already contains', () => {
    for (const name of ['react', 'react-dom', '@tanstack/react-query']) {
      expect(files.has(`node_modules/${name}/package.json`), name).toBe(false)
    }
  })

  it('keeps the app code inside the asar, where its integrity is checked', async () => {
    const unpacked = join(resourcesDir, 'app.asar.unpacked')
    const outside = existsSync(unpacked) ? await readdir(unpacked, { recursive: true }) : []
    expect(outside.filter((path) => !path.startsWith('node_modules'))).toEqual([])
  })

  it('flips the fuses of the packed binary after packing', async () => {
    const config = JSON.parse(await readFile(join(repoDir, 'electron-builder.json'), 'utf8'))
    const wire = await fuses.getCurrentFuseWire(join(appDir, config.linux.executableName))
    const state = (fuse: string): string =>
      ({ [ON]: 'on', [OFF]: 'off' })[wire[fuses.FuseV1Options[fuse]!]!] ?? 'unknown'
    expect({
      RunAsNode: state('RunAsNode'),
      EnableNodeOptionsEnvironmentVariable: state('EnableNodeOptionsEnvironmentVariable'),
      EnableNodeCliInspectArguments: state('EnableNodeCliInspectArguments'),
      EnableEmbeddedAsarIntegrityValidation: state('EnableEmbeddedAsarIntegrityValidation'),
      OnlyLoadAppFromAsar: state('OnlyLoadAppFromAsar'),
      EnableCookieEncryption: state('EnableCookieEncryption'),
      GrantFileProtocolExtraPrivileges: state('GrantFileProtocolExtraPrivileges'),
    }).toEqual({
      RunAsNode: 'off',
      EnableNodeOptionsEnvironmentVariable: 'off',
      EnableNodeCliInspectArguments: 'off',
      EnableEmbeddedAsarIntegrityValidation: 'on',
      OnlyLoadAppFromAsar: 'on',
      EnableCookieEncryption: 'on',
      GrantFileProtocolExtraPrivileges: 'off',
    })
  })

  it('puts the citation styles and the sample notebook beside the asar, where main reads them', () => {
    expect(existsSync(join(resourcesDir, 'csl', 'apa.csl'))).toBe(true)
    expect(existsSync(join(resourcesDir, 'sample', 'sample.json'))).toBe(true)
  })
})
