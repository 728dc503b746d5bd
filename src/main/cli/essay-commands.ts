import { Option, type Command } from 'commander'
import type { CitationCheck, EssaySummary } from '../../shared/essay'
import type { ExportFormat, RenderedExport } from '../core/export/export-essay'
import type { BibliographyFormat } from '../core/export/export-service'
import { print, printError, printJson, type CliContext } from './context'

// Essays out of and into Markdown: essays, export, bib, verify, import-essay.

/** The exit code when the quote-integrity gate stops an export. */
export const EXIT_UNVERIFIED = 2

/** "2026-11-22 09:14 UTC": when an essay was last edited, the same wherever it is read. */
function edited(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

/** A quote on one line, as a terminal shows it. */
function quoted(text: string): string {
  return `“${text.replace(/\s*\n+\s*/g, ' / ')}”`
}

function describeProblem(problem: Omit<CitationCheck, 'essayId'>): string {
  const lines = [`  ${problem.state}: ${quoted(problem.quote)}`, `    ${problem.message}`]
  if (problem.current !== undefined)
    lines.push(`    the source there reads: ${quoted(problem.current)}`)
  return lines.join('\n')
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`
}

export function registerEssayCommands(program: Command, cli: CliContext): void {
  program
    .command('essays')
    .description('list the essays, last edited first')
    .option('--json', 'print the essays as JSON')
    .action(async (options: { json?: boolean }) => {
      const essays = (await cli.open()).essays.list()
      if (options.json) printJson(essays)
      else if (essays.length === 0) print('No essays yet.')
      else
        essays.forEach((essay) =>
          print(`${essay.id}  ${essay.title}  (edited ${edited(essay.updatedAt)})`),
        )
    })

  program
    .command('export')
    .description(
      'export an essay as Markdown, to stdout or a file; every quote is checked against its source first',
    )
    .argument('<essayId>', 'the essay to export (see: commonplace essays)')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .addOption(
      new Option('--format <format>', 'gfm: footnotes and References; pandoc: [@key] citations')
        .choices(['gfm', 'pandoc'])
        .default('gfm'),
    )
    .option(
      '--allow-unverified',
      `export even when a quote no longer matches its source, marking it in the file (otherwise such an export stops with exit code ${EXIT_UNVERIFIED})`,
    )
    .action(
      async (
        essayId: string,
        options: { output?: string; format: ExportFormat; allowUnverified?: boolean },
      ) => {
        const app = await cli.open()
        const rendered = await app.exports.render(essayId, options.format)
        if (!passesGate(rendered, Boolean(options.allowUnverified))) {
          process.exitCode = EXIT_UNVERIFIED
          return
        }
        if (options.output) {
          await app.exports.writeFile(options.output, rendered.markdown)
          print(`wrote ${options.output}`)
        } else process.stdout.write(rendered.markdown)
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
      const bibliography = app.exports.bibliography(options.format)
      if (options.output) {
        await app.exports.writeFile(options.output, bibliography)
        print(`wrote ${options.output}`)
      } else process.stdout.write(bibliography)
    })

  program
    .command('verify')
    .description(
      "check every essay's citations (or one essay's) against their sources; exit code 1 when any is not verified",
    )
    .argument('[essayId]', 'only this essay')
    .option('--json', 'print each citation’s check as JSON')
    .action(async (essayId: string | undefined, options: { json?: boolean }) => {
      const app = await cli.open()
      const checks = await app.exports.verify(essayId)
      const failing = checks.filter((check) => check.state !== 'verified')
      if (options.json) printJson(checks)
      else printChecks(app.essays.list(), checks)
      if (failing.length > 0) process.exitCode = 1
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
        await cli.open()
      ).exports.importMarkdownFile(file)
      if (options.json) printJson(essay)
      else print(essay.id)
    })
}

/** The quote-integrity gate: true when the export may be written. */
function passesGate(rendered: RenderedExport, allowUnverified: boolean): boolean {
  const { problems } = rendered
  if (problems.length === 0) return true
  const count = plural(problems.length, 'quote')
  if (!allowUnverified) {
    printError(`commonplace: not exported: ${count} could not be verified against the source:`)
    problems.forEach((problem) => printError(describeProblem(problem)))
    printError('To export anyway, with these quotes marked as unverified, add --allow-unverified.')
    return false
  }
  printError(`warning: ${count} could not be verified; marked as unverified in the export:`)
  problems.forEach((problem) => printError(describeProblem(problem)))
  return true
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
    print(`  ${check.state.padEnd(8)}  ${quoted(check.quote)}  (${check.clippingId})`)
    if (check.state !== 'verified') print(`            ${check.message}`)
  }
  const verified = checks.length - checks.filter((check) => check.state !== 'verified').length
  print(`${verified} of ${plural(checks.length, 'citation')} verified.`)
}
