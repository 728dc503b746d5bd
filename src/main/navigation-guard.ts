// Keeps the window on the app's page: Electron-free (types only) so unit tests drive it with a fake.

import { isWebLink } from '../shared/urls'

/** The `details` Electron passes to will-navigate, will-redirect and will-frame-navigate. */
export interface NavigationEvent {
  url: string
  preventDefault(): void
}

/** The parts of an Electron `WebContents` the guard uses. */
export interface GuardedContents {
  getURL(): string
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (details: NavigationEvent) => void,
  ): unknown
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * No navigation leaves the page, by any route: a link (will-navigate), a server redirect
 * (will-redirect), a navigation in any frame (will-frame-navigate, which also covers frames the
 * first two do not see). Only reloading the page itself passes. New windows and webviews are
 * refused; a web link a window would have opened goes to the user's browser instead.
 */
export function guardNavigation(
  contents: GuardedContents,
  openExternal: (url: string) => void,
): void {
  const stayOnPage = (details: NavigationEvent): void => {
    if (details.url !== contents.getURL()) details.preventDefault()
  }
  contents.on('will-navigate', stayOnPage)
  contents.on('will-redirect', stayOnPage)
  contents.on('will-frame-navigate', stayOnPage)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isWebLink(url)) openExternal(url)
    return { action: 'deny' }
  })
}
