import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture } from '../../../../test/support'
import { extractArticle } from './article-html'
import { BLOCK_SEPARATOR, readerTextFrom, type ReaderText } from './reader-text'
import { extractPlainText } from './text-formats'

interface DisplayBlock {
  tag: string
  start: number
  text: string
}

/** The display HTML's blocks as the reader sees them: each element that carries `data-start`. */
function displayBlocks(html: string): DisplayBlock[] {
  const document = new JSDOM(`<body>${html}</body>`).window.document
  return Array.from(document.querySelectorAll('[data-start]')).map((element) => ({
    tag: element.tagName.toLowerCase(),
    start: Number(element.getAttribute('data-start')),
    text: element.textContent ?? '',
  }))
}

/** The reader's contract: every block sits at its offset, and the blocks make up the text. */
function expectBlocksMatchText({ text, html }: ReaderText): DisplayBlock[] {
  const blocks = displayBlocks(html)
  expect(blocks.length).toBeGreaterThan(0)
  for (const block of blocks) {
    expect(Number.isInteger(block.start)).toBe(true)
    expect(block.text).toBe(text.slice(block.start, block.start + block.text.length))
  }
  expect(blocks.map((block) => block.text).join(BLOCK_SEPARATOR)).toBe(text)
  return blocks
}

/** readerTextFrom on a snippet, as if it were a sanitized article body. */
function readerText(bodyHtml: string): ReaderText {
  const document = new JSDOM(`<body>${bodyHtml}</body>`).window.document
  return readerTextFrom(document.body)
}

describe('extractArticle on the fixture pages', () => {
  it.each([fixtureNames.bakerHtml, fixtureNames.anoraHtml, fixtureNames.hostileHtml])(
    '%s: each display block holds exactly its slice of the text',
    async (name) => {
      const article = extractArticle(await readFixture(name))
      const blocks = expectBlocksMatchText(article)
      expect(blocks.length).toBeGreaterThanOrEqual(5)
    },
  )

  it('keeps only the article: no navigation, ads, related links or footer', async () => {
    const { text } = extractArticle(await readFixture(fixtureNames.bakerHtml))
    expect(text.startsWith('Sean Baker’s new film Red Rocket')).toBe(true)
    expect(text.endsWith('it’s worth checking out.')).toBe(true)
    for (const chrome of ['Subscribe to our newsletter', 'Advertisement', 'Box office', 'Cookie'])
      expect(text).not.toContain(chrome)
  })

  it('keeps typographic apostrophes, quotes, dashes and ellipses as they are', async () => {
    const baker = extractArticle(await readFixture(fixtureNames.bakerHtml)).text
    expect(baker).toContain('Sean Baker’s new film')
    expect(baker).toContain('throughout my filmography… I hate the hypocrisy')
    const anora = extractArticle(await readFixture(fixtureNames.anoraHtml)).text
    expect(anora).toContain('“Sean gets sex work. He just does,”')
    expect(anora).toContain('gets it right—and actually cares')
    expect(anora).toContain('clichés')

    const bakerTxt = await readFixture(fixtureNames.bakerTxt)
    const count = (text: string, char: string): number => text.split(char).length - 1
    for (const char of ['’', '…']) expect(count(baker, char)).toBe(count(bakerTxt, char))
  })

  it('gives the Baker page exactly the text of the Baker plain-text file', async () => {
    const fromHtml = extractArticle(await readFixture(fixtureNames.bakerHtml)).text
    const fromTxt = extractPlainText(await readFixture(fixtureNames.bakerTxt)).text
    expect(fromHtml).toBe(fromTxt)
  })

  it('keeps the Anora page’s section headings as heading blocks', async () => {
    const blocks = expectBlocksMatchText(extractArticle(await readFixture(fixtureNames.anoraHtml)))
    const headings = blocks.filter((block) => block.tag === 'h2').map((block) => block.text)
    expect(headings).toEqual([
      'A Film That Gets It Right',
      'A Milestone for Sex Work Representation',
      'Breaking Down Barriers',
    ])
  })
})

describe('readerTextFrom', () => {
  it('collapses runs of whitespace the way a browser shows them', () => {
    const result = readerText('<p>\n   Hello   <em> wide </em>\n\t world  </p>')
    expect(result.text).toBe('Hello wide world')
    expectBlocksMatchText(result)
    expect(result.html).toContain('<em>')
  })

  it('keeps non-breaking spaces, which a browser does not collapse', () => {
    expect(readerText('<p>10&nbsp;&nbsp;km</p>').text).toBe('10\u00a0\u00a0km')
  })

  it('turns <br> into a line break inside the block and drops it at the edges', () => {
    const result = readerText('<p><br>line one<br>line two<br></p>')
    expect(result.text).toBe('line one\nline two')
    expectBlocksMatchText(result)
    expect(displayBlocks(result.html)).toHaveLength(1)
  })

  it('does not let whitespace after a <br> start the next line', () => {
    const result = readerText('<p>first<br>   second</p>')
    expect(result.text).toBe('first\nsecond')
    expectBlocksMatchText(result)
  })

  it('keeps preformatted text as written, apart from the edges', () => {
    const result = readerText('<pre>  code\n    indented  \n\n</pre>')
    expect(result.text).toBe('  code\n    indented')
    expectBlocksMatchText(result)
  })

  it('makes loose text around blocks into paragraphs and skips empty blocks', () => {
    const result = readerText('<div>before <b>bold</b><p>  </p><p>inside</p>after</div>')
    expect(result.text).toBe('before bold\n\ninside\n\nafter')
    expectBlocksMatchText(result)
  })

  it('gives every item of nested lists its own block', () => {
    const result = readerText(
      '<ul><li>one<ul><li>one.a</li><li>one.b</li></ul></li><li>two</li></ul>' +
        '<ol><li>first <em>step</em></li><li>second</li></ol>',
    )
    expect(result.text).toBe('one\n\none.a\n\none.b\n\ntwo\n\nfirst step\n\nsecond')
    const blocks = expectBlocksMatchText(result)
    expect(blocks.filter((block) => block.tag === 'li').map((block) => block.text)).toEqual(
      expect.arrayContaining(['one.a', 'one.b', 'two', 'first step', 'second']),
    )
    const document = new JSDOM(`<body>${result.html}</body>`).window.document
    expect(document.querySelector('ol')?.textContent).toBe('first stepsecond')
  })

  it('gives each paragraph of nested blockquotes its own quote block', () => {
    const result = readerText(
      '<p>He said:</p><blockquote><p>outer</p><blockquote><p>inner</p></blockquote>' +
        'loose words</blockquote><p>after</p>',
    )
    expect(result.text).toBe('He said:\n\nouter\n\ninner\n\nloose words\n\nafter')
    const blocks = expectBlocksMatchText(result)
    expect(blocks.map((block) => block.tag)).toEqual([
      'p',
      'blockquote',
      'blockquote',
      'blockquote',
      'p',
    ])
  })

  it('keeps web links and drops any other href', () => {
    const result = readerText(
      '<p><a href="javascript:alert(1)">bad</a> and <a href=" https://example.org/x ">good</a></p>',
    )
    expect(result.text).toBe('bad and good')
    expect(result.html).not.toContain('javascript:')
    expect(result.html).toContain('href="https://example.org/x"')
  })
})
