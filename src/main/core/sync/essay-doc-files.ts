// What an essay's shared document keeps beside its log in sync/docs/: the essay as the store and
// the doc last both held it (`.base.json`), and a mark that the doc holds what the store does not
// yet (`.unwritten`). Writes run in order on one chain; a failure is only logged.
import { readFile, rm } from 'node:fs/promises'
import type { SerializedEditorStateJson } from '../../../shared/essay'
import { writeDurably } from '../store/durable-json-file'
import type { PersistedDoc } from './persisted-doc'

/** An open essay's doc, as far as what is kept beside it goes. */
export interface BesideTheDoc {
  persisted: PersistedDoc
  /**
   * The essay as the store and the doc last both held it: what a store change is taken from.
   * Kept beside the doc's log, so a change the CLI made while the app was closed is found too.
   */
  base: SerializedEditorStateJson | null
  /** The chain the files beside the doc are written on. */
  baseWritten: Promise<void>
  /**
   * What arrived is not in the store yet; marked beside the doc's log too, so that after a crash
   * the next start writes it (the log has it, the store would not until the next change arrived).
   */
  unwritten: boolean
}

export function baseFileOf(persisted: PersistedDoc): string {
  return `${persisted.path}.base.json`
}

export function unwrittenFileOf(persisted: PersistedDoc): string {
  return `${persisted.path}.unwritten`
}

/** Marks (or clears) beside the doc's log that it holds what the store does not, in order. */
export function markUnwritten(open: BesideTheDoc, unwritten: boolean): void {
  if (open.unwritten === unwritten) return
  open.unwritten = unwritten
  const path = unwrittenFileOf(open.persisted)
  open.baseWritten = open.baseWritten
    .then(() => (unwritten ? writeDurably(path, '') : rm(path, { force: true })))
    .catch((error: unknown) => console.error(`Marking ${path}:`, error))
}

/** Sets the base and writes it beside the doc's log (in order; a failure is only logged). */
export function keepBase(open: BesideTheDoc, state: SerializedEditorStateJson): void {
  open.base = state
  const path = baseFileOf(open.persisted)
  open.baseWritten = open.baseWritten
    .then(() => writeDurably(path, JSON.stringify(state)))
    .catch((error: unknown) => console.error(`Saving ${path}:`, error))
}

export async function readBase(path: string): Promise<SerializedEditorStateJson | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as SerializedEditorStateJson
  } catch {
    // None yet, or unreadable: store changes are taken in from the next agreement on.
    return null
  }
}
