import { wordDiff, type WordChange } from '../../../shared/word-diff'

/**
 * The word diff as a reader takes it in: a removed word and the word replacing it touch in the
 * diff ("great", "fine"), and side by side they would read as one ("greatfine"), so a space is
 * put between a removed and an added run that no whitespace already separates.
 */
export function readableDiff(was: string, now: string): WordChange[] {
  const out: WordChange[] = []
  for (const part of wordDiff(was, now)) {
    const before = out[out.length - 1]
    const swaps =
      before !== undefined &&
      before.kind !== 'same' &&
      part.kind !== 'same' &&
      before.kind !== part.kind
    if (swaps && !/\s$/.test(before.text) && !/^\s/.test(part.text)) {
      out.push({ kind: 'same', text: ' ' })
    }
    out.push(part)
  }
  return out
}
