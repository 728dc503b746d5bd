import type { MenuCommand } from '../../../shared/ipc'

/**
 * Every menu command the page acts on: `useCommand` accepts only these, and main's smoke test
 * checks that each item of the native menu sends one of them. 'before-close' is answered by the
 * save-on-leave and resume hooks rather than `useCommand`.
 */
export const handledMenuCommands = [
  'import-source',
  'import-highlights',
  'clip-selection',
  'new-essay',
  'export-essay',
  'import-essay',
  'open-backups',
  'open-sample',
  'before-close',
  'open-settings',
  'show-shortcuts',
  'show-about',
  'toggle-library',
  'toggle-clippings',
  'focus-mode',
  'find-in-essay',
  'import-opened-files',
] as const satisfies readonly MenuCommand[]

export type HandledMenuCommand = (typeof handledMenuCommands)[number]
