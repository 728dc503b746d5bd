const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' })

export function countWords(text: string): number {
  let count = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++
  return count
}

/**
 * Adds up the words of an essay's blocks, remembering each block's count by its text, so a recount
 * segments only the blocks that changed since the last. Segmenting all of them each time took
 * 12 ms in an essay of 1,000 paragraphs and 1,000 citations: a task the writer's next key, after
 * any pause, waited behind.
 */
export class WordTally {
  private counts = new Map<string, number>()

  constructor(private readonly count: (text: string) => number = countWords) {}

  total(texts: Iterable<string>): number {
    // Only the texts of this count are kept: a block typed into leaves no trail of old versions.
    const kept = new Map<string, number>()
    let sum = 0
    for (const text of texts) {
      const words = kept.get(text) ?? this.counts.get(text) ?? this.count(text)
      kept.set(text, words)
      sum += words
    }
    this.counts = kept
    return sum
  }
}
