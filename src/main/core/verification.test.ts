// The verifier compares line endings by the shared rule (src/shared/line-endings.ts), whichever
// side has CR: here a source version stored with CRLF and lone CR before sources were stored with
// "\n" only, which no import makes any more, so the store is a stand-in holding that one file.
import { describe, expect, it } from 'vitest'
import type { CitationData } from '../../shared/essay'
import type { LibraryStore } from './store/library-store'
import { CitationVerifier } from './verification'

const HASH = 'a'.repeat(64)
const TEXT = 'Old text, line one\r\nline two of it.\r\rAnother paragraph here.'
const START = TEXT.indexOf('line two')

function verifierOfOldSource(): CitationVerifier {
  const file = {
    schemaVersion: 1,
    id: 's-old',
    versions: [
      {
        hash: HASH,
        text: TEXT,
        html: '',
        importedAt: '2020-01-01T00:00:00.000Z',
        fileName: 'old.txt',
      },
    ],
    clippings: [
      {
        id: 'c-old',
        sourceId: 's-old',
        versionHash: HASH,
        target: [
          { type: 'TextQuoteSelector', exact: TEXT.slice(START), prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: START, end: TEXT.length },
        ],
      },
    ],
  }
  const entry = { id: 's-old', title: 'Old notes', importedAt: '2020-01-01T00:00:00.000Z' }
  const store = { sourceFile: async () => file, entry: () => entry }
  return new CitationVerifier(store as unknown as LibraryStore)
}

const citing = (exact: string): CitationData => ({
  clippingId: 'c-old',
  sourceId: 's-old',
  snapshot: { exact, title: 'Old notes' },
})

describe('verification and line endings', () => {
  it.each([
    ['"\\n"', 'line two of it.\n\nAnother paragraph here.'],
    ['CRLF', 'line two of it.\r\n\r\nAnother paragraph here.'],
    ['the source’s own endings', TEXT.slice(START)],
  ])('verifies a quote with %s against a source stored with CR', async (_name, exact) => {
    const check = await verifierOfOldSource().check(citing(exact))
    expect(check.state).toBe('verified')
    expect(check.quote).toBe('line two of it.\n\nAnother paragraph here.')
  })

  it('still sees a quote whose words differ', async () => {
    const check = await verifierOfOldSource().check(citing('line two of it.\n\nA paragraph here.'))
    expect(check.state).toBe('changed')
  })
})
