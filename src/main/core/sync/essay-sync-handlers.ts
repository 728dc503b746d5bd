import { userInfo } from 'node:os'
import { z } from 'zod'
import type { InvokeHandlers, Result } from '../../../shared/ipc'
import type { Settings } from '../../../shared/settings'
import { colorForName, type SyncConfigInput, type SyncStatus } from '../../../shared/sync'
import { CommonplaceError } from '../errors'
import { NOTEBOOK_NAME_PATTERN } from './doc-names'
import type { EssayDocs } from './essay-docs'

/** Turning sync on and off and how it stands: the sync client's (Y2's) part. */
export interface SyncControl {
  status(): SyncStatus | Promise<SyncStatus>
  configure(config: SyncConfigInput | null): Promise<SyncStatus>
}

/** What the handlers reach sync through; absent parts answer that sync is off. */
export interface SyncPorts {
  /** The open notebook's essay documents while sync is on, else null. */
  essayDocs?: () => EssayDocs | null
  control?: SyncControl
}

export const syncConfigSchema = z
  .object({
    server: z
      .string()
      .max(2000)
      .regex(/^wss?:\/\/[^\s/]+/, 'The server is a ws:// or wss:// address (ws://host:1234).'),
    notebook: z
      .string()
      .regex(
        NOTEBOOK_NAME_PATTERN,
        'A notebook name is lower-case letters, digits and dashes (at most 63).',
      )
      .optional(),
    token: z.string().min(1, 'The token must not be empty.').max(1000),
  })
  .strict()

type SyncMethod =
  | 'getSyncStatus'
  | 'configureSync'
  | 'joinEssayDoc'
  | 'sendEssayUpdate'
  | 'leaveEssayDoc'
  | 'sendEssayAwareness'

type Handle = <S extends z.ZodType<unknown[]>, T>(
  schema: S,
  run: (...args: z.infer<S>) => Promise<T> | T,
) => (...args: unknown[]) => Promise<Result<T>>

interface SyncSchemas {
  getSyncStatus: z.ZodType<[]>
  configureSync: z.ZodType<[SyncConfigInput | null]>
  joinEssayDoc: z.ZodType<[string]>
  sendEssayUpdate: z.ZodType<[string, string]>
  leaveEssayDoc: z.ZodType<[string]>
  sendEssayAwareness: z.ZodType<[string, string]>
}

/** The user as the other writers see them: the name from Settings, else the OS account's. */
export function identityOf(settings: Settings): { name: string; color: string } {
  let name = settings.userName.trim()
  if (!name) {
    try {
      name = userInfo().username
    } catch {
      // No account name (some containers): the fallback below.
    }
  }
  name ||= 'Someone'
  return { name, color: colorForName(name) }
}

/** The sync channels' handlers (see ipc.ts), answered through `sync`'s parts. */
export function essayDocHandlers(
  schemas: SyncSchemas,
  handle: Handle,
  sync: SyncPorts,
  settings: () => Promise<Settings>,
): Pick<InvokeHandlers, SyncMethod> {
  const docs = (): EssayDocs => {
    const open = sync.essayDocs?.()
    if (!open) throw new CommonplaceError('not-found', 'Sync is off: essays are edited here alone.')
    return open
  }
  const control = (): SyncControl => {
    if (!sync.control) throw new CommonplaceError('not-found', 'Sync is not available here.')
    return sync.control
  }
  return {
    getSyncStatus: handle(schemas.getSyncStatus, () => control().status()),
    configureSync: handle(schemas.configureSync, (config) => control().configure(config)),
    joinEssayDoc: handle(schemas.joinEssayDoc, async (essayId) => {
      const { update } = await docs().join(essayId)
      return { update, user: identityOf(await settings()) }
    }),
    sendEssayUpdate: handle(schemas.sendEssayUpdate, (essayId, update) =>
      docs().receive(essayId, update),
    ),
    leaveEssayDoc: handle(schemas.leaveEssayDoc, async (essayId) => {
      await sync.essayDocs?.()?.leave(essayId)
    }),
    sendEssayAwareness: handle(schemas.sendEssayAwareness, (essayId, update) =>
      docs().receiveAwareness(essayId, update),
    ),
  }
}
