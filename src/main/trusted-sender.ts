// Who may call main: decided from the calling frame's URL alone, so it is a pure function that
// unit tests feed hostile URLs. Electron-free: the e2e harness runs it with the page's frame URL.

/** The scheme and host the packaged renderer is served from (see app-protocol.ts). */
export const appScheme = 'app'
export const appHost = 'commonplace'
export const appOrigin = `${appScheme}://${appHost}`

export interface SenderTrust {
  /** The electron-vite dev server the window loads in development (never when packaged). */
  devServerUrl?: string
  /** One more origin to trust: the e2e harness serves the renderer from a made-up http origin. */
  allowedOrigin?: string
}

/**
 * `scheme://host[:port]` of a URL, or null when it has none we could trust: unparsable, no host
 * (`javascript:`, `data:`, `blob:`, `about:blank`, `file:` with an empty host), or credentials in
 * it (`http://localhost:5173@evil.com` is evil.com, and a reader of logs would be fooled).
 * Written by hand because WHATWG `URL.origin` is "null" for every non-special scheme like `app:`.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (!parsed.host || parsed.username || parsed.password) return null
  return `${parsed.protocol}//${parsed.host}`
}

/** The origins that may call main, each normalized by {@link originOf}. */
export function trustedOrigins(trust: SenderTrust = {}): string[] {
  const origins = [appOrigin, trust.devServerUrl, trust.allowedOrigin]
    .map((url) => (url ? originOf(url) : null))
    .filter((origin): origin is string => origin !== null)
  return [...new Set(origins)]
}

/**
 * True only for a frame of the app's own page: `app://commonplace`, the dev server's exact origin,
 * or the harness's. Every `file://` URL is refused: any file on disk could be opened there.
 */
export function isTrustedSender(frameUrl: string | undefined, trust: SenderTrust = {}): boolean {
  if (!frameUrl) return false
  const origin = originOf(frameUrl)
  if (origin === null || origin.startsWith('file:')) return false
  return trustedOrigins(trust).includes(origin)
}
