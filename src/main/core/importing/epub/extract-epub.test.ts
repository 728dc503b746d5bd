import { readFile } from 'node:fs/promises'
import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  bookBytes,
  bookChapters,
  bookMetadata,
  fixturePages,
  pandocEpub,
} from '../../../../../test/epub-fixtures'
import { noPandoc } from '../../../../../test/pandoc'
import { readFixture } from '../../../../../test/support'
import { extractFile } from '../extract-file'
import { readingWindow } from '../reading-window'
import { EpubUnreadable, extractEpub } from './extract-epub'

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(EpubUnreadable)
    return (error as Error).message
  }
  throw new Error('expected a refusal')
}

describe('extractEpub on an EPUB 3 book', () => {
  it('reads the chapters in spine order, leaving out the picture-only cover', async () => {
    const chapters = await bookChapters()
    const { text, layout } = extractEpub(await bookBytes())
    expect(layout.chapters?.map((chapter) => chapter.title)).toEqual([
      'Red Rocket',
      'Anora at the Oscars',
      'A Film That Gets It Right',
    ])
    // Each chapter's span holds that chapter's words, first to last.
    layout.chapters?.forEach((span, index) => {
      const chapter = text.slice(span.start, span.end)
      const blocks = chapters[index]!.blocks
      expect(chapter.startsWith(blocks[0]!.text)).toBe(true)
      expect(chapter.endsWith(blocks[blocks.length - 1]!.text)).toBe(true)
    })
  })

  it('covers the whole text with its chapters, in order, one block separator apart', async () => {
    const { text, layout } = extractEpub(await bookBytes())
    const spans = layout.chapters ?? []
    expect(spans[0]?.start).toBe(0)
    expect(spans[spans.length - 1]?.end).toBe(text.length)
    for (let index = 1; index < spans.length; index++) {
      expect(spans[index]!.start).toBe(spans[index - 1]!.end + 2)
      expect(text.slice(spans[index - 1]!.end, spans[index]!.start)).toBe('\n\n')
    }
  })

  it('keeps the text that the articles’ lines make, typographic quotes and all', async () => {
    const { text } = extractEpub(await bookBytes())
    const baker = (await readFixture('baker-red-rocket-interview.txt')).split(/\r?\n/)[0]!.trim()
    expect(text).toContain(baker.replace(/\s+/g, ' '))
    expect(text).toContain('“Sean gets sex work. He just does,”')
  })

  it('wraps each chapter in a labelled section whose blocks carry offsets into the text', async () => {
    const { text, html, layout } = extractEpub(await bookBytes())
    const document = readingWindow().parse(html)
    const sections = Array.from(document.querySelectorAll('section[data-chapter]'))
    expect(sections.map((section) => section.getAttribute('aria-label'))).toEqual(
      layout.chapters?.map((chapter) => chapter.title),
    )
    expect(sections.map((section) => section.id)).toEqual(['chapter-1', 'chapter-2', 'chapter-3'])
    for (const block of document.querySelectorAll('[data-start]')) {
      const start = Number(block.getAttribute('data-start'))
      const words = block.textContent ?? ''
      expect(text.slice(start, start + words.length)).toBe(words)
    }
    const second = sections[1]!.querySelector('[data-start]')
    expect(Number(second?.getAttribute('data-start'))).toBe(layout.chapters?.[1]?.start)
  })

  it('places each printed page where its marker stands, on the right words', async () => {
    const pages = fixturePages(await bookChapters())
    const { text, layout } = extractEpub(await bookBytes())
    expect(layout.pages?.map((page) => page.label)).toEqual(pages.map((page) => page.label))
    layout.pages?.forEach((span, index) => {
      expect(text.slice(span.start).startsWith(pages[index]!.firstWords)).toBe(true)
      expect(span.end).toBe(layout.pages?.[index + 1]?.start ?? text.length)
    })
    // Markers are gone from the text, and a marker between two words leaves one space.
    expect(text).not.toMatch(/[\ue000-\uf8ff]/)
    expect(text).not.toMatch(/ {2}/)
  })

  it('takes the metadata: main title, authors (not the illustrator), publisher, date, the ISBN', async () => {
    const { metadata } = extractEpub(await bookBytes())
    expect(metadata).toEqual({
      title: bookMetadata.title,
      author: 'Ada Reviewer and Ben Critic',
      publisher: bookMetadata.publisher,
      publishedAt: bookMetadata.date,
      identifier: bookMetadata.isbn,
    })
  })
})

