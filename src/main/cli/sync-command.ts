import type { Command } from 'commander'
import { flushDerived } from '../core/commonplace'
import { CommonplaceError } from '../core/errors'
import {
  readSyncConfig,
  syncConfigOf,
  syncDir,
  writeSyncConfig,
  type SyncConfig,
} from '../core/sync/sync-config'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { print, printError, printJson, type CliContext } from './context'

// `commonplace sync`: sets up, runs once, reports on, or turns off the notebook's sync.
// Exit codes: 0 synced; 1 failed; 3 the server could not be reached (changes are kept); 4 the
// server refused the notebook (wrong token).

export const EXIT_UNREACHABLE = 3
export const EXIT_REFUSED = 4

interface SyncOptions {
  server?: string
  token?: string
  notebook?: string
  once?: boolean
  status?: boolean
  off?: boolean
  timeout: string
  json?: boolean
}

export function registerSyncCommand(program: Command, cli: CliContext): void {
  program
    .command('sync')
    .description(
      'sync the notebook with a Commonplace sync server: with --server and --token, set it up and sync once; --once pushes and pulls until the server has everything (exit 3 when it cannot be reached, 4 when it refuses the token); --status tells how syncing goes; --off turns it off',
    )
    .option('--server <url>', 'the server, ws://host:port (wss:// behind TLS)')
    .option('--token <token>', 'the notebook’s token on that server')
    .option(
      '--notebook <name>',
      'the notebook’s name on the server (default: the data folder’s name)',
    )
    .option('--once', 'push and pull until the server has acknowledged everything, then exit')
    .option('--status', 'print whether it is connected, updates not yet sent, and the last sync')
    .option('--off', 'stop syncing this notebook (its local copy stays as it is)')
    .option('--timeout <seconds>', 'how long --once waits for the server', '15')
    .option('--json', 'print the result as JSON')
    .action(async (options: SyncOptions) => {
      const dataDir = cli.dataDir()
      if (options.off) {
        await writeSyncConfig(dataDir, null)
        return void print(`sync is off for ${dataDir}; the notebook stays as it is here`)
      }
      if (options.status) return printStatus(dataDir, options.json)
      let config = await readSyncConfig(dataDir)
      if (options.server || options.token || options.notebook) {
        const server = options.server ?? config?.server
        const token = options.token ?? config?.token
        if (!server || !token) {
          throw new CommonplaceError(
            'invalid-argument',
            'Setting up sync needs both --server ws://host:port and --token T.',
          )
        }
        config = syncConfigOf(dataDir, {
          server,
          token,
          notebook: options.notebook ?? config?.notebook,
        })
        await writeSyncConfig(dataDir, config)
        print(`sync set up: notebook "${config.notebook}" on ${config.server}`)
      }
      if (!config) {
        throw new CommonplaceError(
          'invalid-argument',
          'Sync is not set up for this notebook. Set it up with: commonplace sync --server ws://host:port --token T',
        )
      }
      await syncOnce(cli, config, Number(options.timeout) * 1000, options.json)
    })
}

async function syncOnce(
  cli: CliContext,
  config: SyncConfig,
  timeoutMs: number,
  json = false,
): Promise<void> {
  const app = await cli.open({ create: true })
  // Yjs and the client load only for a sync, not with every other command.
  const { NotebookSync } = await import('../core/sync/notebook-sync')
  const sync = await NotebookSync.start(app, { config, who: 'commonplace sync' })
  if (!sync) return
  try {
    const report = await sync.round(Number.isFinite(timeoutMs) ? timeoutMs : 15_000)
    if (json) return void printJson({ ...report, status: sync.status() })
    print(
      `synced notebook "${config.notebook}" with ${config.server}: sent ${report.sent} updates, received ${report.received}`,
    )
    if (report.sources + report.essays > 0) {
      print(`  took in ${report.sources} sources and ${report.essays} essays from other devices`)
    }
    if (report.restoredBecauseEdited > 0) {
      print(
        `  ${report.restoredBecauseEdited} clippings deleted here were restored: another device edited them meanwhile`,
      )
    }
    if (report.essaysRestoredBecauseEdited > 0) {
      print(
        `  ${report.essaysRestoredBecauseEdited} essays deleted here were restored: another device wrote in them meanwhile`,
      )
    }
    if (report.waiting > 0) print(`  ${report.waiting} sources are still waiting for their text`)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    if (message.startsWith('could not reach')) {
      printError(`commonplace: ${message}; your changes are kept and will be sent next time`)
      process.exitCode = EXIT_UNREACHABLE
    } else if (/refused/.test(message)) {
      printError(`commonplace: ${message} Check the token (commonplace sync --token T).`)
      process.exitCode = EXIT_REFUSED
    } else {
      throw error
    }
  } finally {
    await sync.stop()
    await flushDerived(app)
  }
}

async function printStatus(dataDir: string, json = false): Promise<void> {
  const config = await readSyncConfig(dataDir)
  if (!config) {
    if (json) return void printJson({ enabled: false, connected: false, pendingUpdates: 0 })
    return void print(
      'sync is off (set it up with: commonplace sync --server ws://host:port --token T)',
    )
  }
  const { readSyncStatusFile } = await import('../core/sync/sync-client')
  const saved = await readSyncStatusFile(dataDir)
  const running = await runningSync(dataDir)
  const status = {
    enabled: true,
    server: config.server,
    notebook: config.notebook,
    connected: running !== null && saved?.connected === true,
    pendingUpdates: saved?.pendingUpdates ?? 0,
    ...(saved?.lastSyncAt && { lastSyncAt: saved.lastSyncAt }),
    ...(saved?.error && { error: saved.error }),
    ...(running && { runningIn: running }),
  }
  if (json) return void printJson(status)
  print(`notebook "${config.notebook}" on ${config.server}`)
  print(
    `  connected: ${status.connected ? 'yes' : 'no'}${running ? ` (syncing in ${running})` : ' (no sync is running now)'}`,
  )
  print(`  pending updates: ${status.pendingUpdates}`)
  print(`  last sync: ${status.lastSyncAt ?? 'never'}`)
  if (status.error) print(`  problem: ${status.error}`)
}

/** Who holds the sync lock, when a live process does. */
async function runningSync(dataDir: string): Promise<string | null> {
  try {
    const holder = JSON.parse(await readFile(join(syncDir(dataDir), 'lock'), 'utf8')) as {
      pid: number
      who: string
    }
    process.kill(holder.pid, 0)
    return holder.who
  } catch {
    return null
  }
}
