import type { AppError, ErrorCode } from '../../shared/ipc'

/** A failure whose message is written for the user; anything else thrown is a bug. */
export class CommonplaceError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'CommonplaceError'
    this.code = code
  }
}

export function notFound(what: string): CommonplaceError {
  return new CommonplaceError('not-found', `${what} does not exist (it may have been deleted).`)
}

export function toAppError(error: unknown): AppError {
  if (error instanceof CommonplaceError) return { code: error.code, message: error.message }
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `Something went wrong: ${message}` }
}
