import { homedir } from 'node:os'
import { join } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import type { ClippingView, SourceSummary } from '../shared/domain'
import { openCommonplace, type Commonplace } from './core/commonplace'
import { CommonplaceError } from './core/errors'
import { dataDirFromArgs } from './data-dir'

// The `commonplace` command: the app's own services on the same data directory, without Electron.

/** Where Electron keeps userData for an app named "commonplace", so the CLI finds the app's notebook. */
function defaultDataDir(): string {
  if (process.platform === 'win32')
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'commonplace')
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'commonplace')
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'commonplace')
}

const program = new Command()
  .name('commonplace')
  .description('Commonplace from the terminal: import sources, clip exact passages, list them.')
  .option(
    '--data-dir <path>',
    "the notebook folder (default: $COMMONPLACE_DATA_DIR, else the app's own)",
  )
  .showHelpAfterError()

let opened: Commonplace | undefined

async function open(): Promise<Commonplace> {
  const dataDir =
    (program.opts().dataDir as string | undefined) ??
    dataDirFromArgs([], process.env) ??
    defaultDataDir()
  opened = await openCommonplace(dataDir)
  return opened
}

/** Source files are read when a command needs them, so their problems are known only afterwards. */
function warnAboutProblems(alreadyShown?: string): void {
  for (const problem of opened?.store.problems ?? []) {
    if (problem.message !== alreadyShown) process.stderr.write(`warning: ${problem.message}\n`)
  }
}

const print = (line = ''): boolean => process.stdout.write(`${line}\n`)
const printJson = (value: unknown): boolean => print(JSON.stringify(value, null, 2))

function positiveInteger(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 1)
    throw new InvalidArgumentError('expected a whole number from 1 up.')
  return number
}

const collect = (value: string, previous: string[]): string[] => [...previous, value]

function describeSource(source: SourceSummary): string {
  const site = source.siteName === source.author ? undefined : source.siteName
  const attribution = [source.author, site, source.publishedAt?.slice(0, 10)]
    .filter(Boolean)
    .join(' · ')
  return `${source.id}  ${source.title}${attribution ? `  (${attribution})` : ''}`
}

function describeClipping(clipping: ClippingView): string {
  const lines = [
    `${clipping.id}  “${clipping.target[0].exact}”`,
    `    from ${clipping.sourceTitle} (${clipping.sourceId})`,
  ]
  if (clipping.note) lines.push(`    note: ${clipping.note}`)
  if (clipping.tags.length)
    lines.push(`    tags: ${clipping.tags.map((tag) => `#${tag}`).join(' ')}`)
  return lines.join('\n')
}

program
  .command('import')
  .description('import .html, .htm, .md and .txt files as sources')
  .argument('<file...>', 'files to import')
  .option('--json', 'print the result as JSON')
  .action(async (files: string[], options: { json?: boolean }) => {
    const app = await open()
    const report = await app.sources.importFiles(files)
    if (options.json) printJson(report)
    else {
      for (const source of report.imported) print(`imported ${describeSource(source)}`)
      for (const failure of report.failed)
        process.stderr.write(`not imported: ${failure.message}\n`)
    }
    if (report.failed.length > 0) process.exitCode = 1
  })

program
  .command('sources')
  .description('list the sources in the library')
  .option('--json', 'print the sources as JSON')
  .action(async (options: { json?: boolean }) => {
    const sources = (await open()).sources.list()
    if (options.json) printJson(sources)
    else if (sources.length === 0)
      print('No sources yet. Import one with: commonplace import <file>')
    else sources.forEach((source) => print(describeSource(source)))
  })

program
  .command('clip')
  .description('clip a passage of a source by quoting it exactly')
  .argument('<sourceId>', 'the source to clip from (see: commonplace sources)')
  .requiredOption('--quote <text>', 'the exact text of the passage, typographic quotes and all')
  .option(
    '--occurrence <n>',
    'which occurrence, when the quote appears more than once',
    positiveInteger,
  )
  .option('--note <text>', 'a note to keep with the clipping')
  .option('--tag <tag>', 'a tag (repeat for several)', collect, [])
  .option('--json', 'print the clipping as JSON')
  .action(
    async (
      sourceId: string,
      options: { quote: string; occurrence?: number; note?: string; tag: string[]; json?: boolean },
    ) => {
      const clipping = await (
        await open()
      ).clippings.createFromQuote({
        sourceId,
        quote: options.quote,
        occurrence: options.occurrence,
        note: options.note,
        tags: options.tag,
      })
      if (options.json) printJson(clipping)
      else print(`clipped ${describeClipping(clipping)}`)
    },
  )

program
  .command('clippings')
  .description('list clippings, newest first, or the best matches of a search')
  .option('--source <id>', 'only clippings of this source')
  .option('--search <text>', 'search quotes, notes, tags and source titles')
  .option('--json', 'print the clippings as JSON')
  .action(async (options: { source?: string; search?: string; json?: boolean }) => {
    const clippings = await (
      await open()
    ).clippings.list({ sourceId: options.source, search: options.search })
    if (options.json) printJson(clippings)
    else if (clippings.length === 0) print('No clippings.')
    else clippings.forEach((clipping) => print(describeClipping(clipping)))
  })

program.parseAsync(process.argv).then(
  () => warnAboutProblems(),
  (error: unknown) => {
    if (error instanceof CommonplaceError) {
      warnAboutProblems(error.message)
      process.stderr.write(`commonplace: ${error.message}\n`)
    } else {
      warnAboutProblems()
      process.stderr.write(
        `commonplace: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
      )
    }
    process.exitCode = 1
  },
)
