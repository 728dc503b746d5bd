import type { ReactElement } from 'react'
import { ModalDialog } from '../ui/ModalDialog'
import { shortcutSheet } from '../ui/keyboard'

/** Help > Keyboard Shortcuts (Ctrl/Cmd+/): every key, from the table the handlers match on. */
export function ShortcutSheet({ onClose }: { onClose(): void }): ReactElement {
  return (
    <ModalDialog title="Keyboard shortcuts" onClose={onClose} className="shortcut-sheet">
      {shortcutSheet().map((group) => (
        <section key={group.area} className="shortcut-group" aria-label={group.area}>
          <h3>{group.area}</h3>
          <table className="shortcut-table">
            <tbody>
              {group.rows.map((row) => (
                <tr key={`${row.keys} ${row.does}`}>
                  <th scope="row">
                    <kbd>{row.keys}</kbd>
                  </th>
                  <td>{row.does}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </ModalDialog>
  )
}
