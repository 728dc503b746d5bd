import { InvalidArgumentError, type Command } from 'commander'
import { describeHighlightsImport } from '../../shared/highlights'
import { HIGHLIGHT_FORMATS } from '../core/highlights/detect-format'
import type { HighlightFormat } from '../core/highlights/highlight-record'
import { importHighlightsFile } from '../core/highlights/import-highlights-file'
import { print, printError, printJson, type CliContext } from './context'

// Highlights made in other apps (Hypothesis, W3C Web Annotation, Kindle, Readwise) as clippings.

function format(value: string): HighlightFormat {
  if (!(HIGHLIGHT_FORMATS as readonly string[]).includes(value))
    throw new InvalidArgumentError(`expected one of: ${HIGHLIGHT_FORMATS.join(', ')}.`)
  return value as HighlightFormat
}

export function registerHighlightsCommands(program: Command, cli: CliContext): void {
  program
    .command('import-highlights')
    .description(
      'import highlights as clippings, anchored in their page when it is a source (else in a "highlights only" source); importing again adds new ones, updates notes changed there, never overwrites a note edited here',
    )
    .argument(
      '<file>',
      'a Hypothesis or W3C Web Annotation JSON export, Kindle My Clippings.txt or Readwise CSV',
    )
    .option(
      '--format <format>',
      `the file's format: ${HIGHLIGHT_FORMATS.join('|')} (detected when omitted)`,
      format,
    )
    .option(
      '--source <sourceId>',
      'put every highlight into this source (see: commonplace sources)',
    )
    .option('--json', 'print the report as JSON')
    .action(
      async (
        file: string,
        options: { format?: HighlightFormat; source?: string; json?: boolean },
      ) => {
        const app = await cli.open({ create: true })
        const report = await importHighlightsFile(app.highlights, file, {
          format: options.format,
          sourceId: options.source,
        })
        if (options.json) return void printJson(report)
        print(`${report.fileName}: ${describeHighlightsImport(report)}`)
        for (const source of report.sourcesCreated)
          print(
            `highlights only: ${source.id}  ${source.title} (import the page itself to anchor them)`,
          )
        for (const conflict of report.conflicts) {
          print(
            `conflict ${conflict.clippingId} (${conflict.field}): kept yours "${conflict.here}"; the file says "${conflict.there}"`,
          )
        }
        for (const skipped of report.skipped)
          printError(`skipped: ${report.fileName}, ${skipped.where}: ${skipped.message}`)
        for (const refused of report.refused)
          printError(`not imported: ${report.fileName}, ${refused.where}: ${refused.message}`)
      },
    )
}