describe('extractEpub on an EPUB 2 book', () => {
  it('takes chapter titles from toc.ncx (nested entries too) and pages from its pageList', async () => {
    const pages = fixturePages(await bookChapters())
    const { text, layout } = extractEpub(await bookBytes({ version: 2 }))
    expect(layout.chapters?.map((chapter) => chapter.title)).toEqual([
      'Red Rocket',
      'Anora at the Oscars',
      'A Film That Gets It Right',
    ])
    expect(layout.pages?.map((page) => text.slice(page.start).slice(0, 40))).toEqual(
      pages.map((page) => expect.stringMatching(new RegExp(`^${page.firstWords}`))),
    )
  })

  it('reads opf:role, opf:scheme="ISBN" and the publication date among others', async () => {
    const { metadata } = extractEpub(await bookBytes({ version: 2 }))
    expect(metadata).toMatchObject({
      author: 'Ada Reviewer and Ben Critic',
      identifier: bookMetadata.isbn,
      publishedAt: bookMetadata.date,
    })
  })

  it('names an untitled chapter by its first heading', async () => {
    const chapters = await bookChapters()
    const { layout } = extractEpub(
      await bookBytes({
        version: 2,
        chapters: chapters.slice(0, 1),
        extraChapterBody: '<h2>Coda</h2><p>The end.</p>',
      }),
    )
    expect(layout.chapters?.map((chapter) => chapter.title)).toEqual(['Red Rocket', 'Coda'])
  })
})

describe('extractEpub keeps nothing that runs or loads', () => {
  const hostile = `<h1>Hostile</h1>
<script>window.__pwned = 1</script>
<p onclick="steal()">Kept words <img src="https://tracker.invalid/pixel.gif" onerror="steal()"/> and more.</p>
<iframe src="https://evil.invalid/"></iframe>
<p><a href="javascript:steal()">a link</a> <a href="https://example.org/">a web link</a></p>
<svg xmlns="http://www.w3.org/2000/svg"><script>steal()</script></svg>
<style>@import url(https://evil.invalid/x.css);</style>`

  it('drops scripts, handlers, remote pictures and frames, keeping the words', async () => {
    const { text, html } = extractEpub(await bookBytes({ extraChapterBody: hostile }))
    for (const pattern of [
      /<script/i,
      /\bon\w+\s*=/i,
      /javascript:/i,
      /<iframe/i,
      /<svg/i,
      /<img/i,
      /<style/i,
      /evil\.invalid|tracker\.invalid/,
    ])
      expect(html).not.toMatch(pattern)
    expect(text).toContain('Kept words and more.')
    expect(text).not.toMatch(/pwned|steal/)
    expect(html).toContain('<a href="https://example.org/">a web link</a>')
  })
})

