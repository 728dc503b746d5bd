// A fresh process, as the app's main is when it starts: open the notebook and answer the first
// search (the search index on disk, or built now when there is none); prints what it took.
import { NotebookSession } from '../../src/main/core/notebook-session'

async function main(): Promise<void> {
  const [dataDir, query = 'sean'] = process.argv.slice(2)
  if (!dataDir) throw new Error('usage: first-search <dataDir> [query]')
  const start = performance.now()
  const session = await NotebookSession.open(dataDir)
  const found = await session.commonplace.clippings.page({ search: query, limit: 50 })
  const firstSearchMs = performance.now() - start
  await session.commonplace.clippings.searchIndex.flush()
  await session.commonplace.clippings.catalog.flush()
  const lastRead = session.commonplace.clippings.searchIndex.lastRead
  process.stdout.write(`${JSON.stringify({ firstSearchMs, hits: found.total, lastRead })}\n`)
  void session.close() // the figures are out; the exit below ends it
  process.exit(0)
}

void main()
