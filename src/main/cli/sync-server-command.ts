import { resolve } from 'node:path'
import { InvalidArgumentError, Option, type Command } from 'commander'
import { CommonplaceError } from '../core/errors'
import type { RunningSyncServer } from '../core/sync/server/sync-server'
import { print, printError } from './context'

// `commonplace sync-server`: runs until told to stop. A start that fails says why on one line and
// exits 2, so a service manager or a script can tell "misconfigured" from "crashed".

const EXIT_BAD_START = 2

function port(value: string): number {
  const number = Number(value)
  if (!/^\d+$/.test(value) || number > 65535)
    throw new InvalidArgumentError('expected a port from 0 to 65535 (0 picks a free one).')
  return number
}

function token(value: string): string {
  if (value.trim() === '') throw new InvalidArgumentError('the token must not be empty.')
  return value
}

interface SyncServerFlags {
  port: number
  data: string
  host: string
  token?: string
}

export function registerSyncServerCommand(program: Command): void {
  program
    .command('sync-server')
    .description(
      'run a sync server: many notebooks, each opened by its token, kept under --data (put it behind a TLS proxy to reach it from elsewhere)',
    )
    .requiredOption('--port <port>', 'the port to listen on (0 picks a free one)', port)
    .requiredOption('--data <dir>', "the folder that keeps the server's documents and tokens")
    .option('--host <address>', 'the address to listen on', '127.0.0.1')
    .addOption(
      // From the environment too: a token on the command line is visible to every user in `ps`.
      new Option(
        '--token <token>',
        'one token for every notebook (without it, the first device to use a notebook name sets its token)',
      )
        .env('COMMONPLACE_SYNC_TOKEN')
        .argParser(token),
    )
    // A bad flag is one line and exit 2, not the usage text (the server runs under scripts).
    .showHelpAfterError(false)
    .showSuggestionAfterError(false)
    .configureOutput({
      outputError: (text, write) =>
        write(`commonplace sync-server: ${text.replace(/^error: /, '')}`),
    })
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? 0 : EXIT_BAD_START)
    })
    .action(async (flags: SyncServerFlags) => {
      let server: RunningSyncServer
      try {
        // Loaded here, not with the CLI: the server (Hocuspocus, ws, Yjs) costs every other
        // command ~50 ms of start-up.
        const { startSyncServer } = await import('../core/sync/server/sync-server')
        server = await startSyncServer({
          dataDir: resolve(flags.data),
          host: flags.host,
          port: flags.port,
          token: flags.token,
        })
      } catch (error) {
        const message = error instanceof CommonplaceError ? error.message : String(error)
        printError(`commonplace sync-server: ${message}`)
        process.exit(EXIT_BAD_START)
      }
      stopOnSignals(server)
      print(`Commonplace sync server listening on ${server.url}`)
    })
}

function stopOnSignals(server: RunningSyncServer): void {
  let stopping = false
  const stop = (): void => {
    if (stopping) return
    stopping = true
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        printError(`commonplace sync-server: stopping failed: ${(error as Error).message}`)
        process.exit(1)
      },
    )
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
