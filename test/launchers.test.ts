// `npm start` and `npm run dist` where the Electron binary is missing (one line, exit 1, no stack
// trace) and where one is given through ELECTRON_OVERRIDE_DIST_PATH (what they would run, seen
// through the launchers' dry run: nothing is built or started).
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoDir } from './fixtures'

interface Run {
  code: number
  stdout: string
  stderr: string
}

interface Step {
  script: string
  args: string[]
  env?: Record<string, string>
}

let scratch: string
let emptyDist: string
let fakeDist: string

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'commonplace-launchers-'))
  emptyDist = join(scratch, 'empty')
  fakeDist = join(scratch, 'fake')
  await mkdir(emptyDist)
  await mkdir(fakeDist)
  // An "unpacked Electron" holding only the executable's name: enough for the check, never run.
  const executable =
    process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : process.platform === 'win32'
        ? 'electron.exe'
        : 'electron'
  await mkdir(join(fakeDist, executable, '..'), { recursive: true })
  await writeFile(join(fakeDist, executable), '')
})

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true })
})

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const clean = { ...process.env }
  for (const name of Object.keys(clean)) {
    if (/^ELECTRON_|^COMMONPLACE_LAUNCH/i.test(name)) delete clean[name]
  }
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(repoDir, 'scripts', script), ...args],
      { cwd: repoDir, env: { ...clean, ...env }, timeout: 30_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0
        resolve({ code, stdout, stderr })
      },
    )
  })
}

/** A local port nothing listens on: a mirror there fails at once, as a download would offline. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  await new Promise<void>((resolve) => server.close(() => resolve()))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

const hasHomepage = (): boolean =>
  Boolean(JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')).homepage)

const lines = (text: string): string[] => text.split('\n').filter((line) => line.trim() !== '')

describe('npm start', () => {
  it('points at the launcher, not straight at electron-vite', async () => {
    const manifest = JSON.parse(await readFile(join(repoDir, 'package.json'), 'utf8'))
    expect(manifest.scripts.start).toBe('node scripts/start.mjs')
  })

  it('says in one line that the binary is missing, how to get it, and that the CLI works', async () => {
    const { code, stdout, stderr } = await run('start.mjs', [], {
      ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
    })
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(lines(stderr)).toHaveLength(1)
    expect(stderr).toContain('the Electron binary is not installed')
    expect(stderr).toContain('`npx install-electron`')
    expect(stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(stderr).toContain('`npx commonplace --help`')
    expect(stderr).not.toMatch(/^\s+at /m)
    // The installer (@electron/get 5) needs Node 22.12; an older Node is told so in the same line.
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number]
    const older = major < 22 || (major === 22 && minor < 12)
    expect(stderr.includes(`(needs Node 22.12.0 or later; this is ${process.versions.node})`)).toBe(
      older,
    )
  })

  it('runs electron-vite preview on the binary ELECTRON_OVERRIDE_DIST_PATH names, passing arguments on', async () => {
    const { code, stdout, stderr } = await run('start.mjs', ['--sourcemap'], {
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      COMMONPLACE_LAUNCH_DRY_RUN: '1',
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const steps = JSON.parse(stdout) as Step[]
    expect(steps).toHaveLength(1)
    expect(steps[0]!.script).toMatch(/electron-vite[\\/]bin[\\/]electron-vite\.js$/)
    expect(steps[0]!.args).toEqual(['preview', '--sourcemap'])
    // electron-vite honours only its own variable, so the launcher hands the binary over in it.
    expect(steps[0]!.env!.ELECTRON_EXEC_PATH).toMatch(/^.*fake[\\/].*(electron|Electron)(\.exe)?$/)
  })
})

describe('npm run dev', () => {
  it('checks for the binary the same way, then runs electron-vite dev', async () => {
    const manifest = JSON.parse(await readFile(join(repoDir, 'package.json'), 'utf8'))
    expect(manifest.scripts.dev).toBe('node scripts/dev.mjs')
    const missing = await run('dev.mjs', [], { ELECTRON_OVERRIDE_DIST_PATH: emptyDist })
    expect(missing.code).toBe(1)
    expect(lines(missing.stderr)).toEqual([
      expect.stringContaining('the Electron binary is not installed'),
    ])
    const { stdout } = await run('dev.mjs', ['--watch'], {
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      COMMONPLACE_LAUNCH_DRY_RUN: '1',
    })
    expect((JSON.parse(stdout) as Step[])[0]!.args).toEqual(['dev', '--watch'])
  })
})

describe('npm run dist', () => {
  it('points at the packaging wrapper', async () => {
    const manifest = JSON.parse(await readFile(join(repoDir, 'package.json'), 'utf8'))
    expect(manifest.scripts.dist).toBe('node scripts/dist.mjs')
  })

  it('says in one line that Electron cannot be downloaded, before building anything', async () => {
    const port = await closedPort()
    const { code, stdout, stderr } = await run('dist.mjs', [], {
      ELECTRON_OVERRIDE_DIST_PATH: emptyDist,
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
    })
    expect(code).toBe(1)
    expect(stdout).toBe('')
    expect(lines(stderr)).toHaveLength(1)
    expect(stderr).toMatch(
      /^Commonplace: cannot package: the Electron [\d.]+ binary cannot be downloaded/,
    )
    expect(stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH')
    expect(stderr).not.toMatch(/^\s+at /m)
  })

  it('builds, then packs the unpacked Electron it is given without downloading one', async () => {
    const { code, stdout, stderr } = await run('dist.mjs', ['--dir'], {
      ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
      COMMONPLACE_LAUNCH_DRY_RUN: '1',
    })
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const steps = JSON.parse(stdout) as Step[]
    expect(steps.map((step) => step.args[0])).toEqual(['build', '--publish'])
    expect(steps[1]!.script).toMatch(/electron-builder[\\/]cli\.js$/)
    expect(steps[1]!.args).toEqual(['--publish', 'never', `-c.electronDist=${fakeDist}`, '--dir'])
  })

  it.skipIf(hasHomepage())(
    'says in one line that the deb needs a homepage in package.json, and how to make the AppImage alone',
    async () => {
      const { code, stdout, stderr } = await run('dist.mjs', ['--linux'], {
        ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
        COMMONPLACE_LAUNCH_DRY_RUN: '1',
      })
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(lines(stderr)).toEqual([expect.stringContaining('package.json has no "homepage"')])
      expect(stderr).toContain('`npm run dist -- --linux AppImage`')
      const appImageOnly = await run('dist.mjs', ['--linux', 'AppImage'], {
        ELECTRON_OVERRIDE_DIST_PATH: fakeDist,
        COMMONPLACE_LAUNCH_DRY_RUN: '1',
      })
      expect(appImageOnly.code).toBe(0)
    },
  )
})
