// The two container formats the app's icons ship in, written from PNG images (no image library):
// Windows .ico with PNG payloads, and macOS .icns with PNG entries. The packaging test reads them
// back with its own parser, so a mistake here is not mirrored by a reader sharing it.

/** Width and height from a PNG's IHDR chunk (bytes 16..24), after checking the signature. */
export function pngSize(png) {
  const signature = '89504e470d0a1a0a'
  if (
    png.subarray(0, 8).toString('hex') !== signature ||
    png.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    throw new Error('not a PNG file')
  }
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) }
}

/**
 * An ICO file: a 6-byte header, one 16-byte directory entry per image, then the PNGs themselves
 * (Windows Vista and later read PNG payloads; a size of 256 is written as 0 in the one-byte fields).
 * @param {Buffer[]} pngs square images, 256 px at most
 */
export function writeIco(pngs) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(pngs.length, 4)
  const directory = Buffer.alloc(16 * pngs.length)
  let offset = header.length + directory.length
  pngs.forEach((png, index) => {
    const { width, height } = pngSize(png)
    if (width > 256 || height > 256) throw new Error(`an ICO image is 256 px at most, not ${width}`)
    const entry = index * 16
    directory.writeUInt8(width % 256, entry)
    directory.writeUInt8(height % 256, entry + 1)
    directory.writeUInt8(0, entry + 2) // no palette
    directory.writeUInt8(0, entry + 3)
    directory.writeUInt16LE(1, entry + 4) // colour planes
    directory.writeUInt16LE(32, entry + 6) // bits per pixel
    directory.writeUInt32LE(png.length, entry + 8)
    directory.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...pngs])
}

/**
 * The ICNS types holding PNG data, by their pixel size. ic11..ic14 are the Retina ("@2x") slots
 * of 16, 32, 128 and 256 pt; ic10 is 512 pt @2x, i.e. the 1024 px image.
 */
export const ICNS_TYPES = [
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic13', 256],
  ['ic08', 256],
  ['ic14', 512],
  ['ic09', 512],
  ['ic10', 1024],
]

/**
 * An ICNS file: 'icns' and the file's length, then per image its four-letter type, the entry's
 * length (including these 8 bytes) and the PNG. Everything is big-endian.
 * @param {Map<number, Buffer>} pngsBySize
 */
export function writeIcns(pngsBySize) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const png = pngsBySize.get(size)
    if (!png) throw new Error(`no ${size} px image for the ICNS entry ${type}`)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const body = Buffer.concat(entries)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(body.length + 8, 4)
  return Buffer.concat([head, body])
}
