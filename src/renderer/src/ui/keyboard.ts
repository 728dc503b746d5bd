import { shortcutLabel, shortcuts, type Shortcut } from './commands'

// Every keyboard shortcut of the app, in one table. The handlers match key presses against these
// same objects (useCommand, the editor's ShortcutsPlugin, the clipping form) and the buttons'
// hints are written from them, so the sheet cannot list a key that does something else. A new
// entry in `shortcuts` or `editorShortcuts` does not compile until it is described below.

/** The essay editor's keys; ShortcutsPlugin handles each one from this table. */
export const editorShortcuts = {
  bold: { key: 'b' },
  italic: { key: 'i' },
  underline: { key: 'u' },
  link: { key: 'k' },
  'insert-citation': { key: 'k', shift: true },
  undo: { key: 'z' },
  redo: { key: 'z', shift: true },
} satisfies Record<string, Shortcut>

export type EditorShortcut = keyof typeof editorShortcuts

/** Keys of forms: the clipping editor saves with this one. */
export const formShortcuts = {
  save: { key: 'enter' },
} satisfies Record<string, Shortcut>

type Area = 'Anywhere' | 'Reading' | 'Writing' | 'Clippings' | 'Dialogs and menus'

const commandRows: Record<keyof typeof shortcuts, { area: Area; does: string }> = {
  'import-source': { area: 'Anywhere', does: 'Import sources' },
  'open-settings': { area: 'Anywhere', does: 'Open Settings' },
  'show-shortcuts': { area: 'Anywhere', does: 'Show this list of keyboard shortcuts' },
  'toggle-library': { area: 'Anywhere', does: 'Show or hide the sources pane' },
  'toggle-clippings': { area: 'Anywhere', does: 'Show or hide the clippings pane' },
  'focus-mode': { area: 'Writing', does: 'Focus mode: only the essay (Esc leaves)' },
  'clip-selection': { area: 'Reading', does: 'Clip the selected passage' },
  'export-essay': { area: 'Writing', does: 'Export the open essay to Markdown' },
  'find-in-essay': {
    area: 'Writing',
    does: 'Find in the essay (Enter: next, Shift+Enter: previous, Esc: back to the text)',
  },
}

const editorRows: Record<EditorShortcut, string> = {
  bold: 'Bold',
  italic: 'Italic',
  underline: 'Underline',
  link: 'Add or edit a link',
  'insert-citation': 'Insert a citation (pick a clipping)',
  undo: 'Undo',
  redo: 'Redo',
}

/** Plain keys (no modifier): the browser's and the components' own, listed for completeness. */
const plainRows: { area: Area; keys: string; does: string }[] = [
  { area: 'Anywhere', keys: 'Tab / Shift+Tab', does: 'Move to the next or previous control' },
  {
    area: 'Writing',
    keys: '↑ / ↓, then Tab',
    does: 'Select a citation block, then reach its locator, comment and buttons',
  },
  { area: 'Clippings', keys: 'Esc', does: 'Cancel editing a clipping' },
  { area: 'Dialogs and menus', keys: 'Esc', does: 'Close the dialog or menu' },
  { area: 'Dialogs and menus', keys: '↑ / ↓', does: 'Move between a menu’s items' },
]

export interface SheetRow {
  /** As shown: this platform's notation. */
  keys: string
  does: string
}

export interface SheetGroup {
  area: Area
  rows: SheetRow[]
}

const areas: Area[] = ['Anywhere', 'Reading', 'Writing', 'Clippings', 'Dialogs and menus']

/** The sheet's contents, grouped by where each key works. */
export function shortcutSheet(): SheetGroup[] {
  const rows: (SheetRow & { area: Area })[] = [
    ...Object.entries(commandRows).map(([command, row]) => ({
      ...row,
      keys: shortcutLabel(shortcuts[command as keyof typeof shortcuts]),
    })),
    ...Object.entries(editorRows).map(([name, does]) => ({
      area: 'Writing' as const,
      does,
      keys: shortcutLabel(editorShortcuts[name as EditorShortcut]),
    })),
    {
      area: 'Clippings',
      does: 'Save a clipping’s note and tags',
      keys: shortcutLabel(formShortcuts.save),
    },
    ...plainRows,
  ]
  return areas.map((area) => ({
    area,
    rows: rows.filter((row) => row.area === area).map(({ keys, does }) => ({ keys, does })),
  }))
}
