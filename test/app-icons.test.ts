// The app's icons as each platform takes them: PNGs by size for Linux, an ICO for Windows and an
// ICNS for macOS, each read back here with its own small parser (not the writer's), and the
// packaging configuration pointing at them.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoDir } from './fixtures'

const iconsDir = join(repoDir, 'resources', 'icons')

/** A PNG's pixel size from its IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

describe('app icons', () => {
  it('has a PNG at every size the desktops ask for', async () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512, 1024]) {
      const png = await readFile(join(iconsDir, 'png', `${size}x${size}.png`))
      expect(pngSize(png)).toEqual({ width: size, height: size })
      // Transparent corners: the rounded tile is drawn on nothing (colour type 6 is RGBA).
      expect(png.readUInt8(25)).toBe(6)
    }
  })

  it('has a Windows ICO holding PNGs from 16 to 256 px', async () => {
    const ico = await readFile(join(iconsDir, 'icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    const count = ico.readUInt16LE(4)
    const sizes: number[] = []
    for (let index = 0; index < count; index++) {
      const entry = 6 + index * 16
      const declared = ico.readUInt8(entry) || 256
      const length = ico.readUInt32LE(entry + 8)
      const offset = ico.readUInt32LE(entry + 12)
      expect(offset + length).toBeLessThanOrEqual(ico.length)
      expect(pngSize(ico.subarray(offset, offset + length))).toEqual({
        width: declared,
        height: declared,
      })
      sizes.push(declared)
    }
    expect(sizes).toEqual([16, 24, 32, 48, 64, 128, 256])
  })

  it('has a macOS ICNS whose PNG entries match their types, up to 1024 px', async () => {
    const icns = await readFile(join(iconsDir, 'icon.icns'))
    expect(icns.toString('latin1', 0, 4)).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    const entries = new Map<string, number>()
    for (let offset = 8; offset < icns.length;) {
      const type = icns.toString('latin1', offset, offset + 4)
      const length = icns.readUInt32BE(offset + 4)
      const { width, height } = pngSize(icns.subarray(offset + 8, offset + length))
      expect(width).toBe(height)
      entries.set(type, width)
      offset += length
    }
    expect(Object.fromEntries(entries)).toMatchObject({
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic10: 1024,
    })
  })

  it('is what the packaging configuration points at, per platform', async () => {
    const config = JSON.parse(await readFile(join(repoDir, 'electron-builder.json'), 'utf8'))
    expect(config.linux.icon).toBe('resources/icons/png')
    expect(config.mac.icon).toBe('resources/icons/icon.icns')
    expect(config.win.icon).toBe('resources/icons/icon.ico')
    for (const icon of [config.linux.icon, config.mac.icon, config.win.icon]) {
      expect(existsSync(join(repoDir, icon))).toBe(true)
    }
  })
})
