// Searches as the app's main process runs them, in a process holding only the notebook (not the
// engines the search bench compares in its own process, whose garbage slowed these searches):
// each query once as warm-up, then each timed; prints the times.
import { readFileSync } from 'node:fs'
import { NotebookSession } from '../../src/main/core/notebook-session'

async function main(): Promise<void> {
  const [dataDir, queriesFile] = process.argv.slice(2)
  if (!dataDir || !queriesFile) throw new Error('usage: search-service <dataDir> <queries.json>')
  const queries = JSON.parse(readFileSync(queriesFile, 'utf8')) as string[]
  const session = await NotebookSession.open(dataDir)
  const pageOf = (query: string): Promise<unknown> =>
    session.commonplace.clippings.page({ search: query, limit: 50 })
  for (const query of queries) await pageOf(query)
  const times: number[] = []
  for (const query of queries) {
    const start = performance.now()
    await pageOf(query)
    times.push(performance.now() - start)
  }
  process.stdout.write(`${JSON.stringify({ times })}\n`)
  void session.close() // the figures are out; the exit below ends it
  process.exit(0)
}

void main()
