import { describe, expect, it } from 'vitest'
import type { SourceVersionSummary } from '../../../shared/ipc'
import { describeChange } from './versionChange'

const version = (change?: SourceVersionSummary['change']): SourceVersionSummary => ({
  hash: 'a'.repeat(64),
  importedAt: '2026-12-02T10:00:00.000Z',
  fileName: 'article.html',
  newest: false,
  clippedHere: 1,
  change,
})

describe('what a version changed, in a line', () => {
  it('says how the source began', () => {
    expect(describeChange(version())).toBe(
      'First version, from article.html; 1 clipping made on it',
    )
  })

  it('names the words and only the clipping states that occurred', () => {
    const clippings = { verified: 2, moved: 0, changed: 1, missing: 1 }
    expect(describeChange(version({ wordsAdded: 9, wordsRemoved: 14, clippings }))).toBe(
      '+9 / −14 words from article.html; clippings: 2 unchanged, 1 changed, 1 missing',
    )
    const none = { verified: 0, moved: 0, changed: 0, missing: 0 }
    expect(describeChange(version({ wordsAdded: 0, wordsRemoved: 0, clippings: none }))).toBe(
      'same words from article.html; no earlier clippings',
    )
  })
})
