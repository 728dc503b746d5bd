import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture } from '../../../../test/support'
import { extractArticle } from './article-html'
import { extractMarkdown, extractPlainText } from './text-formats'

describe('extractPlainText', () => {
  it('makes one paragraph of each run of lines between blank lines', () => {
    const { text } = extractPlainText('First line\nwrapped here.\r\n\r\n  \nSecond paragraph.\n')
    expect(text).toBe('First line wrapped here.\n\nSecond paragraph.')
  })

  it('makes each line a paragraph when the text has no blank line (the Anora file)', async () => {
    const txt = await readFixture(fixtureNames.anoraTxt)
    const { text, html } = extractPlainText(txt)
    const lines = txt.split('\n').filter((line) => line.trim() !== '')
    expect(text.split('\n\n')).toEqual(lines.map((line) => line.trim()))
    expect(text).toContain('\n\nA Film That Gets It Right\n\n')
    expect(html).toContain('>A Film That Gets It Right</p>')
  })

  it('gives the Anora file the same text as the Anora page’s article', async () => {
    const fromTxt = extractPlainText(await readFixture(fixtureNames.anoraTxt)).text
    const fromHtml = extractArticle(await readFixture(fixtureNames.anoraHtml)).text
    expect(fromHtml.endsWith(fromTxt)).toBe(true)
  })
})

describe('extractMarkdown', () => {
  it('takes metadata from front matter and shows raw HTML as text, never as markup', () => {
    const { text, html, metadata } = extractMarkdown(
      '---\ntitle: "A note"\nauthor: Ann\nurl: javascript:alert(1)\n---\n# Heading\n\n' +
        'Some *emphasis* and <img src=x onerror=alert(1)> here.\n',
    )
    expect(metadata).toMatchObject({ title: 'A note', author: 'Ann' })
    expect(metadata.url).toBeUndefined()
    expect(text).toBe('Heading\n\nSome emphasis and <img src=x onerror=alert(1)> here.')
    expect(html).not.toMatch(/<img/i)
    expect(html).toContain('<em>emphasis</em>')
  })

  it('uses the first heading as title when there is no front matter', () => {
    expect(extractMarkdown('# Field notes\n\nText.').metadata.title).toBe('Field notes')
  })
})
