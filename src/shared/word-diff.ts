// A changed passage word by word, cut by the same rule as its new extent (words.ts), so the diff a
// writer reads shows exactly the words "Accept new wording" would store.
import { diffArrays } from 'diff'
import { wordTokens } from './words'

export interface WordChange {
  kind: 'same' | 'removed' | 'added'
  text: string
}

/** `was` -> `now` as runs of unchanged, removed and added text, in reading order. */
export function wordDiff(was: string, now: string): WordChange[] {
  return diffArrays(wordTokens(was), wordTokens(now)).map((part) => ({
    kind: part.added ? 'added' : part.removed ? 'removed' : 'same',
    text: part.value.join(''),
  }))
}
