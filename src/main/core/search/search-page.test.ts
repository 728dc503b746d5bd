import { describe, expect, it } from 'vitest'
import type { Clipping } from '../../../shared/domain'
import type { SourceEntry, SourceFile } from '../store/schema'
import { ClippingSearchIndex } from './clipping-search-index'
import { parseQuery } from './query'

/** 3,000 clippings over 3 sources, all holding "harbour", some in the note only, dates shuffled. */
function indexOfMany(): ClippingSearchIndex {
  const index = new ClippingSearchIndex()
  let made = 0
  for (const sourceId of ['s-aaaa1', 's-bbbb2', 's-cccc3']) {
    const entry = {
      id: sourceId,
      kind: 'txt',
      title: `Letters from the harbour ${sourceId}`,
      importedAt: '2026-01-01T00:00:00.000Z',
      currentVersionHash: 'a'.repeat(64),
    } as SourceEntry
    const clippings = Array.from({ length: 1000 }, (): Clipping => {
      const n = made++
      // A stride that is coprime with the count: dates out of the clippings' order.
      const minute = (n * 7919) % 3000
      const createdAt = new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString()
      const inQuote = n % 3 !== 0
      return {
        id: `c-${n.toString(36).padStart(5, '0')}`,
        sourceId,
        versionHash: 'a'.repeat(64),
        createdAt,
        updatedAt: createdAt,
        note: inQuote ? '' : 'seen at the harbour',
        tags: [],
        target: [
          {
            type: 'TextQuoteSelector',
            exact: inQuote ? 'boats in the harbour' : 'boats',
            prefix: '',
            suffix: '',
          },
          { type: 'TextPositionSelector', start: 0, end: 5 },
        ],
      } as Clipping
    })
    const file = { schemaVersion: 2, id: sourceId, entry, versions: [], clippings } as SourceFile
    index.updateSource(sourceId, file, entry)
  }
  return index
}

describe('a page of search results', () => {
  it('is the same slice of the full order, picked without ordering every match', () => {
    const index = indexOfMany()
    const query = parseQuery('harbour')
    const all = index.search(query).map((hit) => hit.id)
    expect(all).toHaveLength(3000)
    for (const [start, limit] of [
      [0, 50],
      [50, 50],
      [1950, 50],
      [2990, 50],
    ] as const) {
      // A fresh index each time, so the page is not cut from an order the last search made.
      const page = indexOfMany().searchPage(query, start, limit)
      expect(page.total).toBe(3000)
      expect(page.hits.map((hit) => hit.id)).toEqual(all.slice(start, start + limit))
    }
  })
})
