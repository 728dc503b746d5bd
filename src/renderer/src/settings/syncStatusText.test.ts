import { describe, expect, it } from 'vitest'
import { syncStatusText } from './SyncSettings'

describe('the sync status line', () => {
  const on = { enabled: true, server: 'ws://127.0.0.1:1234', notebook: 'notes', pendingUpdates: 0 }

  it('says sync is off, connected, offline with what waits, or refused with the reason', () => {
    expect(syncStatusText({ enabled: false, connected: false, pendingUpdates: 0 })).toMatch(
      /Sync is off/,
    )
    expect(syncStatusText({ ...on, connected: true })).toMatch(
      /^Connected to ws:\/\/127\.0\.0\.1:1234 as “notes”/,
    )
    expect(syncStatusText({ ...on, connected: false, pendingUpdates: 3 })).toBe(
      'Offline (ws://127.0.0.1:1234 as “notes”), with 3 changes waiting to be sent.',
    )
    expect(syncStatusText({ ...on, connected: false, error: 'Wrong token.' })).toBe(
      'Refused by ws://127.0.0.1:1234 as “notes”: Wrong token.',
    )
  })
})
