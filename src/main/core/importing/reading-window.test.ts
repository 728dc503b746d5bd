// One jsdom window and one DOMPurify per worker: pages read one after another in it are each
// sanitized as if read alone, and Readability's tag-list queries get jsdom's own answers.
import createDOMPurify from 'dompurify'
import { JSDOM } from 'jsdom'
import { describe, expect, it, vi } from 'vitest'
import { fixtureNames, readFixture } from '../../../../test/support'
import { extractArticle } from './article-html'
import { extractMarkdown, extractPlainText } from './text-formats'
import { elementsWithTags } from './tag-selector'

vi.mock('dompurify', async (importOriginal) => {
  const actual = await importOriginal<typeof import('dompurify')>()
  return { default: vi.fn(actual.default) }
})

const dangerous = [
  /<script/i,
  /\bon\w+\s*=/i,
  /javascript:/i,
  /<iframe/i,
  /<svg/i,
  /<img/i,
  /style\s*=/i,
  /evil\.invalid|tracker\.invalid/,
]

describe('the reading window', () => {
  it('sanitizes the hostile page the same before and after other pages, with one DOMPurify', async () => {
    const hostile = await readFixture(fixtureNames.hostileHtml)
    const first = extractArticle(hostile)
    const baker = extractArticle(await readFixture(fixtureNames.bakerHtml))
    extractPlainText('Some text.\n\nMore text.')
    extractMarkdown('# Notes\n\nA paragraph.')
    const again = extractArticle(hostile)
    expect(again).toEqual(first)
    for (const pattern of dangerous) expect(again.html).not.toMatch(pattern)
    expect(again.text).toContain('I hate the hypocrisy in our society')
    // The hostile page left nothing behind in the window for the next page.
    expect(extractArticle(await readFixture(fixtureNames.bakerHtml))).toEqual(baker)
    expect(vi.mocked(createDOMPurify)).toHaveBeenCalledTimes(1)
  })
})

/** An element as a diff can show it (printing jsdom elements themselves fails). */
function nameOf(element: Element): string {
  return `${element.localName} ${element.textContent?.slice(0, 20) ?? ''}`
}

describe('tag lists answered by a walk', () => {
  // The lists Readability asks for, and a few more with SVG and upper case.
  const lists = [
    'p,td,pre',
    'h1,h2',
    'div,section,header,h1,h2,h3,h4,h5,h6',
    'img,picture,figure,video,audio,svg,iframe,object,embed',
    'table,ul,div,aside',
    'P , LI',
    'svg,path,clipPath',
  ]

  // Nested blocks, a table, SVG with a camel-case element, tags in upper case.
  const nested =
    '<DIV class="page"><header><h1>Title</h1></header><div><section><div><p>One <b>two</b></p>' +
    '<table><tr><td><p>Cell</p></td></tr></table></div><aside><ul><li><p>Item</p></li></ul>' +
    '</aside></section><svg><clipPath><path d="M0"/></clipPath></svg><PRE>code</PRE></div></DIV>'

  it('finds what jsdom’s selector engine finds, in the same order', async () => {
    const pages = [
      ...(await Promise.all(
        [fixtureNames.bakerHtml, fixtureNames.anoraHtml, fixtureNames.hostileHtml].map(readFixture),
      )),
      nested,
    ]
    for (const [index, page] of pages.entries()) {
      const name = `page ${index}`
      const document = new JSDOM(page).window.document
      for (const root of [
        document as ParentNode,
        document.body,
        document.querySelector('article'),
      ]) {
        if (!root) continue
        for (const list of lists) {
          const ours = elementsWithTags(
            root,
            list.split(',').map((tag) => tag.trim()),
          )
          const theirs = [...root.querySelectorAll(list)]
          expect(ours.map(nameOf), `${name}: ${list}`).toEqual(theirs.map(nameOf))
          expect(ours.every((element, index) => element === theirs[index])).toBe(true)
        }
      }
    }
  })
})
