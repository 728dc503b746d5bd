import { join } from 'node:path'
import { protocol } from 'electron'
import { rendererResponse } from './renderer-files'
import { appOrigin, appScheme } from './trusted-sender'

/** Where the window loads the built renderer from. */
export const appEntryUrl = `${appOrigin}/index.html`

/**
 * Must run before the app is ready. `standard` gives app: real origins (so CSP 'self' and the
 * sender check mean this app's page only), `secure` makes it a secure context like https,
 * `corsEnabled` lets the page load its `type="module"` script, which is fetched in CORS mode.
 * `codeCache` keeps V8's compiled bundle between starts. No service workers, no bypassing CSP.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        codeCache: true,
      },
    },
  ])
}

/**
 * Serves out/renderer on app://commonplace instead of file://, where the page could read any file
 * and every file:// page would share its origin. Call once the app is ready.
 */
export function serveRenderer(): void {
  const rendererDir = join(__dirname, '../renderer')
  protocol.handle(appScheme, (request) => rendererResponse(rendererDir, request.url, appOrigin))
}
