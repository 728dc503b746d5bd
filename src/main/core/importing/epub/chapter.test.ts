import { describe, expect, it } from 'vitest'
import { chapterText } from './chapter'

const page = (body: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>t</title></head><body>${body}</body></html>`

describe('chapterText', () => {
  it('reads a self-closed marker as empty, not as a span around the rest of the paragraph', () => {
    const { text, html } = chapterText(
      page('<p>One two <span id="p3"/><em>three</em> four.</p><p>Five.</p>'),
      [],
      256,
    )
    expect(text).toBe('One two three four.\n\nFive.')
    expect(html).toBe(
      '<p data-start="0">One two <em>three</em> four.</p><p data-start="21">Five.</p>',
    )
  })

  it('finds each marker’s place: mid-sentence, before a block, several at once, at the end', () => {
    const { text, anchors } = chapterText(
      page(
        '<div id="a"/><p>Alpha beta <span id="b"/> gamma<span id="c"/><span id="d"/> delta.</p>' +
          '<p>Omega.</p><span id="z"/>',
      ),
      ['a', 'b', 'c', 'd', 'z', 'not-there'],
      256,
    )
    expect(text).toBe('Alpha beta gamma delta.\n\nOmega.')
    const at = (id: string): string | undefined => {
      const offset = anchors.get(id)
      return offset === undefined ? undefined : text.slice(offset)
    }
    expect(at('a')).toMatch(/^Alpha/)
    expect(at('b')).toMatch(/^gamma/)
    expect(at('c')).toMatch(/^delta/)
    expect(at('d')).toMatch(/^delta/)
    expect(anchors.get('z')).toBe(text.length)
    expect(anchors.has('not-there')).toBe(false)
  })

  it('names the chapter by its first heading, without the marker of a page starting there', () => {
    const { heading, anchors } = chapterText(
      page('<span id="p1"/><h2>The   Start</h2><p>Words.</p>'),
      ['p1'],
      256,
    )
    expect(heading).toBe('The Start')
    expect(anchors.get('p1')).toBe(0)
  })

  it('leaves the book’s own private-use characters alone while marking', () => {
    const { text, anchors } = chapterText(
      page('<p>Icon \ue000 here <span id="p1"/>and there.</p>'),
      ['p1'],
      256,
    )
    expect(text).toBe('Icon \ue000 here and there.')
    expect(text.slice(anchors.get('p1'))).toBe('and there.')
  })

  it('drops page numbers written inside page breaks, and hidden elements', () => {
    const { text, anchors } = chapterText(
      page(
        '<p>Before the <span epub:type="pagebreak" id="p12">12</span>break.</p>' +
          '<nav hidden=""><ol><li>7</li></ol></nav><p role="doc-pagebreak" id="p13">13</p><p>After.</p>',
      ),
      ['p12', 'p13'],
      256,
    )
    expect(text).toBe('Before the break.\n\nAfter.')
    expect(text.slice(anchors.get('p12'))).toMatch(/^break/)
    expect(text.slice(anchors.get('p13'))).toBe('After.')
  })

  it('reads a chapter that is not well-formed XML (HTML entities, unclosed tags)', () => {
    const { text } = chapterText(page('<p>Caf&eacute;&nbsp;au lait<p>Second'), [], 256)
    expect(text).toBe('Café\u00a0au lait\n\nSecond')
  })
})
