import type { CommonplaceApi, Result } from '../../shared/ipc'

/** The preload's API; read lazily so a page loaded without it fails at the call, not at import. */
export function api(): CommonplaceApi {
  return window.commonplace
}

/**
 * Runs one call to main. A rejected promise (main crashed, channel missing) becomes an ordinary
 * error result, so every caller handles failure in one way: by showing `error.message`.
 */
export async function call<T>(
  request: (commonplace: CommonplaceApi) => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await request(api())
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      error: { code: 'internal', message: `Commonplace could not finish: ${message}` },
    }
  }
}
