import type { Command } from 'commander'
import type { BibMatch } from '../core/bibliography/import-bibliography'
import { print, printJson, type CliContext } from './context'

// Reference managers' metadata: import-bib.

const FORMAT_NAMES = { 'csl-json': 'CSL-JSON', bibtex: 'BibTeX', ris: 'RIS' } as const
const FIELD_NAMES: Record<string, string> = {
  title: 'title',
  author: 'author',
  siteName: 'site name',
  publishedAt: 'date',
  publisher: 'publisher',
  identifier: 'identifier',
  url: 'URL',
}

function describeMatch(match: BibMatch): string[] {
  const updated = match.filled.length > 0 || match.citationKey !== undefined
  const changes = [
    ...(match.filled.length > 0
      ? [`filled ${match.filled.map((field) => FIELD_NAMES[field]).join(', ')}`]
      : []),
    ...(match.citationKey
      ? [
          `citation key ${match.citationKey}${match.replacedKey ? ` (was ${match.replacedKey})` : ''}`,
        ]
      : []),
  ]
  const lines = [
    `${updated ? 'updated' : 'matched'} ${match.source.id}  ${match.source.title}  <- ${match.where}, by ${match.by === 'doi' ? 'DOI' : match.by === 'url' ? 'URL' : 'title'}${changes.length > 0 ? `: ${changes.join('; ')}` : ': nothing to fill'}`,
  ]
  for (const { field, ours, theirs } of match.differing) {
    lines.push(`    kept ${FIELD_NAMES[field]} "${ours}" (the entry says "${theirs}")`)
  }
  return lines
}

export function registerBibCommands(program: Command, cli: CliContext): void {
  program
    .command('import-bib')
    .description(
      "fill sources' details and citation keys from a reference manager's export (CSL-JSON, BibTeX/BibLaTeX, RIS)",
    )
    .argument('<file>', 'a .json (CSL-JSON), .bib or .ris file, e.g. exported from Zotero')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      '\nEach entry is matched to a source by DOI, else URL, else title (and first author).\n' +
        "A matched source gets the details it lacks and the entry's citation key (Better BibTeX\n" +
        'keys kept as they are), which Pandoc exports and `bib` then use; details already there\n' +
        'are kept, and listed where the entry differs. An entry matching no source is listed as\n' +
        'unmatched (import the work itself first). Records that cannot be read are refused by\n' +
        'line or item number and the others are imported. Exit 1 when the file cannot be read\n' +
        'or none of its entries can.',
    )
    .action(async (file: string, options: { json?: boolean }) => {
      const report = await (await cli.open()).bibliography.importFile(file)
      if (options.json) return void printJson(report)
      const updated = report.matched.filter((match) => match.filled.length || match.citationKey)
      print(
        `${report.fileName} (${FORMAT_NAMES[report.format]}): ${report.entries} entries; ` +
          `${updated.length} updated, ${report.matched.length - updated.length} matched unchanged, ` +
          `${report.unmatched.length} unmatched, ${report.refused.length} refused`,
      )
      for (const match of report.matched) describeMatch(match).forEach((line) => print(line))
      for (const entry of report.unmatched) {
        print(
          `unmatched ${entry.where}  ${entry.title}${entry.key ? ` [${entry.key}]` : ''}: no source in the library`,
        )
      }
      for (const refused of report.refused) {
        process.stderr.write(`refused: ${report.fileName}, ${refused.where}: ${refused.message}\n`)
      }
    })
}
