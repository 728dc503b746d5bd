import type { Command } from 'commander'
import { quoted } from '../../shared/quoted'
import { positiveInteger, print, printJson, type CliContext } from './context'

// Searching clippings and the sources' text, and rebuilding the derived indexes.

export function registerSearchCommands(program: Command, cli: CliContext): void {
  program
    .command('search')
    .description(
      'search clippings (quotes, notes, tags, source titles; "quoted" words as an exact phrase), or with --sources the text of every source',
    )
    .argument('<query...>', 'the words to find')
    .option('--sources', 'search the sources’ own text for the phrase')
    .option('--limit <n>', 'at most this many results (default 20)', positiveInteger)
    .option('--json', 'print the results as JSON')
    .action(
      async (words: string[], options: { sources?: boolean; limit?: number; json?: boolean }) => {
        const query = words.join(' ')
        const limit = options.limit ?? 20
        const app = await cli.open({ create: false })
        if (options.sources) {
          const hits = await app.sourceSearch.search(query, limit)
          if (options.json) return void printJson(hits)
          if (hits.length === 0) return void print('No source contains that.')
          for (const hit of hits) {
            print(`${hit.sourceId}  ${hit.title}  at ${hit.start}`)
            const { before, match, after } = hit.snippet
            print(`    ${before}[${match}]${after}`)
          }
          return
        }
        const page = await app.clippings.page({ search: query, limit })
        if (options.json) return void printJson(page)
        if (page.items.length === 0) return void print('No clippings match.')
        for (const clipping of page.items) {
          print(`${clipping.id}  ${quoted(marked(clipping.target[0].exact, clipping.highlight))}`)
          print(`    from ${clipping.sourceTitle} (${clipping.sourceId})`)
        }
        if (page.total > page.items.length) print(`${page.total - page.items.length} more.`)
      },
    )

  program
    .command('reindex')
    .description(
      'rebuild the clipping list, the search index and the source text index from the files',
    )
    .action(async () => {
      const app = await cli.open({ create: false })
      const catalog = await app.clippings.catalog.rebuildNow()
      const search = await app.clippings.searchIndex.rebuildNow()
      const texts = await app.sourceSearch.index.rebuildNow()
      print(
        `Indexed ${catalog.size} clippings (${search.size} searchable) of ${app.clippings.catalog.lastRead} sources; the text of ${texts.size} sources.`,
      )
    })
}

/** The quote with the matched words in [brackets]. */
function marked(text: string, ranges: [number, number][] = []): string {
  let out = ''
  let at = 0
  for (const [start, end] of ranges) {
    out += `${text.slice(at, start)}[${text.slice(start, end)}]`
    at = end
  }
  return out + text.slice(at)
}
