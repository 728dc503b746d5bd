import { describe, expect, it } from 'vitest'
import { fixtureNames, readFixture } from '../../../../test/support'
import { htmlNestingDepth, nestsDeeperThan, roughNestingDepth } from './html-depth'

const page = (body: string): string => `<!doctype html><html><body>${body}</body></html>`

describe('the quick nesting estimate', () => {
  it('puts the fixture articles near their exact depth, far below the limit', async () => {
    for (const name of [fixtureNames.bakerHtml, fixtureNames.anoraHtml, fixtureNames.hostileHtml]) {
      const html = await readFixture(name)
      const exact = htmlNestingDepth(html, 256)
      expect(roughNestingDepth(html)).toBeGreaterThanOrEqual(exact)
      expect(roughNestingDepth(html)).toBeLessThan(exact + 10)
    }
  })

  it('does not count tags inside scripts, styles or comments', () => {
    const inert = '<div>'.repeat(500)
    const html = page(
      `<script>var s = "${inert}"</script><style>/* ${inert} */</style><!-- ${inert} --><p>Hi</p>`,
    )
    expect(roughNestingDepth(html)).toBeLessThan(10)
    expect(nestsDeeperThan(html, 256)).toBe(false)
  })

  it('leaves deep and unclosed pages to the exact scan, which refuses them', () => {
    for (const html of [
      page(`${'<div>'.repeat(300)}x${'</div>'.repeat(300)}`),
      page('<div>'.repeat(300)),
      page('<span><b>'.repeat(200)),
    ]) {
      expect(roughNestingDepth(html)).toBeGreaterThan(128)
      expect(nestsDeeperThan(html, 256)).toBe(true)
    }
  })

  it('reads paragraphs and list items left open as the browser closes them', () => {
    const html = page(
      `${'<p>Paragraph '.repeat(400)}<ul>${'<li>Item '.repeat(400)}</ul>` +
        `${'<p><font>Styled '.repeat(300)}`,
    )
    // <font> left open in each <p> is where the estimate and the parser part: the exact scan decides.
    expect(nestsDeeperThan(html, 256)).toBe(false)
    expect(
      roughNestingDepth(page(`${'<p>Paragraph '.repeat(400)}<ul>${'<li>Item '.repeat(400)}</ul>`)),
    ).toBeLessThan(10)
  })
})
