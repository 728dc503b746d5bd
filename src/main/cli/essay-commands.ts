import { Option, type Command } from 'commander'
import { countStates } from '../../shared/anchor'
import {
  CITATION_STATES,
  isUnverified,
  type CitationCheck,
  type EssaySummary,
} from '../../shared/essay'
import { EXPORT_FORMATS, type CitationProblem } from '../../shared/ipc'
import { quoted } from '../../shared/quoted'
import type { ExportFormat } from '../core/export/export-essay'
import type { BibliographyFormat, GateOutcome } from '../core/export/export-service'
import type { Commonplace } from '../core/commonplace'
import { CommonplaceError } from '../core/errors'
import { print, printError, printJson, type CliContext } from './context'

// Essays out of and into Markdown: essays, export, bib, verify, import-essay.

/** The exit code when the quote-integrity gate stops an export. */
export const EXIT_UNVERIFIED = 2

/** "2026-11-22 09:14 UTC": when an essay was last edited, the same wherever it is read. */
function edited(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

/** The quote, or what stands for it when a citation that cannot be read has none. */
function quoteOf(check: Pick<CitationCheck, 'quote'>): string {
  return check.quote ? quoted(check.quote) : '(no quote)'
}

function describeProblem(problem: CitationProblem): string {
  const lines = [`  ${problem.state}: ${quoteOf(problem)}`, `    ${problem.message}`]
  if (problem.current !== undefined)
    lines.push(`    the source there reads: ${quoted(problem.current)}`)
  return lines.join('\n')
}

/**
 * The notebook, for commands that check quotes: in a synced notebook, a clipping made on another
 * device that sync has not brought here yet is "waiting", as the app says, not "missing". The CLI
 * does not sync, so it reads the catalog as the syncing process last wrote it to disk.
 */
async function openCheckingQuotes(cli: CliContext): Promise<Commonplace> {
  const app = await cli.open()
  if (!app.clippings.waitingFor) {
    const { waitingOnDisk } = await import('../core/sync/catalog/waiting')
    app.clippings.waitingFor = await waitingOnDisk(app.store.dataDir)
  }
  return app
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

export function registerEssayCommands(program: Command, cli: CliContext): void {
  program
    .command('essays')
    .description('list the essays, last edited first')
    .option('--deleted', 'list the deleted essays instead (see restore-essay)')
    .option('--json', 'print the essays as JSON')
    .action(async (options: { deleted?: boolean; json?: boolean }) => {
      const app = await cli.open({ create: false })
      if (options.deleted) {
        const deleted = await app.essays.listDeleted()
        if (options.json) printJson(deleted)
        else if (deleted.length === 0) print('No deleted essays.')
        else
          deleted.forEach((essay) =>
            print(`${essay.id}  ${essay.title}  (deleted ${edited(essay.deletedAt)})`),
          )
        return
      }
      const essays = await app.essays.list()
      if (options.json) printJson(essays)
      else if (essays.length === 0) print('No essays yet.')
      else
        essays.forEach((essay) =>
          print(`${essay.id}  ${essay.title}  (edited ${edited(essay.updatedAt)})`),
        )
    })

  program
    .command('restore-essay')
    .description('bring back a deleted essay, with its text as it was last written')
    .argument('<essayId>', 'the deleted essay (see: commonplace essays --deleted)')
    .action(async (essayId: string) => {
      const app = await cli.open()
      if (!(await app.essays.listDeleted()).some((essay) => essay.id === essayId)) {
        throw new CommonplaceError(
          'not-found',
          `No deleted essay "${essayId}" (see: commonplace essays --deleted).`,
        )
      }
      const essay = await app.essays.restore(essayId)
      print(`restored ${essay.id}  ${essay.title}`)
    })

  program
    .command('export')
    .description(
      'export an essay as Markdown, to stdout or a file; every quote is checked against its source first',
    )
    .argument('<essayId>', 'the essay to export (see: commonplace essays)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addOption(
      new Option(
        '--format <format>',
        'gfm: footnotes and References; pandoc: [@key] citations; obsidian: GFM with quote callouts and block ids',
      )
        .choices([...EXPORT_FORMATS])
        .default('gfm'),
    )
    .option(
      '--allow-unverified',
      `export even when a quote no longer matches its source, marking it in the file (otherwise such an export stops with exit code ${EXIT_UNVERIFIED})`,
    )
    .option(
      '--style <style>',
      'GFM only: footnotes (or in-text citations) and References in a CSL citation style: chicago-notes-bibliography, apa, mla, or the path to a .csl file',
    )
    .action(
      async (
        essayId: string,
        options: {
          output?: string
          format: ExportFormat
          allowUnverified?: boolean
          style?: string
        },
      ) => {
        if (options.style && options.format !== 'gfm') {
          throw new CommonplaceError(
            'invalid-argument',
            '--style applies to --format gfm only: for Pandoc, give the style to Pandoc itself (pandoc --citeproc --csl style.csl).',
          )
        }
        const app = await openCheckingQuotes(cli)
        const gate = await app.exports.gate({
          essayId,
          format: options.format,
          allowUnverified: Boolean(options.allowUnverified),
          style: options.style,
        })
        report(gate)
        if (gate.status === 'blocked') {
          process.exitCode = EXIT_UNVERIFIED
          return
        }
        if (options.output) {
          await app.exports.writeFile(options.output, gate.markdown)
          print(`wrote ${options.output}`)
        } else process.stdout.write(gate.markdown)
      },
    )

  program
    .command('bib')
    .description(
      "export the library's sources for Zotero or Pandoc, keyed as Pandoc exports cite them",
    )
    .addOption(
      new Option('--format <format>', 'the bibliography format')
        .choices(['csl-json', 'bibtex'])
        .default('csl-json'),
    )
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (options: { format: BibliographyFormat; output?: string }) => {
      const app = await cli.open()
      const bibliography = await app.exports.bibliography(options.format)
      if (options.output) {
        await app.exports.writeFile(options.output, bibliography)
        print(`wrote ${options.output}`)
      } else process.stdout.write(bibliography)
    })

  program
    .command('verify')
    .description(
      "check every essay's citations (or one essay's) against their sources; exit code 1 when any would stop an export (changed, missing, unreadable, or waiting for sync)",
    )
    .argument('[essayId]', 'only this essay')
    .option('--json', 'print each citation’s check as JSON')
    .action(async (essayId: string | undefined, options: { json?: boolean }) => {
      const app = await openCheckingQuotes(cli)
      const checks = await app.exports.verify(essayId)
      if (options.json) printJson(checks)
      else printChecks(await app.essays.list(), checks)
      if (checks.some((check) => isUnverified(check.state))) process.exitCode = 1
    })

  program
    .command('import-essay')
    .description(
      'create an essay from Markdown Commonplace exported (GFM or Pandoc); prints its id',
    )
    .argument('<file>', 'the .md file')
    .option('--json', 'print the new essay as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const { editorState: _state, ...essay } = await (
        await cli.open({ create: true })
      ).exports.importMarkdownFile(file)
      if (options.json) printJson(essay)
      else print(essay.id)
    })
}

