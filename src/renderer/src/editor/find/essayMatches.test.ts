import { describe, expect, it } from 'vitest'
import { findInBlocks } from './essayMatches'

const run = (
  key: string,
  text: string,
  parent = 'p',
): { key: string; text: string; parent: string } => ({
  key,
  text,
  parent,
})

describe('finding a phrase in the essay', () => {
  it('finds every place, whatever the case, with offsets in the text nodes', () => {
    const blocks = [
      { key: 'b1', runs: [run('t1', 'The river rose. The River fell.')] },
      { key: 'b2', runs: [run('t2', 'No water here.')] },
    ]
    expect(findInBlocks(blocks, 'the river')).toEqual([
      { block: 'b1', start: { key: 't1', offset: 0 }, end: { key: 't1', offset: 9 } },
      { block: 'b1', start: { key: 't1', offset: 16 }, end: { key: 't1', offset: 25 } },
    ])
    expect(findInBlocks(blocks, 'sea')).toEqual([])
    expect(findInBlocks(blocks, '  ')).toEqual([])
  })

  it('finds a phrase that runs across formatting, but not across two list items', () => {
    const paragraph = {
      key: 'b1',
      runs: [run('t1', 'the silt '), run('t2', 'returned'), run('t3', ' soon')],
    }
    expect(findInBlocks([paragraph], 'silt returned')).toEqual([
      { block: 'b1', start: { key: 't1', offset: 4 }, end: { key: 't2', offset: 8 } },
    ])
    const list = { key: 'l1', runs: [run('i1', 'first item', 'li1'), run('i2', 'second', 'li2')] }
    expect(findInBlocks([list], 'item second')).toEqual([])
    expect(findInBlocks([list], 'second')).toHaveLength(1)
  })

  it('keeps offsets right around a letter whose lower case is longer', () => {
    const blocks = [{ key: 'b1', runs: [run('t1', 'İstanbul and istanbul')] }]
    expect(findInBlocks(blocks, 'istanbul')).toEqual([
      { block: 'b1', start: { key: 't1', offset: 13 }, end: { key: 't1', offset: 21 } },
    ])
  })
})
