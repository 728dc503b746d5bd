import { createCommand } from 'lexical'

/**
 * Brings the top-level block of this key into view, laying it out first if a long essay's window
 * has it hidden (see EssayBlockWindow.show); without moving the selection or the focus. Handled
 * while the essay is windowed: otherwise the block is in the page and scrolled to directly.
 */
export const SHOW_BLOCK_COMMAND = createCommand<string>('SHOW_BLOCK_COMMAND')
