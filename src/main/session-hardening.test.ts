import { describe, expect, it } from 'vitest'
import { dictionaryDownloadUrl, hardenSession, type HardenableSession } from './session-hardening'

function fakeSession() {
  const set: {
    request?: Parameters<HardenableSession['setPermissionRequestHandler']>[0]
    check?: Parameters<HardenableSession['setPermissionCheckHandler']>[0]
    dictionaries?: string
  } = {}
  const session: HardenableSession = {
    setPermissionRequestHandler: (handler) => void (set.request = handler),
    setPermissionCheckHandler: (handler) => void (set.check = handler),
    setSpellCheckerDictionaryDownloadURL: (url) => void (set.dictionaries = url),
  }
  return { session, set }
}

const permissions = [
  'media',
  'notifications',
  'geolocation',
  'clipboard-read',
  'clipboard-sanitized-write',
  'fullscreen',
  'openExternal',
  'hid',
  'serial',
  'usb',
  'unknown',
]

describe('hardenSession', () => {
  it.each(permissions)('refuses a request for %s', (permission) => {
    const { session, set } = fakeSession()
    hardenSession(session)
    const answers: boolean[] = []
    set.request?.({}, permission, (granted) => answers.push(granted))
    expect(answers).toEqual([false])
  })

  it.each(permissions)('answers a check for %s with "not granted"', (permission) => {
    const { session, set } = fakeSession()
    hardenSession(session)
    expect(set.check?.({}, permission)).toBe(false)
  })

  it('points dictionary downloads at a URL that no network serves', () => {
    const { session, set } = fakeSession()
    hardenSession(session)
    expect(set.dictionaries).toBe(dictionaryDownloadUrl)
    const url = new URL(dictionaryDownloadUrl)
    expect(url.protocol).toBe('app:')
    expect(url.pathname.endsWith('/')).toBe(true)
  })
})
