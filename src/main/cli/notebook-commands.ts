import { join } from 'node:path'
import type { Command } from 'commander'
import type { BackupInfo } from '../../shared/ipc'
import type { NotebookSession } from '../core/notebook-session'
import { openSampleNotebook } from '../core/sample-notebook'
import { print, printJson, type CliContext } from './context'

// The notebook itself: backup, backups, restore, repair. They work on a notebook that will not
// open (its index damaged or missing), since they are the way back. And `sample`, which fills an
// empty one with the sample notebook.

/** The sample beside the built CLI (out/main/cli.js): the project's resources/sample. */
const sampleNotebookDir = (): string => join(__dirname, '..', '..', 'resources', 'sample')

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

function when(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

export function describeBackup(backup: BackupInfo): string {
  const counts = backup.verified
    ? `${backup.sources} sources, ${backup.clippings} clippings, ${backup.essays} essays`
    : 'a plain copy of a damaged notebook, not restorable'
  return `${backup.name}  ${when(backup.createdAt)}  ${backup.reason.padEnd(14)} ${size(backup.bytes).padStart(9)}  ${counts}`
}

export function registerNotebookCommands(program: Command, cli: CliContext): void {
  // The session (which would restart a notebook's sync) loads with these commands only: it
  // brings in Yjs and the sync client, ~50 ms of every other command's start.
  const session = async (): Promise<NotebookSession> => {
    const { NotebookSession } = await import('../core/notebook-session')
    return NotebookSession.open(cli.dataDir(), { create: false })
  }

  program
    .command('backup')
    .description('take a backup of the notebook now (it is checked before it is kept)')
    .option('--json', 'print the backup as JSON')
    .action(async (options: { json?: boolean }) => {
      const backup = await (await session()).backup('manual')
      if (options.json) printJson(backup)
      else print(`backed up: ${describeBackup(backup)}`)
    })

  program
    .command('backups')
    .description('list the backups, newest first: date, why, size and what they hold')
    .option('--json', 'print the backups as JSON')
    .action(async (options: { json?: boolean }) => {
      const backups = await (await session()).listBackups()
      if (options.json) printJson(backups)
      else if (backups.length === 0) print('No backups yet. Take one with: commonplace backup')
      else backups.forEach((backup) => print(describeBackup(backup)))
    })

  program
    .command('restore')
    .description('put a backup in place of the notebook; what is there now is backed up first')
    .argument('<backup>', 'the backup to restore (see: commonplace backups)')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options: { json?: boolean }) => {
      const result = await (await session()).restore(name)
      if (options.json) return void printJson(result)
      print(`restored: ${describeBackup(result.restored)}`)
      print(`the notebook as it was is kept as backup ${result.before.name}`)
    })

  program
    .command('repair')
    .description(
      'rebuild the index (library.json) from the source and essay files: lists files it lost, drops entries whose file is gone, removes leftover temporary files; a backup is taken first',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const report = await (await session()).repair()
      if (options.json) return void printJson(report)
      print(`repaired ${cli.dataDir()} (backup taken first: ${report.backup})`)
      if (report.keptAside) print(`  the damaged index was kept as ${report.keptAside}`)
      print(`  sources listed again: ${report.adoptedSources}; essays: ${report.adoptedEssays}`)
      print(`  entries whose file is gone, no longer listed: ${report.droppedEntries}`)
      print(`  leftover temporary files removed: ${report.removedTemporaryFiles}`)
      for (const file of report.damagedFiles) print(`  not listed, does not validate: ${file}`)
    })

  program
    .command('sample')
    .description(
      'fill an empty notebook with the sample: a short article on commonplace books, clippings of it and an essay citing them; a notebook that holds anything is refused',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const app = await cli.open({ create: true })
      const report = await openSampleNotebook(app, sampleNotebookDir())
      if (options.json) return void printJson(report)
      print(`imported ${report.source.id}  ${report.source.title}`)
      print(`clipped ${report.clippings} passages`)
      print(`wrote essay ${report.essay.id}  ${report.essay.title}`)
    })
}
