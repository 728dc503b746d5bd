import type { SourceVersionSummary } from '../../../shared/ipc'

const plural = (count: number, one: string): string => `${count} ${one}${count === 1 ? '' : 's'}`

/** "+9 / −14 words from a.html; clippings: 1 moved, 1 missing", or how the source began. */
export function describeChange(version: SourceVersionSummary): string {
  const from = `from ${version.fileName}`
  if (!version.change) {
    return `First version, ${from}; ${plural(version.clippedHere, 'clipping')} made on it`
  }
  const { wordsAdded, wordsRemoved, clippings } = version.change
  const words =
    wordsAdded === 0 && wordsRemoved === 0
      ? 'same words'
      : `+${wordsAdded} / −${wordsRemoved} words`
  const states = (['verified', 'moved', 'changed', 'missing'] as const)
    .filter((state) => clippings[state] > 0)
    .map((state) => `${clippings[state]} ${state === 'verified' ? 'unchanged' : state}`)
  const earlier = states.length > 0 ? `clippings: ${states.join(', ')}` : 'no earlier clippings'
  return `${words} ${from}; ${earlier}`
}
