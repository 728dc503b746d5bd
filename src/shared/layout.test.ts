import { describe, expect, it } from 'vitest'
import { locatorAt, locatorLabel, pageFragmentSelector, type SourceLayout } from './layout'

// Three pages of 100 characters each, the second printed as "ii", and two chapters.
const layout: SourceLayout = {
  pages: [
    { start: 0, end: 100, label: '1' },
    { start: 100, end: 200, label: 'ii' },
    { start: 200, end: 300, label: '3' },
  ],
  chapters: [
    { start: 0, end: 150, title: 'Beginnings' },
    { start: 150, end: 300, title: 'Endings' },
  ],
}

describe('locatorAt', () => {
  it('names the page and chapter a passage is on, by printed label and place in the file', () => {
    expect(locatorAt(layout, 110, 120)).toEqual({
      pages: { first: 'ii', last: 'ii', index: 2 },
      chapter: { number: 1, title: 'Beginnings' },
    })
  })

  it('names both pages of a passage across a page break, and no page it only ends before', () => {
    expect(locatorAt(layout, 190, 210)?.pages).toEqual({ first: 'ii', last: '3', index: 2 })
    expect(locatorAt(layout, 150, 200)?.pages).toEqual({ first: 'ii', last: 'ii', index: 2 })
    expect(locatorAt(layout, 160, 170)?.chapter?.title).toBe('Endings')
  })

  it('places an empty passage on the page it is in; nothing without a layout', () => {
    expect(locatorAt(layout, 200, 200)?.pages?.first).toBe('3')
    expect(locatorAt(undefined, 0, 10)).toBeUndefined()
    expect(locatorAt({}, 0, 10)).toBeUndefined()
  })

  it('does not name a page without text that sits between two others', () => {
    const withBlank: SourceLayout = {
      pages: [
        { start: 0, end: 50, label: '1' },
        { start: 50, end: 50, label: '2' },
        { start: 50, end: 90, label: '3' },
      ],
    }
    expect(locatorAt(withBlank, 10, 40)?.pages).toEqual({ first: '1', last: '1', index: 1 })
    expect(locatorAt(withBlank, 55, 60)?.pages).toEqual({ first: '3', last: '3', index: 3 })
  })
})

describe('locatorLabel and pageFragmentSelector', () => {
  it('writes "p.", "pp." with an en dash, or "chap." for a book without pages', () => {
    expect(locatorLabel(locatorAt(layout, 10, 20))).toBe('p. 1')
    expect(locatorLabel(locatorAt(layout, 190, 210))).toBe('pp. ii–3')
    expect(locatorLabel(locatorAt({ chapters: layout.chapters }, 160, 170))).toBe('chap. 2')
    expect(locatorLabel(undefined)).toBe('')
  })

  it('names the page by its place in the file, whatever is printed on it (RFC 3778)', () => {
    expect(pageFragmentSelector(locatorAt(layout, 110, 120))).toEqual({
      type: 'FragmentSelector',
      conformsTo: 'http://tools.ietf.org/rfc/rfc3778',
      value: 'page=2',
    })
    expect(pageFragmentSelector(locatorAt({ chapters: layout.chapters }, 0, 5))).toBeUndefined()
  })
})
