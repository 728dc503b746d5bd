import { Command } from 'commander'
import { version } from '../../package.json'
import { registerBibCommands } from './cli/bib-commands'
import { registerAnnotationCommands } from './cli/annotation-commands'
import { registerEssayCommands } from './cli/essay-commands'
import { registerHighlightsCommands } from './cli/highlights-commands'
import { createContext } from './cli/context'
import { registerLibraryCommands } from './cli/library-commands'
import { registerNotebookCommands } from './cli/notebook-commands'
import { registerSearchCommands } from './cli/search-commands'
import { registerSourceCommands } from './cli/source-commands'
import { registerSyncServerCommand } from './cli/sync-server-command'
import { registerSyncCommand } from './cli/sync-command'
import { CommonplaceError } from './core/errors'

// The `commonplace` command: the app's own services on the same data directory, without Electron.
// Exit codes: 0 done; 1 failed (or, for verify, a quote that would stop an export); 2 an export
// stopped by the quote-integrity gate.

const program = new Command()
  .name('commonplace')
  .description(
    'Commonplace from the terminal: import sources, clip exact passages, export essays with quotes checked.',
  )
  .option(
    '--data-dir <path>',
    "the notebook folder (default: $COMMONPLACE_DATA_DIR, else the app's own)",
  )
  .version(version, '-V, --version', 'print the version of Commonplace')
  .showHelpAfterError()
  .addHelpText(
    'after',
    '\nExit codes: 0 done; 1 failed, or verify found a quote changed or missing in its source;\n' +
      '2 an export stopped because a quote could not be verified (see export --allow-unverified);\n' +
      '3 sync could not reach the server (changes are kept); 4 the sync server refused the token.',
  )

const cli = createContext(program)
registerLibraryCommands(program, cli)
registerEssayCommands(program, cli)
registerNotebookCommands(program, cli)
registerSearchCommands(program, cli)
registerSourceCommands(program, cli)
registerHighlightsCommands(program, cli)
registerBibCommands(program, cli)
registerAnnotationCommands(program, cli)
registerSyncServerCommand(program)
registerSyncCommand(program, cli)

program.parseAsync(process.argv).then(
  () => cli.warnAboutProblems(),
  (error: unknown) => {
    if (error instanceof CommonplaceError) {
      cli.warnAboutProblems(error.message)
      process.stderr.write(`commonplace: ${error.message}\n`)
    } else {
      cli.warnAboutProblems()
      process.stderr.write(
        `commonplace: unexpected error: ${error instanceof Error ? error.stack : String(error)}\n`,
      )
    }
    process.exitCode = 1
  },
)
