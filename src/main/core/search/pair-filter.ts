/**
 * A Bloom filter of the adjacent word pairs of one text: whether "sex workers" can be in it,
 * answered from a few bits. It may say yes wrongly (about 1% per pair when sized at 10 bits a
 * pair), never no wrongly; so a phrase search reads only texts that probably hold every pair.
 */
const BITS_PER_PAIR = 10
const HASHES = 7
/** How many letters of an unfinished last word are checked with the word before it. */
const PREFIX = 3

function hash(text: string, seed: number): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export class PairFilter {
  private constructor(private readonly bits: Uint8Array) {}

  static of(words: readonly string[]): PairFilter {
    const pairs = new Set<string>()
    for (let i = 0; i + 1 < words.length; i++) {
      const second = words[i + 1] as string
      pairs.add(`${words[i]} ${second}`)
      // The word being typed: its first letters after the word before it.
      if (second.length > PREFIX) pairs.add(`${words[i]} ${second.slice(0, PREFIX)}…`)
    }
    // A power of two, so positions are masks; at least 64 bytes.
    let size = 512
    while (size < pairs.size * BITS_PER_PAIR) size *= 2
    const filter = new PairFilter(new Uint8Array(size / 8))
    for (const pair of pairs) filter.add(pair)
    return filter
  }

  static fromBase64(text: string): PairFilter {
    return new PairFilter(new Uint8Array(Buffer.from(text, 'base64')))
  }

  toBase64(): string {
    return Buffer.from(this.bits.buffer, this.bits.byteOffset, this.bits.byteLength).toString(
      'base64',
    )
  }

  /** Whether `first` may stand right before a word that begins with `prefix`. */
  mayHoldPrefix(first: string, prefix: string): boolean {
    if (prefix.length < PREFIX) return true
    return prefix.length === PREFIX
      ? this.mayHold(first, prefix) || this.has(`${first} ${prefix}…`)
      : this.has(`${first} ${prefix.slice(0, PREFIX)}…`)
  }

  mayHold(first: string, second: string): boolean {
    return this.has(`${first} ${second}`)
  }

  private has(pair: string): boolean {
    const mask = this.bits.length * 8 - 1
    const a = hash(pair, 0x811c9dc5)
    const b = hash(pair, 0x9747b28c) | 1
    for (let k = 0; k < HASHES; k++) {
      const bit = (a + k * b) & mask
      if (((this.bits[bit >> 3] as number) & (1 << (bit & 7))) === 0) return false
    }
    return true
  }

  private add(pair: string): void {
    const mask = this.bits.length * 8 - 1
    const a = hash(pair, 0x811c9dc5)
    const b = hash(pair, 0x9747b28c) | 1
    for (let k = 0; k < HASHES; k++) {
      const bit = (a + k * b) & mask
      this.bits[bit >> 3] = (this.bits[bit >> 3] as number) | (1 << (bit & 7))
    }
  }
}
