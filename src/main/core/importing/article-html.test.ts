import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture } from '../../../../test/support'
import { extractArticle } from './article-html'

describe('extractArticle on a hostile page', () => {
  it('keeps nothing that runs, loads or navigates', async () => {
    const { html } = extractArticle(await readFixture(fixtureNames.hostileHtml))
    for (const pattern of [
      /<script/i,
      /\bon\w+\s*=/i,
      /javascript:/i,
      /<iframe/i,
      /<svg/i,
      /<img/i,
      /<base/i,
      /<meta/i,
      /style\s*=/i,
      /evil\.invalid|tracker\.invalid/,
    ])
      expect(html).not.toMatch(pattern)
  })

  it('still gives the article’s paragraphs, and no script text', async () => {
    const { text } = extractArticle(await readFixture(fixtureNames.hostileHtml))
    expect(text).toContain('Sean Baker’s new film Red Rocket is a fascinating look')
    expect(text).toContain('I hate the hypocrisy in our society')
    expect(text).toContain('it’s worth checking out.')
    expect(text).not.toContain('__pwned')
  })

  it('does not run the page’s scripts while reading it', async () => {
    const page = await readFixture(fixtureNames.hostileHtml)
    const before = (globalThis as { __pwned?: unknown }).__pwned
    extractArticle(page)
    expect((globalThis as { __pwned?: unknown }).__pwned).toBe(before)
  })
})

describe('extractArticle metadata', () => {
  it('reads the Baker page’s title, site, date and canonical URL, and no author', async () => {
    const { metadata } = extractArticle(await readFixture(fixtureNames.bakerHtml))
    expect(metadata.title).toBe('Sean Baker on why sex work keeps returning in his films')
    expect(metadata.siteName).toBe('CinemaBlend')
    expect(metadata.publishedAt).toBe('2021-12-10T09:00:00Z')
    expect(metadata.url).toBe('https://example.org/cinemablend/sean-baker-red-rocket-sex-work')
    expect(metadata.author).toBeUndefined()
  })

  it('reads the Anora page’s metadata, author included', async () => {
    const { metadata } = extractArticle(await readFixture(fixtureNames.anoraHtml))
    expect(metadata).toEqual({
      title: 'Sex workers cheer Anora ahead of the Oscars',
      author: 'AFP',
      siteName: 'AFP',
      publishedAt: '2025-02-24T08:00:00Z',
      url: 'https://example.org/afp/anora-sex-workers-oscars',
    })
  })

  it('ignores a canonical link that is not a web URL', () => {
    const { metadata } = extractArticle(
      '<html><head><link rel="canonical" href="javascript:alert(1)">' +
        '<meta property="og:title" content="  Padded title  "></head>' +
        '<body><article><p>Enough words to count as an article body for the reader.</p></article></body></html>',
    )
    expect(metadata.url).toBeUndefined()
    expect(metadata.title).toBe('Padded title')
  })
})