describe('extractEpub refuses what it cannot read, saying why', () => {
  it('refuses a file that is not a zip', () => {
    expect(refusal(() => extractEpub(strToU8('just some text')))).toBe(
      'is not an EPUB (it is not a zip archive).',
    )
  })

  it('refuses a truncated archive as damaged', async () => {
    const whole = await bookBytes()
    expect(refusal(() => extractEpub(whole.subarray(0, Math.floor(whole.length * 0.6))))).toMatch(
      /^is damaged: its zip archive cannot be read/,
    )
  })

  it('refuses a book whose chapters are encrypted, but reads one whose fonts are obfuscated', async () => {
    const aes = 'http://www.w3.org/2001/04/xmlenc#aes128-cbc'
    const drm = await bookBytes({ encrypted: [{ path: 'OEBPS/text/ch1.xhtml', algorithm: aes }] })
    expect(refusal(() => extractEpub(drm))).toBe('is protected by DRM; Commonplace cannot read it.')
    const fonts = await bookBytes({
      encrypted: [
        { path: 'OEBPS/fonts/serif.otf', algorithm: 'http://www.idpf.org/2008/embedding' },
      ],
    })
    expect(extractEpub(fonts).text).toContain('Red Rocket')
  })

  it('refuses a zip without container.xml, and one whose package file is missing', () => {
    const bare = zipSync({ mimetype: strToU8('application/epub+zip'), 'a.xhtml': strToU8('<p/>') })
    expect(refusal(() => extractEpub(bare))).toMatch(/has no META-INF\/container\.xml/)
    const noOpf = zipSync({
      'META-INF/container.xml': strToU8(
        '<container><rootfiles><rootfile full-path="OEBPS/book.opf"/></rootfiles></container>',
      ),
    })
    expect(refusal(() => extractEpub(noOpf))).toMatch(/package file OEBPS\/book\.opf is missing/)
  })

  it('refuses more entries, or more unpacked bytes, than its limits', async () => {
    const book = await bookBytes()
    expect(refusal(() => extractEpub(book, 256, { maxEntries: 5, maxUnpackedBytes: 1e9 }))).toMatch(
      /more than 5 files .* possible zip bomb/,
    )
    expect(
      refusal(() => extractEpub(book, 256, { maxEntries: 100, maxUnpackedBytes: 4096 })),
    ).toMatch(/would unpack to more than 0 MB.*zip bomb/)
  })

  it('refuses an entry whose directory claims gigabytes, before unpacking anything', () => {
    const zip = zipSync({
      mimetype: strToU8('application/epub+zip'),
      'big.xhtml': new Uint8Array(100),
    })
    // Central directory header "PK\1\2": the uncompressed size is at offset 24.
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
    for (let at = 0; at < zip.length - 4; at++) {
      if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, 0xfffffff0, true)
    }
    expect(refusal(() => extractEpub(zip))).toMatch(/would unpack to more than 256 MB/)
  })

  it('leaves out a chapter missing from the archive, and reads the rest', async () => {
    const { layout } = extractEpub(await bookBytes({ missingChapter: true }))
    expect(layout.chapters?.map((chapter) => chapter.title)).toEqual([
      'Red Rocket',
      'A Film That Gets It Right',
    ])
  })

  it('words the refusal with the file’s name through extractFile', async () => {
    await expect(
      extractFile({ fileName: 'notes.epub', kind: 'epub', bytes: strToU8('hello') }, 256),
    ).rejects.toThrow('notes.epub: is not an EPUB (it is not a zip archive).')
  })
})

describe.skipIf(noPandoc)('extractEpub on books Pandoc made', () => {
  it.each([3, 2] as const)(
    'reads an EPUB %i: chapters, contents titles, metadata',
    async (version) => {
      const { text, layout, metadata } = extractEpub(await readFile(await pandocEpub(version)))
      // Pandoc's title page comes first, then one chapter per top-level heading.
      expect(layout.chapters?.map((chapter) => chapter.title).slice(-2)).toEqual([
        'Red Rocket',
        'Anora',
      ])
      const anora = layout.chapters?.[layout.chapters.length - 1]
      expect(text.slice(anora?.start, anora?.end)).toMatch(/^Anora\n\nFor a film about sex work/)
      expect(metadata).toMatchObject({
        title: 'Made by Pandoc',
        author: 'Ann One and Bob Two',
        publisher: 'Pandoc Press',
        identifier: '978-0-306-40615-7',
      })
    },
  )
})
