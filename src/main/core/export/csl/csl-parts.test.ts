// The pieces between Commonplace's fields and citeproc: locators, names, the engine's HTML.
import { describe, expect, it } from 'vitest'
import { cslHtmlToMarkdown, cslHtmlToText } from './html-markdown'
import { parseLocator } from './locator'
import { cslName, cslNames } from './names'
import { styleProblem } from './styles'

describe('locators for CSL', () => {
  it('reads the label and value a writer (or a page label) gives', () => {
    expect(parseLocator('p. 12')).toEqual({ label: 'page', locator: '12' })
    expect(parseLocator('pp. 4–5')).toEqual({ label: 'page', locator: '4–5' })
    expect(parseLocator('12')).toEqual({ label: 'page', locator: '12' })
    expect(parseLocator('p. iv')).toEqual({ label: 'page', locator: 'iv' })
    expect(parseLocator('chap. 3')).toEqual({ label: 'chapter', locator: '3' })
    expect(parseLocator('§ 2')).toEqual({ label: 'section', locator: '2' })
    expect(parseLocator('para. 5')).toEqual({ label: 'paragraph', locator: '5' })
    expect(parseLocator('  ')).toBeUndefined()
    expect(parseLocator('the opening scene')).toEqual({ suffix: ', the opening scene' })
  })
})

describe('names for CSL', () => {
  it('splits a personal name, keeps an organisation whole', () => {
    expect(cslName('Ada Marsh')).toEqual({ family: 'Marsh', given: 'Ada' })
    expect(cslName('Marsh, Ada')).toEqual({ family: 'Marsh', given: 'Ada' })
    expect(cslName('Vincent van Gogh')).toEqual({ family: 'van Gogh', given: 'Vincent' })
    expect(cslName('AFP')).toEqual({ literal: 'AFP' })
    expect(cslName('BBC News')).toEqual({ literal: 'BBC News' })
    expect(cslNames('Ada Marsh and Ben Lee')).toEqual([
      { family: 'Marsh', given: 'Ada' },
      { family: 'Lee', given: 'Ben' },
    ])
    expect(cslNames('Smith & sons')).toEqual([{ literal: 'Smith & sons' }])
  })
})

describe('citeproc HTML to Markdown', () => {
  it('keeps italics, escapes Markdown, links web addresses', () => {
    expect(cslHtmlToMarkdown('Marsh, <i>A *bold* [claim]</i>, 12.')).toBe(
      'Marsh, *A \\*bold\\* \\[claim\\]*, 12.',
    )
    expect(
      cslHtmlToMarkdown('Smith &#38; Sons, <i>T<span style="font-style:normal;">x</span></i>'),
    ).toBe('Smith \\& Sons, *T*x**')
    expect(cslHtmlToMarkdown('Site, 2021, https://example.org/a_b.')).toBe(
      'Site, 2021, <https://example.org/a_b>.',
    )
    expect(cslHtmlToText('(<i>Title</i>, 2021, p.&#160;12)')).toBe('(Title, 2021, p. 12)')
  })
})

describe('checking a style file', () => {
  it('names what is wrong', () => {
    expect(styleProblem('{"not": "xml"}')).toBe('it is not XML')
    expect(styleProblem('<html></html>')).toBe('its root element is <html>, not <style>')
    expect(styleProblem('<style>p { color: red }</style>')).toMatch(/not in the CSL namespace/)
    expect(
      styleProblem('<style xmlns="http://purl.org/net/xbiblio/csl" class="note"><citation/>'),
    ).toMatch(/not complete XML/)
  })
})
