// `npm run icons`: the app's icons rendered from resources/icons/icon.svg (icon-small.svg for the
// sizes where the full drawing would blur: its lines dropped, the mark larger) by Chromium, then
// packed into icon.ico (Windows) and icon.icns (macOS) beside png/<n>x<n>.png (Linux). The output
// is committed; run this again after changing either drawing.

import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from '@playwright/test'
import { writeIcns, writeIco } from './icon-files.mjs'

const iconsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'resources', 'icons')
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const SMALL_UP_TO = 32
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

const pageFor = (svg, size) =>
  '<!doctype html><html><body style="margin:0;background:transparent">' +
  svg.replace(/\swidth="\d+"\s+height="\d+"/, ` width="${size}" height="${size}"`) +
  '</body></html>'

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
})
try {
  const full = await readFile(join(iconsDir, 'icon.svg'), 'utf8')
  const small = await readFile(join(iconsDir, 'icon-small.svg'), 'utf8')
  const page = await browser.newPage({ deviceScaleFactor: 1 })
  const pngs = new Map()
  await mkdir(join(iconsDir, 'png'), { recursive: true })
  for (const size of PNG_SIZES) {
    await page.setViewportSize({ width: size, height: size })
    await page.setContent(pageFor(size <= SMALL_UP_TO ? small : full, size))
    const png = await page.screenshot({
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    })
    pngs.set(size, png)
    await writeFile(join(iconsDir, 'png', `${size}x${size}.png`), png)
  }
  await writeFile(join(iconsDir, 'icon.ico'), writeIco(ICO_SIZES.map((size) => pngs.get(size))))
  await writeFile(join(iconsDir, 'icon.icns'), writeIcns(pngs))
  process.stdout.write(`icons written to ${iconsDir}\n`)
} finally {
  await browser.close()
}
