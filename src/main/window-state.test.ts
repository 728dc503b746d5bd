import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_SIZE,
  fitToDisplays,
  MINIMUM_SIZE,
  WINDOW_STATE_FILE,
  WindowStateFile,
  type SavedState,
} from './window-state'

const laptop = { x: 0, y: 0, width: 1440, height: 877 }
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 }

const saved = (
  x: number,
  y: number,
  width = 1200,
  height = 800,
  maximized = false,
): SavedState => ({
  schemaVersion: 1,
  bounds: { x, y, width, height },
  maximized,
})

describe('fitting a saved window to the displays', () => {
  it('opens a first start at the default size, centred', () => {
    expect(fitToDisplays(null, [laptop])).toEqual({ bounds: DEFAULT_SIZE, maximized: false })
  })

  it('puts a window back where it was, on whichever display that was', () => {
    expect(fitToDisplays(saved(1600, 100), [laptop, monitorOnTheRight])).toEqual({
      bounds: { x: 1600, y: 100, width: 1200, height: 800 },
      maximized: false,
    })
    expect(fitToDisplays(saved(10, 20, 1000, 700, true), [laptop]).maximized).toBe(true)
  })

  it('centres a window whose display was unplugged, at a size the remaining one can hold', () => {
    expect(fitToDisplays(saved(1600, 100, 2400, 1300), [laptop])).toEqual({
      bounds: { width: laptop.width, height: laptop.height },
      maximized: false,
    })
  })

  it('centres a window whose title bar is above the display, where it could not be dragged', () => {
    expect(fitToDisplays(saved(100, -500), [laptop]).bounds).not.toHaveProperty('x')
  })

  it('pulls a window that hangs off the right or bottom edge back in', () => {
    expect(fitToDisplays(saved(1300, 700), [laptop]).bounds).toEqual({
      x: laptop.width - 1200,
      y: laptop.height - 800,
      width: 1200,
      height: 800,
    })
  })

  it('never shrinks below the minimum size where the display is big enough', () => {
    const tiny = { ...saved(10, 10), bounds: { x: 10, y: 10, width: 300, height: 200 } }
    expect(fitToDisplays(tiny, [laptop]).bounds).toMatchObject(MINIMUM_SIZE)
  })
})

describe('the window state file', () => {
  let dir: string
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('saves the placement and loads it again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-state-'))
    await new WindowStateFile(dir).save({ x: 40.4, y: 30, width: 1000, height: 700 }, true)
    expect(await new WindowStateFile(dir).load([laptop])).toEqual({
      bounds: { x: 40, y: 30, width: 1000, height: 700 },
      maximized: true,
    })
  })

  it('opens at the default size when the file is damaged, saying which file and why', async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-state-'))
    const path = join(dir, WINDOW_STATE_FILE)
    const warnings: string[] = []
    await writeFile(path, '{"schemaVersion": 1, "bounds": {"x": "left"}}')
    expect(await new WindowStateFile(dir).load([laptop], (m) => warnings.push(m))).toEqual({
      bounds: DEFAULT_SIZE,
      maximized: false,
    })
    await writeFile(path, '{not json')
    await new WindowStateFile(dir).load([laptop], (m) => warnings.push(m))
    expect(warnings).toHaveLength(2)
    for (const warning of warnings) expect(warning).toContain(path)
    // Reading never rewrites what is there.
    expect(await readFile(path, 'utf8')).toBe('{not json')
  })
})
