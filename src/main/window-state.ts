import { join } from 'node:path'
import { z } from 'zod'
import { DurableJsonFile } from './core/store/durable-json-file'

// Where the window was last (saved as it moves and on close), so the next start puts it back. Electron-free: the
// displays come in as plain rectangles, so unit tests try screens that were unplugged or shrank.

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowPlacement {
  /** The window's bounds when not maximized; no position when it should be centred. */
  bounds: Partial<Pick<Rectangle, 'x' | 'y'>> & Pick<Rectangle, 'width' | 'height'>
  maximized: boolean
}

export const WINDOW_STATE_FILE = 'window-state.json'

/** The size a first start opens at; the window never gets smaller than the minimum. */
export const DEFAULT_SIZE = { width: 1360, height: 860 } as const
export const MINIMUM_SIZE = { width: 900, height: 560 } as const

const size = z.number().int().positive().max(100_000)
const position = z.number().int().min(-100_000).max(100_000)
const windowStateSchema = z.object({
  schemaVersion: z.literal(1),
  bounds: z.object({ x: position, y: position, width: size, height: size }),
  maximized: z.boolean(),
})
export type SavedState = z.infer<typeof windowStateSchema>

/** How much of the title bar must be on a display for the saved position to count as visible. */
const GRIP = 80

/**
 * The saved placement fitted to the displays there are now: a window whose title bar would be
 * off every display is centred instead, and one bigger than its display is shrunk to fit it.
 * Nothing saved (or no displays known) gives the default size, centred.
 */
export function fitToDisplays(saved: SavedState | null, workAreas: Rectangle[]): WindowPlacement {
  const primary = workAreas[0]
  const wanted = saved?.bounds ?? { ...DEFAULT_SIZE }
  const display = saved ? workAreas.find((area) => titleBarVisible(saved.bounds, area)) : undefined
  const limit = display ?? primary
  const width = limit ? Math.min(wanted.width, limit.width) : wanted.width
  const height = limit ? Math.min(wanted.height, limit.height) : wanted.height
  const fitted = {
    width: Math.max(width, Math.min(MINIMUM_SIZE.width, limit?.width ?? Infinity)),
    height: Math.max(height, Math.min(MINIMUM_SIZE.height, limit?.height ?? Infinity)),
  }
  if (!saved || !display) return { bounds: fitted, maximized: saved?.maximized ?? false }
  // Keep it on the display it was on: pulled back in from the right or bottom edge if need be.
  const x = clamp(saved.bounds.x, display.x, display.x + display.width - fitted.width)
  const y = clamp(saved.bounds.y, display.y, display.y + display.height - fitted.height)
  return { bounds: { x, y, ...fitted }, maximized: saved.maximized }
}

function titleBarVisible(bounds: Rectangle, area: Rectangle): boolean {
  const overlap =
    Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
  const topInside = bounds.y >= area.y && bounds.y < area.y + area.height
  return topInside && overlap >= Math.min(GRIP, bounds.width)
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)))
}

/**
 * The window's placement in `dataDir`. One per window, so its saves are queued one after another
 * (a close that is held back and then completed saves twice, at once).
 */
export class WindowStateFile {
  private readonly file: DurableJsonFile<unknown>
  private lastSaved = ''

  constructor(dataDir: string) {
    this.file = new DurableJsonFile(join(dataDir, WINDOW_STATE_FILE))
  }

  /**
   * The saved placement fitted to the displays. A missing file is a first start; a damaged one
   * is reported (naming the file) and the window opens at the default size: where a window was
   * is not worth refusing to start over.
   */
  async load(
    workAreas: Rectangle[],
    warn: (message: string) => void = console.warn,
  ): Promise<WindowPlacement> {
    let saved: SavedState | null = null
    try {
      const raw = await this.file.read()
      if (raw !== null) {
        const parsed = windowStateSchema.safeParse(raw)
        if (parsed.success) saved = parsed.data
        else
          warn(
            `${this.file.path} is not a window state (${(parsed.error.issues[0] as z.core.$ZodIssue).message}); ignored.`,
          )
      }
    } catch (error) {
      warn(`${(error as Error).message}; the window opens at its default size.`)
    }
    return fitToDisplays(saved, workAreas)
  }

  /**
   * Saves where the window is; `bounds` are its normal (unmaximized) bounds. The same placement
   * again is not rewritten: a close held back for saving, then completed, reports it twice.
   */
  async save(bounds: Rectangle, maximized: boolean): Promise<void> {
    const state: SavedState = {
      schemaVersion: 1,
      bounds: {
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
      },
      maximized,
    }
    const text = JSON.stringify(state)
    if (text === this.lastSaved) return
    this.lastSaved = text
    await this.file.write(state)
  }
}
