import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture } from '../../../../test/support'
import { readerTextFrom } from './reader-text'
import { narrowWideLists } from './wide-lists'

/** The reader text of `html`'s body, its lists narrowed to `width` siblings or left as they are. */
function readerText(html: string, width?: number): { text: string; html: string } {
  const document = new JSDOM(html).window.document
  if (width !== undefined) narrowWideLists(document.body, width)
  return readerTextFrom(document.body)
}

/** The same text with any list of more than `width` siblings regrouped, and no list wider. */
function expectSameReaderText(html: string, width: number): void {
  const document = new JSDOM(html).window.document
  narrowWideLists(document.body, width)
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    expect(element.childNodes.length).toBeLessThanOrEqual(width)
  }
  expect(readerText(html, width)).toEqual(readerText(html))
}

describe('narrowWideLists', () => {
  it('keeps every block and every inline run whole, however narrow the groups', () => {
    const html =
      '<body>Loose <b>bold</b> text <span>in <i>a</i> run</span> before a block.' +
      '<p>One</p><p>Two <em>2</em></p>' +
      '<div>A div of <a href="https://example.org">inline</a> words<br>broken once.</div>' +
      'More loose words, <code>code</code>, and <span>a span <div>holding a block</div></span>.' +
      '<ul><li>a</li><li>b</li><li>c</li><li>d</li><li>e</li></ul>' +
      '<blockquote><p>q1</p>loose quoted<p>q2</p><p>q3</p></blockquote>' +
      '<pre>  keep\n   the  spaces <b>and</b>\nlines</pre>' +
      '<table><tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table></body>'
    for (const width of [2, 3, 4, 5]) expectSameReaderText(html, width)
  })

  it('keeps the fixture articles as they were', async () => {
    for (const name of [fixtureNames.bakerHtml, fixtureNames.anoraHtml, fixtureNames.hostileHtml]) {
      expectSameReaderText(await readFixture(name), 3)
    }
  })

  it('regroups a list wider than a group of groups, level by level', () => {
    const words = Array.from({ length: 100 }, (_, i) => `<b>w${i}</b>`).join(' ')
    const blocks = Array.from({ length: 100 }, (_, i) => `<p>p${i}</p>`).join('')
    expectSameReaderText(`<body><p>${words}</p>${blocks}</body>`, 4)
  })
})
