/**
 * Runs `work` on each item in order, with the next item's work already started while this one's
 * finishes, and hands each result to `done` in the items' order. For a drop of files imported one
 * call per file: main reads and extracts the next file while it stores this one (as its own batch
 * import does), and the page still learns of each file in turn ("3 of 12…").
 */
export async function eachOneAhead<T, R>(
  items: readonly T[],
  work: (item: T) => Promise<R>,
  done: (result: R, index: number) => void,
): Promise<void> {
  let current = items.length > 0 ? work(items[0] as T) : null
  for (let index = 0; current; index++) {
    const following = index + 1 < items.length ? work(items[index + 1] as T) : null
    // Settled even if `current` rejects, so a started promise is never left unhandled.
    following?.catch(() => undefined)
    done(await current, index)
    current = following
  }
}
