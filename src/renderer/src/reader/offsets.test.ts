// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { applyHighlights } from './highlights'
import { offsetOf, selectionOffsets } from './offsets'

// Display HTML shaped like main's reader-text output: leaf blocks with data-start, lists as
// containers, inline markup kept, <br> already turned into "\n".
const blocks: [string, string][] = [
  ['h2', 'A <em>short</em> title'],
  ['p', 'Baker’s work does <a href="https://example.org">a great job</a> at it.'],
  ['li', 'first item'],
  ['li', 'second <strong>item</strong>'],
  ['blockquote', 'line one\nline two'],
  ['p', '“Sean gets sex work. He just does,” she said — twice…'],
]

let root: HTMLElement
let text: string

function build(): void {
  root = document.createElement('div')
  const parts: string[] = []
  let offset = 0
  let list: HTMLElement | null = null
  for (const [tag, inner] of blocks) {
    const element = document.createElement(tag)
    element.innerHTML = inner
    if (parts.length > 0) offset += 2
    element.setAttribute('data-start', String(offset))
    parts.push(element.textContent ?? '')
    offset += (element.textContent ?? '').length
    if (tag === 'li') {
      list ??= root.appendChild(document.createElement('ul'))
      list.appendChild(element)
    } else {
      list = null
      root.appendChild(element)
    }
  }
  text = parts.join('\n\n')
  document.body.replaceChildren(root)
}

function textNodes(under: Node): Text[] {
  const walker = document.createTreeWalker(under, NodeFilter.SHOW_TEXT)
  const nodes: Text[] = []
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text)
  return nodes
}

/** Where `wanted` is in the DOM, as a Range, found by walking text nodes like a user's drag. */
function rangeOf(wanted: string, occurrence = 0): Range {
  const start = indexOf(wanted, occurrence)
  const range = document.createRange()
  const place = (offset: number, setter: 'setStart' | 'setEnd'): void => {
    for (const block of Array.from(root.querySelectorAll('[data-start]'))) {
      let at = Number(block.getAttribute('data-start'))
      for (const node of textNodes(block)) {
        if (offset >= at && offset <= at + node.length) return range[setter](node, offset - at)
        at += node.length
      }
    }
    throw new Error(`no text at ${offset}`)
  }
  place(start, 'setStart')
  place(start + wanted.length, 'setEnd')
  return range
}

function indexOf(wanted: string, occurrence = 0): number {
  let at = text.indexOf(wanted)
  for (let i = 0; i < occurrence; i++) at = text.indexOf(wanted, at + 1)
  if (at === -1) throw new Error(`not in text: ${wanted}`)
  return at
}

beforeEach(build)

describe('offsetOf', () => {
  it('maps every character position of every text node to its offset in the text', () => {
    for (const block of Array.from(root.querySelectorAll('[data-start]'))) {
      let at = Number(block.getAttribute('data-start'))
      for (const node of textNodes(block)) {
        for (let i = 0; i <= node.length; i++) {
          expect(offsetOf(root, node, i)).toBe(at + i)
          if (i < node.length) expect(text[at + i]).toBe(node.data[i])
        }
        at += node.length
      }
    }
  })

  it('reads element boundary points by child index', () => {
    const paragraph = root.querySelector('p') as HTMLElement
    const start = indexOf('Baker’s')
    expect(offsetOf(root, paragraph, 0)).toBe(start)
    // Before the <a>: after "Baker’s work does ".
    expect(offsetOf(root, paragraph, 1)).toBe(start + 'Baker’s work does '.length)
    expect(offsetOf(root, paragraph, paragraph.childNodes.length)).toBe(
      start + (paragraph.textContent ?? '').length,
    )
  })

  it('maps a point between blocks to the start of the next block', () => {
    const list = root.querySelector('ul') as HTMLElement
    expect(offsetOf(root, root, 0)).toBe(0)
    expect(offsetOf(root, root, 2)).toBe(indexOf('first item'))
    expect(offsetOf(root, list, 1)).toBe(indexOf('second item'))
    expect(offsetOf(root, root, root.childNodes.length)).toBe(text.length)
  })

  it('is null outside the root', () => {
    const outside = document.body.appendChild(document.createTextNode('elsewhere'))
    expect(offsetOf(root, outside, 2)).toBeNull()
  })
})

describe('selectionOffsets', () => {
  function select(range: Range): Selection {
    const selection = document.getSelection() as Selection
    selection.removeAllRanges()
    selection.addRange(range)
    return selection
  }

  it('gives the offsets of a selection across inline markup and blocks', () => {
    for (const wanted of ['a great job at', 'short title\n\nBaker', 'item\n\nsecond item', '—']) {
      const start = indexOf(wanted)
      expect(selectionOffsets(root, select(rangeOf(wanted)))).toEqual({
        start,
        end: start + wanted.length,
      })
    }
  })

  it('clips a selection that runs outside the body, and ignores one that is elsewhere', () => {
    const before = document.body.insertBefore(document.createElement('p'), root)
    before.textContent = 'toolbar'
    const range = rangeOf('A short')
    range.setStart(before.firstChild as Text, 2)
    expect(selectionOffsets(root, select(range))).toEqual({ start: 0, end: 'A short'.length })

    const elsewhere = document.createRange()
    elsewhere.selectNodeContents(before)
    expect(selectionOffsets(root, select(elsewhere))).toBeNull()
    elsewhere.collapse()
    expect(selectionOffsets(root, select(elsewhere))).toBeNull()
  })
})

describe('applyHighlights', () => {
  function marked(id: string): string {
    return Array.from(root.querySelectorAll(`mark[data-clipping-id="${id}"]`))
      .map((mark) => mark.textContent)
      .join('|')
  }

  it('marks exactly the clipped text, across blocks and nested inline markup', () => {
    const within = indexOf('work does a great')
    const across = indexOf('line two\n\n“Sean')
    applyHighlights(root, [
      { id: 'a', start: within, end: within + 'work does a great'.length },
      { id: 'b', start: across, end: across + 'line two\n\n“Sean'.length },
    ])
    expect(marked('a')).toBe('work does |a great')
    expect(marked('b')).toBe('line two|“Sean')
    expect(root.querySelectorAll('[data-clipping-first]')).toHaveLength(2)
  })

  it('keeps text content and offsets unchanged, overlapping highlights included', () => {
    const before = root.innerHTML.replace(/<[^>]+>/g, '')
    const at = indexOf('second item')
    applyHighlights(root, [
      { id: 'x', start: 0, end: text.length },
      { id: 'y', start: at, end: at + 'second item'.length },
      { id: 'empty', start: 5, end: 5 },
    ])
    expect(root.innerHTML.replace(/<[^>]+>/g, '')).toBe(before)
    expect(marked('y')).toBe('second |item')
    expect(root.querySelector('mark[data-clipping-id="empty"]')).toBeNull()
    const range = rangeOf('She said'.toLowerCase())
    expect(offsetOf(root, range.startContainer, range.startOffset)).toBe(indexOf('she said'))
  })
})
