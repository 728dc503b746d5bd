// The writer's preferences and where they left off: what the settings file holds, validated in
// main (src/main/core/settings) and read by the renderer through the contract (ipc.ts).
import type { CitationStyle, ExportFormat } from './ipc'

export const THEMES = ['system', 'light', 'dark'] as const
/** 'system' follows the operating system's light or dark setting. */
export type Theme = (typeof THEMES)[number]

export const ESSAY_FONTS = ['serif', 'sans'] as const
export type EssayFont = (typeof ESSAY_FONTS)[number]

/**
 * Screen reader support: 'auto' turns it on while the operating system reports assistive
 * technology (Electron's accessibility support), 'on' and 'off' whatever it reports. With it on,
 * a long essay is laid out whole, so a screen reader can read every block of it.
 */
export const SCREEN_READER_SUPPORT = ['auto', 'on', 'off'] as const
export type ScreenReaderSupport = (typeof SCREEN_READER_SUPPORT)[number]

/** Whether a long essay is laid out whole: for a screen reader, which reads only what is laid out. */
export function laysOutWholeEssay(
  setting: ScreenReaderSupport,
  screenReaderRunning: boolean,
): boolean {
  return setting === 'on' || (setting === 'auto' && screenReaderRunning)
}

/** The reader's text size in CSS pixels: a range a writer can read at on any screen. */
export const READER_FONT_SIZE = { min: 14, max: 26, default: 18 } as const

export interface Settings {
  theme: Theme
  readerFontSize: number
  essayFont: EssayFont
  /** What Export writes unless the writer picks the other format for one export. */
  exportFormat: ExportFormat
  /** How a Markdown (GFM) export formats citations: Commonplace's own, or a CSL style. */
  citationStyle: CitationStyle
  /** How co-authors see this user's cursor in a synced essay; empty: the OS account's name. */
  userName: string
  screenReaderSupport: ScreenReaderSupport
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  readerFontSize: READER_FONT_SIZE.default,
  essayFont: 'serif',
  exportFormat: 'gfm',
  citationStyle: 'plain',
  userName: '',
  screenReaderSupport: 'auto',
}

export type WorkspaceView = 'reader' | 'essay'

/**
 * Where the reader was in a source: the block at the top of the reader (its offset in the text,
 * as the block's `data-start`) and how far into that block, as a fraction of its height. Text,
 * not pixels, so it holds after the font size or the window changes.
 */
export interface ReadingPosition {
  sourceId: string
  offset: number
  fraction: number
}

/** Where the writer left off, restored at the next start; what no longer exists is ignored. */
export interface ResumeState {
  view: WorkspaceView
  sourceId: string | null
  essayId: string | null
  reading: ReadingPosition | null
}

export const EMPTY_RESUME_STATE: ResumeState = {
  view: 'reader',
  sourceId: null,
  essayId: null,
  reading: null,
}

/** The settings as loaded: `problem` names what could not be read (defaults stand in for it). */
export interface SettingsSnapshot {
  settings: Settings
  resume: ResumeState
  /** The settings file's path, to name it in messages. */
  file: string
  problem: string | null
}

/** Shown by Help > About. */
export interface AboutInfo {
  name: string
  version: string
  dataDir: string
}
