// Summaries of latency samples. Percentiles are nearest-rank: always one of the measured samples,
// never an interpolation, so with 10 samples the p95 is simply the slowest one.

export interface Summary {
  count: number
  median: number
  p95: number
  min: number
  max: number
  mean: number
}

export function median(samples: readonly number[]): number {
  const sorted = sortedCopy(samples)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** The smallest sample that at least `percent` % of the samples are at or below. */
export function percentile(samples: readonly number[], percent: number): number {
  const sorted = sortedCopy(samples)
  const rank = Math.ceil((percent / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!
}

export function p95(samples: readonly number[]): number {
  return percentile(samples, 95)
}

export function mean(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('mean of no samples')
  return samples.reduce((sum, sample) => sum + sample, 0) / samples.length
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = sortedCopy(samples)
  return {
    count: sorted.length,
    median: median(sorted),
    p95: p95(sorted),
    min: sorted[0]!,
    max: sorted[sorted.length - 1]!,
    mean: mean(sorted),
  }
}

/** Milliseconds `action` took, by performance.now(). */
export async function timed(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await action()
  return performance.now() - start
}

function sortedCopy(samples: readonly number[]): number[] {
  if (samples.length === 0) throw new Error('no samples to summarize')
  return [...samples].sort((a, b) => a - b)
}