/** What the quote-integrity gate found, on stderr, so stdout stays the Markdown alone. */
function report(gate: GateOutcome): void {
  if (gate.status === 'blocked') {
    const count = plural(gate.problems.length, 'quote')
    printError(`commonplace: not exported: ${count} could not be verified against the source:`)
    gate.problems.forEach((problem) => printError(describeProblem(problem)))
    printError('To export anyway, with these quotes marked as unverified, add --allow-unverified.')
    return
  }
  if (gate.unverified.length > 0) {
    const count = plural(gate.unverified.length, 'quote')
    printError(`warning: ${count} could not be verified; marked as unverified in the export:`)
    gate.unverified.forEach((problem) => printError(describeProblem(problem)))
  }
  if (gate.kept.length > 0) {
    const count = plural(gate.kept.length, 'quote keeps', 'quotes keep')
    printError(`note: ${count} the wording clipped, as the writer chose; the export notes it:`)
    gate.kept.forEach((problem) => printError(describeProblem(problem)))
  }
}

function printChecks(essays: EssaySummary[], checks: CitationCheck[]): void {
  if (checks.length === 0) {
    print('No citations to verify.')
    return
  }
  const titles = new Map(essays.map((essay) => [essay.id, essay.title]))
  let essayId: string | undefined
  for (const check of checks) {
    if (check.essayId !== essayId) {
      essayId = check.essayId
      print(`${essayId}  ${titles.get(essayId) ?? ''}`)
    }
    const clipping = check.clippingId ? `  (${check.clippingId})` : ''
    print(`  ${check.state.padEnd(8)}  ${quoteOf(check)}${clipping}`)
    if (check.state !== 'verified') print(`            ${check.message}`)
  }
  const counts = countStates(CITATION_STATES, checks)
  const others = CITATION_STATES.filter((state) => state !== 'verified' && counts[state] > 0)
  const detail = others.map((state) => `${counts[state]} ${state}`).join(', ')
  print(
    `${counts.verified} of ${plural(checks.length, 'citation')} verified${detail ? ` (${detail})` : ''}.`,
  )
}
