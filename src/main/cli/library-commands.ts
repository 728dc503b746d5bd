import type { Command } from 'commander'
import type { ClippingView, SourceSummary } from '../../shared/domain'
import { locatorLabel, pageFragmentSelector } from '../../shared/layout'
import { quoted } from '../../shared/quoted'
import { collect, positiveInteger, print, printJson, type CliContext } from './context'

// Sources and clippings: import, sources, clip, clippings.

function describeSource(source: SourceSummary): string {
  const site = source.siteName === source.author ? undefined : source.siteName
  const attribution = [source.author, site, source.publishedAt?.slice(0, 10)]
    .filter(Boolean)
    .join(' · ')
  return `${source.id}  ${source.title}${attribution ? `  (${attribution})` : ''}`
}

/** What a clipping's passage is in the newest version, when it is not simply where it was. */
function describeAnchor(clipping: ClippingView): string | null {
  const { anchor } = clipping
  if (anchor.state === 'verified') return null
  if (anchor.state === 'changed')
    return `    changed in the updated source, which now reads ${quoted(anchor.exact)}`
  if (anchor.state === 'moved') return '    moved in the updated source'
  return '    missing from the updated source (the version it was clipped from still has it)'
}

function describeClipping(clipping: ClippingView): string {
  const where = locatorLabel(clipping.locator)
  const lines = [
    `${clipping.id}  ${quoted(clipping.target[0].exact)}`,
    `    from ${clipping.sourceTitle}${where ? `, ${where}` : ''} (${clipping.sourceId})`,
  ]
  const anchor = describeAnchor(clipping)
  if (anchor) lines.push(anchor)
  if (clipping.note) lines.push(`    note: ${clipping.note}`)
  if (clipping.tags.length)
    lines.push(`    tags: ${clipping.tags.map((tag) => `#${tag}`).join(' ')}`)
  return lines.join('\n')
}

/**
 * A clipping as JSON: with a PDF page's W3C FragmentSelector (RFC 3778), so that another
 * annotation tool finds the page without our text.
 */
function clippingJson(clipping: ClippingView): ClippingView & { pageSelector?: unknown } {
  const pageSelector = pageFragmentSelector(clipping.locator)
  return pageSelector ? { ...clipping, pageSelector } : clipping
}

export function registerLibraryCommands(program: Command, cli: CliContext): void {
  program
    .command('import')
    .description('import .html, .htm, .md, .txt, .pdf and .epub files as sources')
    .argument('<file...>', 'files to import')
    .option('--json', 'print the result as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      const app = await cli.open({ create: true })
      const report = await app.sources.importFiles(files)
      if (options.json) printJson(report)
      else {
        for (const source of report.imported) print(`imported ${describeSource(source)}`)
        // Imported, but the user should know (a PDF without a text layer): said on stderr.
        for (const notice of report.notices ?? []) process.stderr.write(`note: ${notice.message}\n`)
        for (const failure of report.failed)
          process.stderr.write(`not imported: ${failure.message}\n`)
      }
      if (report.failed.length > 0) process.exitCode = 1
    })

  program
    .command('reimport')
    .description('update a source from a newer copy: a new version; each clipping re-anchored')
    .argument('<sourceId>', 'the source to update')
    .argument('<file>', 'the newer .html, .md, .txt, .pdf or .epub file')
    .option('--json', 'print the result as JSON')
    .action(async (sourceId: string, file: string, options: { json?: boolean }) => {
      const report = await (await cli.open()).sources.reimport(sourceId, file)
      if (options.json) return void printJson(report)
      print(`updated ${describeSource(report.source)} (version ${report.versionHash.slice(0, 12)})`)
      for (const anchor of report.anchors) {
        const now = anchor.state === 'changed' ? ` -> ${quoted(anchor.exact)}` : ''
        print(`  ${anchor.state.padEnd(8)} ${anchor.clippingId}  ${quoted(anchor.quote)}${now}`)
      }
    })

  program
    .command('sources')
    .description('list the sources in the library')
    .option('--deleted', 'list the deleted sources instead (see restore-source)')
    .option('--json', 'print the sources as JSON')
    .action(async (options: { deleted?: boolean; json?: boolean }) => {
      const app = await cli.open({ create: false })
      if (options.deleted) {
        const deleted = await app.sources.listDeleted()
        if (options.json) printJson(deleted)
        else if (deleted.length === 0) print('No deleted sources.')
        else
          deleted.forEach((source) =>
            print(`${describeSource(source)}  deleted ${source.deletedAt}`),
          )
        return
      }
      const sources = await app.sources.list()
      if (options.json) printJson(sources)
      else if (sources.length === 0)
        print('No sources yet. Import one with: commonplace import <file>')
      else sources.forEach((source) => print(describeSource(source)))
    })

  program
    .command('clip')
    .description('clip a passage of a source by quoting it exactly')
    .argument('<sourceId>', 'the source to clip from (see: commonplace sources)')
    .requiredOption(
      '--quote <text>',
      'the exact text of the passage, typographic quotes and all (of a PDF: ligatures, soft hyphens and line breaks need not match)',
    )
    .option(
      '--occurrence <n>',
      'which occurrence, when the quote appears more than once',
      positiveInteger,
    )
    .option('--page <n>', 'only the occurrence on this page (its printed label or place) of a PDF')
    .option('--chapter <n>', 'only the occurrence in this chapter of a book', positiveInteger)
    .option('--note <text>', 'a note to keep with the clipping')
    .option('--tag <tag>', 'a tag (repeat for several)', collect, [])
    .option('--json', 'print the clipping as JSON')
    .action(
      async (
        sourceId: string,
        options: {
          quote: string
          occurrence?: number
          page?: string
          chapter?: number
          note?: string
          tag: string[]
          json?: boolean
        },
      ) => {
        const clipping = await (
          await cli.open()
        ).clippings.createFromQuote({
          sourceId,
          quote: options.quote,
          occurrence: options.occurrence,
          page: options.page,
          chapter: options.chapter,
          note: options.note,
          tags: options.tag,
        })
        if (options.json) printJson(clippingJson(clipping))
        else print(`clipped ${describeClipping(clipping)}`)
      },
    )

  program
    .command('clippings')
    .description(
      'list clippings, newest first, or the best matches of a search; each says where its passage stands in the newest version of its source',
    )
    .option('--source <id>', 'only clippings of this source')
    .option('--search <text>', 'search quotes, notes, tags and source titles')
    .option('--json', 'print the clippings as JSON')
    .action(async (options: { source?: string; search?: string; json?: boolean }) => {
      const clippings = await (
        await cli.open()
      ).clippings.list({ sourceId: options.source, search: options.search })
      if (options.json) printJson(clippings.map(clippingJson))
      else if (clippings.length === 0) print('No clippings.')
      else clippings.forEach((clipping) => print(describeClipping(clipping)))
    })
}
