// A fresh process, as the app's main is when it starts: open the notebook, list the first page
// of clippings, search once; prints what each step took and the memory it ends with.
import { NotebookSession } from '../../src/main/core/notebook-session'

async function main(): Promise<void> {
  const [dataDir, query = 'sean'] = process.argv.slice(2)
  if (!dataDir) throw new Error('usage: open-and-list <dataDir> [query]')
  const t0 = performance.now()
  const session = await NotebookSession.open(dataDir)
  const opened = performance.now()
  const page = await session.commonplace.clippings.page({ limit: 50 })
  const listed = performance.now()
  const found = await session.commonplace.clippings.page({ search: query, limit: 50 })
  const searched = performance.now()
  await session.commonplace.clippings.catalog.flush()
  global.gc?.()
  const report = {
    openMs: opened - t0,
    firstPageMs: listed - opened,
    firstSearchMs: searched - listed,
    total: page.total,
    hits: found.total,
    rssMb: process.memoryUsage().rss / 1024 / 1024,
  }
  process.stdout.write(`${JSON.stringify(report)}\n`)
  void session.close() // the figures are out; the exit below ends it
  process.exit(0)
}

void main()
