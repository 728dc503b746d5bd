// Where a quote occurs with a few edits: Myers' bit-vector algorithm ("A fast bit-vector
// algorithm for approximate string matching based on dynamic programming", 1999), in blocks of 32
// pattern characters with Ukkonen's cut-off. Re-anchoring searches one quote in many small
// windows, so the quote's character table is built once per quote and every window only pays for
// its own characters (approx-string-match builds the table again on every call: at 1,000
// clippings that set-up was most of the fuzzy search's time).

export interface FuzzyMatch {
  start: number
  end: number
  errors: number
}

const WORD = 32

/** For each character of the pattern, the bits of the places it holds, block by block. */
class CharacterTable {
  readonly blocks: number
  /** Row r holds the `blocks` words of one character; row 0 (no bits) is every other character. */
  readonly rows: Int32Array
  private readonly rowOfLatin1 = new Int32Array(256)
  private readonly rowOfOther = new Map<number, number>()

  constructor(pattern: string) {
    this.blocks = Math.ceil(pattern.length / WORD)
    const rowOf = new Map<number, number>()
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i)
      if (!rowOf.has(code)) rowOf.set(code, rowOf.size + 1)
    }
    this.rows = new Int32Array((rowOf.size + 1) * this.blocks)
    for (let i = 0; i < pattern.length; i++) {
      const row = rowOf.get(pattern.charCodeAt(i)) as number
      const at = row * this.blocks + (i >>> 5)
      this.rows[at] = (this.rows[at] as number) | (1 << (i & 31))
    }
    for (const [code, row] of rowOf) {
      if (code < 256) this.rowOfLatin1[code] = row
      else this.rowOfOther.set(code, row)
    }
  }

  /** Where character `code`'s words start in `rows`. */
  offsetOf(code: number): number {
    const row = code < 256 ? this.rowOfLatin1[code] : this.rowOfOther.get(code)
    return (row ?? 0) * this.blocks
  }
}

/** One quote, ready to be searched for in any number of windows. */
export class FuzzyPattern {
  private readonly forward: CharacterTable
  private backward: CharacterTable | null = null
  // Per-block state, reused by every scan (a scan never calls another).
  private readonly positive: Int32Array
  private readonly negative: Int32Array
  private readonly score: Int32Array

  constructor(readonly pattern: string) {
    this.forward = new CharacterTable(pattern)
    const blocks = this.forward.blocks
    this.positive = new Int32Array(blocks)
    this.negative = new Int32Array(blocks)
    this.score = new Int32Array(blocks)
  }

  /**
   * The matches in text[from, to) with the fewest errors, if that is at most `maxErrors`: every
   * end where that count is reached, each with the start that makes the match longest.
   */
  matchesIn(text: string, from: number, to: number, maxErrors: number): FuzzyMatch[] {
    const m = this.pattern.length
    if (m === 0 || to <= from) return []
    const ends = this.scan(this.forward, text, from, to, 1, Math.min(maxErrors, m))
    if (ends.length === 0) return []
    // Reversed unit by unit, as the text is read backwards (a surrogate pair too).
    this.backward ??= new CharacterTable(this.pattern.split('').reverse().join(''))
    const backward = this.backward
    return ends.map(({ at: end, errors }) => {
      // The same pattern read backwards from the end finds where the match begins.
      const earliest = Math.max(from, end - m - errors)
      const starts = this.scan(backward, text, end - 1, earliest - 1, -1, errors)
      let start = end
      for (const { at } of starts) start = Math.min(start, at)
      return { start, end, errors }
    })
  }

  /**
   * Reads text from `first` towards `stop` (exclusive) in direction `step`, and returns each place
   * after a character where the pattern ends with the fewest errors seen (at most `maxErrors`).
   * Reading forwards `at` is the match's end (exclusive); backwards, its first character.
   */
  private scan(
    table: CharacterTable,
    text: string,
    first: number,
    stop: number,
    step: 1 | -1,
    maxErrors: number,
  ): { at: number; errors: number }[] {
    const m = this.pattern.length
    const lastBlock = table.blocks - 1
    const lastBlockHeight = m - lastBlock * WORD
    const { positive, negative, score } = this
    const rows = table.rows
    let limit = maxErrors
    // Blocks below `active` are all over the limit and left uncomputed (Ukkonen's cut-off).
    let active = Math.max(0, Math.ceil(limit / WORD) - 1)
    for (let b = 0; b <= active; b++) {
      positive[b] = -1
      negative[b] = 0
      score[b] = b === lastBlock ? m : (b + 1) * WORD
    }
    let found: { at: number; errors: number }[] = []
    for (let j = first; j !== stop; j += step) {
      const offset = table.offsetOf(text.charCodeAt(j))
      let carry = 0
      for (let b = 0; b <= active; b++) {
        carry = this.advance(rows[offset + b] as number, b, carry, b === lastBlock)
        score[b] = (score[b] as number) + carry
      }
      const nextMatchesFirst =
        active < lastBlock && ((rows[offset + active + 1] as number) & 1) !== 0
      if (
        (score[active] as number) - carry <= limit &&
        active < lastBlock &&
        (nextMatchesFirst || carry < 0)
      ) {
        // The lowest computed row is within the limit: the block below may be too.
        active++
        positive[active] = -1
        negative[active] = 0
        const height = active === lastBlock ? lastBlockHeight : WORD
        const below = this.advance(
          rows[offset + active] as number,
          active,
          carry,
          active === lastBlock,
        )
        score[active] = (score[active - 1] as number) + height - carry + below
      } else {
        while (active > 0 && (score[active] as number) >= limit + WORD) active--
      }
      if (active === lastBlock && (score[active] as number) <= limit) {
        const errors = score[active] as number
        if (errors < limit) found = []
        found.push({ at: step === 1 ? j + 1 : j, errors })
        // Only the fewest errors are wanted, so later ends must do at least as well.
        limit = errors
      }
    }
    return found
  }

  /**
   * One block of one column of the edit-distance table, as bit vectors of its vertical
   * differences. `carryIn` is the horizontal difference entering at the block's top row; the
   * result is the one leaving at its bottom row.
   */
  private advance(matches: number, b: number, carryIn: number, isLast: boolean): number {
    const bottom = isLast ? 1 << ((this.pattern.length - 1) % WORD) : 1 << 31
    let positive = this.positive[b] as number
    let negative = this.negative[b] as number
    const eq = carryIn < 0 ? matches | 1 : matches
    const vertical = eq | negative
    const horizontal = (((eq & positive) + positive) ^ positive) | eq
    let up = negative | ~(horizontal | positive)
    let down = positive & horizontal
    const carryOut = (up & bottom) !== 0 ? 1 : (down & bottom) !== 0 ? -1 : 0
    up <<= 1
    down <<= 1
    if (carryIn < 0) down |= 1
    else if (carryIn > 0) up |= 1
    positive = down | ~(vertical | up)
    negative = up & vertical
    this.positive[b] = positive
    this.negative[b] = negative
    return carryOut
  }
}
