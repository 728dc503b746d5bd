// The verifier compares line endings by the shared rule (src/shared/line-endings.ts), whichever
// side has CR: here a source version stored with CRLF and lone CR before sources were stored with
// "\n" only, which no import makes any more, so the store is a stand-in holding that one file.
import { readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { useTempDir } from '../../../test/support'
import type { CitationData } from '../../shared/essay'
import { openCommonplace } from './commonplace'
import { sha256 } from './ids'
import { SCHEMA_VERSION, type SourceEntry } from './store/schema'
import { textDirective } from './export/text-fragment'
import { CitationVerifier } from './verification'

const tempDir = useTempDir()
const TEXT = 'Old text, line one\r\nline two of it.\r\rAnother paragraph here.'
const START = TEXT.indexOf('line two')

/** A notebook holding one source written with CR line endings, clipped across them. */
async function verifierOfOldSource(): Promise<CitationVerifier> {
  const app = await openCommonplace(join(tempDir(), 'notebook'))
  const hash = sha256(TEXT)
  const importedAt = '2020-01-01T00:00:00.000Z'
  const entry: SourceEntry = {
    id: 's-oldnotes1',
    kind: 'txt',
    importedAt,
    currentVersionHash: hash,
    title: 'Old notes',
  }
  await app.store.write(async (tx) => {
    tx.createSource(
      {
        schemaVersion: SCHEMA_VERSION,
        id: entry.id,
        entry,
        versions: [{ hash, importedAt, fileName: 'old.txt' }],
        clippings: [
          {
            id: 'c-oldclip01',
            sourceId: entry.id,
            versionHash: hash,
            createdAt: importedAt,
            updatedAt: importedAt,
            note: '',
            tags: [],
            target: [
              { type: 'TextQuoteSelector', exact: TEXT.slice(START), prefix: '', suffix: '' },
              { type: 'TextPositionSelector', start: START, end: TEXT.length },
            ],
          },
        ],
      },
      [{ schemaVersion: SCHEMA_VERSION, hash, text: TEXT, html: '' }],
    )
    ;(await tx.library()).sources.push(entry)
  })
  return new CitationVerifier(app.store)
}

const citing = (exact: string): CitationData => ({
  clippingId: 'c-oldclip01',
  sourceId: 's-oldnotes1',
  snapshot: { exact, title: 'Old notes' },
})

describe('verification and line endings', () => {
  it.each([
    ['"\\n"', 'line two of it.\n\nAnother paragraph here.'],
    ['CRLF', 'line two of it.\r\n\r\nAnother paragraph here.'],
    ['the source’s own endings', TEXT.slice(START)],
  ])('verifies a quote with %s against a source stored with CR', async (_name, exact) => {
    const check = await (await verifierOfOldSource()).check(citing(exact))
    expect(check.state).toBe('verified')
    expect(check.quote).toBe('line two of it.\n\nAnother paragraph here.')
  })

  it('still sees a quote whose words differ', async () => {
    const check = await (
      await verifierOfOldSource()
    ).check(citing('line two of it.\n\nA paragraph here.'))
    expect(check.state).toBe('changed')
  })
})

describe('text fragments are computed once per passage', () => {
  it('a passage’s directive comes from the cache the second time, the same as computed', async () => {
    const verifier = await verifierOfOldSource()
    const text = 'A red rocket. Then a Red Rocket, and the red rocket again.'
    const start = text.lastIndexOf('red rocket')
    const computed = verifier.fragmentFor('hash-a', text, start, start + 10)
    expect(computed).toBe(textDirective(text, start, start + 10))
    expect(computed).toBe('#:~:text=Rocket%2C%20and%20the-,red%20rocket,-again.')
    // The version's text never changes, so the hash and offsets alone answer the second time.
    expect(verifier.fragmentFor('hash-a', '', start, start + 10)).toBe(computed)
    // Another passage of the same version, or the same offsets in another version, is its own.
    expect(verifier.fragmentFor('hash-a', text, 2, 12)).toBe(textDirective(text, 2, 12))
    expect(verifier.fragmentFor('hash-b', 'xx red rocket yy', 3, 13)).toBe('#:~:text=red%20rocket')
  })
})

describe('passages stored beside the store', () => {
  it('a fresh process verifies from the stored passage, the same as from the text', async () => {
    const first = await verifierOfOldSource()
    const checked = await first.check(citing(TEXT.slice(START)))
    expect(checked.state).toBe('verified')
    await first.savePassages()
    const dir = join(tempDir(), 'notebook')
    const saved = join(dir, 'derived', 'passages', `${sha256(TEXT)}.json`)
    expect(JSON.parse(await readFile(saved, 'utf8')).passages).toHaveProperty(
      `${START}:${TEXT.length}`,
    )
    // The text is content-addressed and never changes: the stored passage answers without it.
    await rename(join(dir, 'texts', `${sha256(TEXT)}.json`), join(dir, 'text-moved-away'))
    const app = await openCommonplace(dir)
    const fresh = await new CitationVerifier(app.store).check(citing(TEXT.slice(START)))
    expect(fresh).toEqual(checked)
  })

  it('a damaged stored file is ignored and the passage worked out from the text again', async () => {
    const first = await verifierOfOldSource()
    await first.check(citing(TEXT.slice(START)))
    await first.savePassages()
    const dir = join(tempDir(), 'notebook')
    await writeFile(join(dir, 'derived', 'passages', `${sha256(TEXT)}.json`), '{"format":1,')
    const app = await openCommonplace(dir)
    const fresh = await new CitationVerifier(app.store).check(citing('not the quote'))
    expect(fresh.state).toBe('changed')
    expect(fresh.current).toBe('line two of it.\n\nAnother paragraph here.')
  })
})

describe('a clipping made on another device', () => {
  const elsewhere = (clippingId: string): CitationData => ({
    clippingId,
    sourceId: 's-elsewhere',
    snapshot: { exact: 'A quote from elsewhere', title: 'Far report' },
  })

  it('is waiting while sync has told of it and not brought it, and missing otherwise', async () => {
    const app = await openCommonplace(join(tempDir(), 'notebook'))
    const verifier = new CitationVerifier(app.store, (id) => id === 'c-onitsway')
    const waiting = await verifier.check(elsewhere('c-onitsway'))
    expect(waiting.state).toBe('waiting')
    expect(waiting.message).toContain('sync has not brought it here yet')
    expect((await verifier.check(elsewhere('c-nevertold'))).state).toBe('missing')
  })
})
