import { describe, expect, it } from 'vitest'
import { guardNavigation, type GuardedContents, type NavigationEvent } from './navigation-guard'

const page = 'app://commonplace/index.html'
type Listener = (details: NavigationEvent) => void

function fakeContents() {
  const listeners = new Map<string, Listener[]>()
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined
  const contents: GuardedContents = {
    getURL: () => page,
    on: (event: string, listener: Listener) =>
      void listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    setWindowOpenHandler: (handler) => void (openHandler = handler),
  }
  /** Emits `event` for `url`; true when some listener stopped it. */
  const emit = (event: string, url: string): boolean => {
    let prevented = false
    for (const listener of listeners.get(event) ?? [])
      listener({ url, preventDefault: () => (prevented = true) })
    return prevented
  }
  return { contents, emit, openWindow: (url: string) => openHandler?.({ url }) }
}

describe('guardNavigation', () => {
  it.each(['will-navigate', 'will-redirect', 'will-frame-navigate'])(
    'stops %s to anywhere but the page itself',
    (event) => {
      const { contents, emit } = fakeContents()
      guardNavigation(contents, () => undefined)
      expect(emit(event, 'https://example.com/')).toBe(true)
      expect(emit(event, 'app://evil/index.html')).toBe(true)
      expect(emit(event, 'file:///etc/passwd')).toBe(true)
      expect(emit(event, 'app://commonplace/other.html')).toBe(true)
      expect(emit(event, 'javascript:alert(1)')).toBe(true)
      expect(emit(event, page)).toBe(false)
    },
  )

  it('refuses webviews', () => {
    const { contents, emit } = fakeContents()
    guardNavigation(contents, () => undefined)
    expect(emit('will-attach-webview', 'about:blank')).toBe(true)
  })

  it('opens no window; a web link goes to the browser, anything else nowhere', () => {
    const { contents, openWindow } = fakeContents()
    const opened: string[] = []
    guardNavigation(contents, (url) => opened.push(url))
    expect(openWindow('https://example.com/a')).toEqual({ action: 'deny' })
    expect(openWindow('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(openWindow('app://commonplace/index.html')).toEqual({ action: 'deny' })
    expect(openWindow('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.com/a'])
  })
})
