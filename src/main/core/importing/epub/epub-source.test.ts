// A book through the services, as the app and the CLI import it: the version keeps its layout,
// and an updated edition re-anchors a clipping, whose chapter is found in the new layout.
import { describe, expect, it } from 'vitest'
import { bookBytes, bookChapters, bookEpub, writeEpub } from '../../../../../test/epub-fixtures'
import { useTempDir } from '../../../../../test/support'
import { locatorAt } from '../../../../shared/layout'
import { openCommonplace } from '../../commonplace'

const tempDir = useTempDir()

describe('an EPUB source', { timeout: 60_000 }, () => {
  it('keeps the chapters and printed pages with its version, and its sections for the reader', async () => {
    const app = await openCommonplace(tempDir())
    const { imported, failed } = await app.sources.importFiles([await bookEpub()])
    expect(failed).toEqual([])
    const detail = await app.sources.get(imported[0]!.id)
    expect(detail.source.kind).toBe('epub')
    expect(detail.version.layout?.chapters).toHaveLength(3)
    expect(detail.version.layout?.pages?.[0]).toMatchObject({ label: '7', start: 0 })
    expect(detail.version.html).toContain('<section data-chapter="2" id="chapter-2"')
  })

  it('re-anchors a clipping in an updated edition, where the new layout finds its chapter', async () => {
    const app = await openCommonplace(tempDir())
    const { imported } = await app.sources.importFiles([await bookEpub()])
    const book = imported[0]!
    const quote = 'Baker’s journey to the Oscars began in the San Fernando Valley'
    const clipping = await app.clippings.createFromQuote({ sourceId: book.id, quote })

    const chapters = await bookChapters()
    chapters[0]!.blocks.splice(1, 0, { kind: 'p', text: 'A foreword added in the second edition.' })
    const edition = await writeEpub('two-films-2nd.epub', await bookBytes({ chapters }))
    const report = await app.sources.reimport(book.id, edition)
    const anchor = report.anchors.find((each) => each.clippingId === clipping.id)
    expect(anchor?.state).toBe('moved')

    const detail = await app.sources.get(book.id)
    const [, position] = detail.clippings[0]!.target
    expect(detail.version.text.slice(position.start, position.end)).toBe(quote)
    expect(locatorAt(detail.version.layout, position.start, position.end)?.chapter).toEqual({
      number: 2,
      title: 'Anora at the Oscars',
    })
  })
})
