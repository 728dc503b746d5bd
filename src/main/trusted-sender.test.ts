import { describe, expect, it } from 'vitest'
import { appOrigin, isTrustedSender, originOf } from './trusted-sender'

const dev = { devServerUrl: 'http://localhost:5173' }

describe('isTrustedSender', () => {
  it("accepts the app's own page, wherever in it the frame is", () => {
    expect(isTrustedSender(`${appOrigin}/index.html`)).toBe(true)
    expect(isTrustedSender(`${appOrigin}/`)).toBe(true)
    expect(isTrustedSender(`${appOrigin}/index.html?x=1#essay`)).toBe(true)
  })

  it('accepts the dev server only when one is configured, and only its exact origin', () => {
    expect(isTrustedSender('http://localhost:5173/', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/src/main.tsx', dev)).toBe(true)
    expect(isTrustedSender('http://localhost:5173/')).toBe(false)
    expect(isTrustedSender('http://localhost:5174/', dev)).toBe(false)
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false)
    expect(isTrustedSender('http://127.0.0.1:5173/', dev)).toBe(false)
    expect(isTrustedSender('http://localhost/', dev)).toBe(false)
  })

  it('accepts an injected origin (the e2e harness) and nothing near it', () => {
    const harness = { allowedOrigin: 'http://commonplace.localhost' }
    expect(isTrustedSender('http://commonplace.localhost/index.html', harness)).toBe(true)
    expect(isTrustedSender('http://commonplace.localhost.evil.com/', harness)).toBe(false)
    expect(isTrustedSender('http://commonplace.localhost:8080/', harness)).toBe(false)
    expect(isTrustedSender('http://commonplace.localhost/')).toBe(false)
  })

  it.each([
    ['a local file', 'file:///home/me/Downloads/evil.html'],
    [
      'the built page opened as a file',
      'file:///opt/Commonplace/resources/out/renderer/index.html',
    ],
    ['a file on a share', 'file://server/share/index.html'],
    ['another app: host', 'app://evil/index.html'],
    ['a longer app: host', 'app://commonplace.evil/index.html'],
    ['an app: host with a port', 'app://commonplace:443/index.html'],
    ['app: without a host', 'app:///commonplace/index.html'],
    ['an opaque app: URL', 'app:commonplace'],
    ['a dev-server look-alike host', 'http://localhost:5173.evil.com/'],
    ['credentials before the real host', 'http://localhost:5173@evil.com/'],
    ['credentials before the app host', 'app://commonplace@evil/index.html'],
    ['credentials on the app host itself', 'app://user:pass@commonplace/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>1</script>'],
    ['blob: of the app origin', `blob:${appOrigin}/5f0c-4a1e`],
    ['about:blank', 'about:blank'],
    ['an empty URL', ''],
    ['a malformed URL', 'http://[::1'],
    ['a bare word', 'commonplace'],
  ])('refuses %s', (_name, url) => {
    expect(isTrustedSender(url, dev)).toBe(false)
  })

  it('refuses a frame with no URL (a destroyed frame)', () => {
    expect(isTrustedSender(undefined, dev)).toBe(false)
  })

  it('never trusts file:// even when configured to', () => {
    expect(isTrustedSender('file:///x/index.html', { allowedOrigin: 'file:///x/index.html' })).toBe(
      false,
    )
  })
})

describe('originOf', () => {
  it('keeps scheme, host and port, for app: too (where URL.origin is "null")', () => {
    expect(originOf('app://commonplace/assets/x.js')).toBe('app://commonplace')
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173')
    expect(originOf('HTTP://LOCALHOST:5173/')).toBe('http://localhost:5173')
  })
})
