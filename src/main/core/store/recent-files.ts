/** Source files read recently; with 100k clippings, keeping them all would cost hundreds of MB. */
export const SOURCES_KEPT = 256

/** Remembers a file, letting the least recently used go beyond SOURCES_KEPT. */
export function keep<T>(cache: Map<string, T>, id: string, value: T): void {
  cache.delete(id)
  cache.set(id, value)
  if (cache.size > SOURCES_KEPT) {
    const oldest = cache.keys().next().value
    if (oldest !== undefined) cache.delete(oldest)
  }
}
