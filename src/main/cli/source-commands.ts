import { InvalidArgumentError, type Command } from 'commander'
import type { SourceVersionSummary } from '../../shared/ipc'
import { print, printJson, type CliContext } from './context'

// A source's life after import: delete (kept on disk), restore, purge; and its versions.

function describeVersion(version: SourceVersionSummary): string {
  const head = `${version.hash.slice(0, 12)}  ${version.importedAt}  ${version.fileName}${version.newest ? '  (newest)' : ''}`
  if (!version.change)
    return `${head}\n    first version; ${version.clippedHere} clipping(s) made on it`
  const { wordsAdded, wordsRemoved, clippings } = version.change
  const states = Object.entries(clippings)
    .map(([state, count]) => `${count} ${state}`)
    .join(', ')
  return `${head}\n    +${wordsAdded} / -${wordsRemoved} words; earlier clippings: ${states}`
}

function days(value: string): number {
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0)
    throw new InvalidArgumentError('expected a whole number of days, 0 or more.')
  return number
}

export function registerSourceCommands(program: Command, cli: CliContext): void {
  program
    .command('delete-source')
    .description(
      'delete a source and its clippings (kept on disk: restore-source brings them back; their citations show Missing meanwhile)',
    )
    .argument('<sourceId>', 'the source to delete (see: commonplace sources)')
    .action(async (sourceId: string) => {
      const source = await (await cli.open()).sources.delete(sourceId)
      print(`deleted ${source.id}  ${source.title} (undo: commonplace restore-source ${source.id})`)
    })

  program
    .command('restore-source')
    .description('bring back a deleted source with its clippings')
    .argument('<sourceId>', 'the deleted source (see: commonplace sources --deleted)')
    .action(async (sourceId: string) => {
      const source = await (await cli.open()).sources.restore(sourceId)
      print(`restored ${source.id}  ${source.title}`)
    })

  program
    .command('purge-sources')
    .description('remove for good the files of sources deleted some days ago (backups keep them)')
    .option('--older-than <days>', 'only sources deleted at least this many days ago', days, 30)
    .option('--json', 'print the result as JSON')
    .action(async (options: { olderThan: number; json?: boolean }) => {
      const report = await (await cli.open()).sources.purgeDeleted(options.olderThan)
      if (options.json) return void printJson(report)
      if (report.purged.length === 0) return void print('No deleted source to purge.')
      print(`purged ${report.purged.length} source(s): ${report.purged.join(' ')}`)
    })

  program
    .command('versions')
    .description('list the versions of a source, newest first, with what changed in each')
    .argument('<sourceId>', 'the source (see: commonplace sources)')
    .option('--json', 'print the versions as JSON')
    .action(async (sourceId: string, options: { json?: boolean }) => {
      const versions = await (await cli.open({ create: false })).sources.versions(sourceId)
      if (options.json) printJson(versions)
      else versions.forEach((version) => print(describeVersion(version)))
    })
}
