// What one imported file may cost, and the words used when it costs more. Each limit protects the
// batch and the app: a refused file is listed with its reason and the other files still import.

export interface ImportLimits {
  /** Elements nested deeper than this are refused before a DOM is built. */
  maxNestingDepth: number
  /** How long reading one file may take, in milliseconds, before its worker is stopped. */
  timeLimitMs: number
  /** The heap reading one file may use, in megabytes, before its worker is stopped. */
  memoryLimitMb: number
}

/**
 * 256 levels: browsers cap their DOM at 512, real articles stay under ~60, and Readability's
 * clean-up grows with the cube of the nesting (300 levels: 2.5 s; 1,024: 40 s).
 * 60 s and 2 GB: a flat 20 MB page, the largest file accepted, reads in well under both
 * (see the README's Limits).
 */
export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxNestingDepth: 256,
  timeLimitMs: 60_000,
  memoryLimitMb: 2048,
}

/** Thrown by the extractors, which do not know the file's name; the caller words the refusal. */
export class NestingTooDeep extends Error {
  constructor(readonly limit: number) {
    super(`Elements are nested more than ${limit} levels deep.`)
    this.name = 'NestingTooDeep'
  }
}

export function tooDeepMessage(fileName: string, limit: number): string {
  return (
    `${fileName}: its elements are nested more than ${limit} levels deep; ` +
    `Commonplace reads pages nested up to ${limit} levels.`
  )
}

export function tooSlowMessage(fileName: string, limitMs: number): string {
  const seconds = formatSeconds(limitMs)
  return `${fileName}: reading it took longer than ${seconds} and was stopped; the limit is ${seconds} per file.`
}

export function tooBigMessage(fileName: string, limitMb: number): string {
  return (
    `${fileName}: reading it needed more than ${limitMb} MB of memory and was stopped; ` +
    `the limit is ${limitMb} MB per file.`
  )
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`
}
