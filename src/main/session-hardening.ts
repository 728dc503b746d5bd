import { appOrigin } from './trusted-sender'

/**
 * Hunspell dictionaries are fetched from here. It is the app's own scheme, which serves no
 * dictionary (a 404), so Chromium never downloads one from Google's CDN: Commonplace is offline.
 * The OS spellcheckers (macOS, Windows) do not download and keep working.
 */
export const dictionaryDownloadUrl = `${appOrigin}/no-spellcheck-dictionaries/`

/** The parts of an Electron `Session` this module sets; a fake one in the unit test. */
export interface HardenableSession {
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void
  setPermissionCheckHandler(handler: (webContents: unknown, permission: string) => boolean): void
  setSpellCheckerDictionaryDownloadURL(url: string): void
}

/**
 * Nothing the page asks of the browser is granted: no camera, microphone, notifications,
 * geolocation, clipboard reading, HID or serial, ever. The app needs none of them, and the page
 * shows imported articles. Checks (synchronous "is it granted?") are refused as well as requests,
 * or Chromium would answer some checks from its defaults.
 */
export function hardenSession(session: HardenableSession): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setSpellCheckerDictionaryDownloadURL(dictionaryDownloadUrl)
}
