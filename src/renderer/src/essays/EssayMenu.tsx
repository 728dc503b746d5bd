import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactElement } from 'react'
import type { CitationStyle, ExportFormat } from '../../../shared/ipc'
import { useSettings } from '../settings/SettingsContext'
import { useNotify } from '../ui/notices'
import { ariaShortcut, shortcutLabel, shortcuts } from '../ui/commands'

interface MenuOption<T extends string> {
  value: T
  label: string
  hint: string
}

export const exportFormats: MenuOption<ExportFormat>[] = [
  { value: 'gfm', label: 'Markdown (footnotes)', hint: 'GitHub-flavoured, with references' },
  { value: 'pandoc', label: 'Pandoc (citations)', hint: '[@key] citations and CSL-JSON' },
  { value: 'obsidian', label: 'Obsidian', hint: 'Quotes as callouts with block ids, footnotes' },
]

/** The shipped CSL styles, as the menu and Settings name them. */
export const citationStyles: MenuOption<CitationStyle>[] = [
  { value: 'plain', label: 'Plain', hint: 'Commonplace’s own footnotes' },
  {
    value: 'chicago-notes-bibliography',
    label: 'Chicago notes and bibliography',
    hint: 'Footnotes, short forms, bibliography',
  },
  { value: 'apa', label: 'APA', hint: '(Author, year, p. 12) and references' },
  { value: 'mla', label: 'MLA', hint: '(Author 12) and works cited' },
]

interface EssayMenuProps {
  format: ExportFormat
  exportBusy: boolean
  onExport(): void
  onFormat(format: ExportFormat): void
  onDelete(): void
}

const ITEM = '[role^="menuitem"]'

/**
 * The open essay's "⋯" menu: Export (with its shortcut), the export format, Delete. A menu in the
 * ARIA sense: the arrow keys, Home and End move through it, Escape closes it and gives the focus
 * back to its button, and choosing an item closes it.
 */
export function EssayMenu(props: EssayMenuProps): ReactElement {
  const { format, exportBusy, onExport, onFormat, onDelete } = props
  const [open, setOpen] = useState(false)
  const [focusFirst, setFocusFirst] = useState<'first' | 'last'>('first')
  const button = useRef<HTMLButtonElement>(null)
  const menu = useRef<HTMLDivElement>(null)
  const menuId = useId()
  const settings = useSettings()
  const notify = useNotify()
  const style = settings.settings.citationStyle
  // Remembered in Settings, for the next export and the next start.
  const chooseStyle = async (value: CitationStyle): Promise<void> => {
    const problem = await settings.update({ citationStyle: value })
    if (problem) notify.error(problem)
  }

  const items = (): HTMLElement[] => [...(menu.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])]

  const close = (refocus: boolean): void => {
    setOpen(false)
    if (refocus) button.current?.focus()
  }

  useEffect(() => {
    if (!open) return
    const list = items()
    ;(focusFirst === 'first' ? list[0] : list[list.length - 1])?.focus()
    const onPointerDown = (event: PointerEvent): void => {
      const target = event.target as Node
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown, true)
    return () => document.removeEventListener('pointerdown', onPointerDown, true)
  }, [open, focusFirst])

  const openWith = (which: 'first' | 'last'): void => {
    setFocusFirst(which)
    setOpen(true)
  }

  const onMenuKey = (event: KeyboardEvent<HTMLDivElement>): void => {
    const list = items()
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (index: number): void => {
      event.preventDefault()
      list[(index + list.length) % list.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(list.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      close(true)
    } else if (event.key === 'Tab') close(false)
  }

  const choose = (action: () => void): void => {
    close(true)
    action()
  }

  const exportShortcut = shortcuts['export-essay']
  return (
    <div className="essay-menu">
      <button
        ref={button}
        type="button"
        className="essay-menu-button"
        aria-label="Essay actions"
        title="Essay actions"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openWith('first'))}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault()
            openWith(event.key === 'ArrowDown' ? 'first' : 'last')
          }
        }}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          role="menu"
          aria-label="Essay actions"
          className="essay-menu-list"
          onKeyDown={onMenuKey}
        >
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="essay-menu-item"
            aria-keyshortcuts={ariaShortcut(exportShortcut)}
            aria-disabled={exportBusy}
            onClick={() => !exportBusy && choose(onExport)}
          >
            <span>Export…</span>
            <kbd className="essay-menu-shortcut">{shortcutLabel(exportShortcut)}</kbd>
          </button>
          <div role="separator" className="essay-menu-separator" />
          <MenuRadioGroup
            id={`${menuId}-format`}
            heading="Export format"
            options={exportFormats}
            checked={format}
            onChoose={(value) => choose(() => onFormat(value))}
          />
          <div role="separator" className="essay-menu-separator" />
          <MenuRadioGroup
            id={`${menuId}-style`}
            heading="Citation style (Markdown)"
            options={citationStyles}
            checked={style}
            onChoose={(value) => choose(() => void chooseStyle(value))}
          />
          <div role="separator" className="essay-menu-separator" />
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="essay-menu-item essay-menu-danger"
            onClick={() => choose(onDelete)}
          >
            Delete essay…
          </button>
        </div>
      )}
    </div>
  )
}

/** A titled group of radio items in the menu: one of its options is the checked one. */
function MenuRadioGroup<T extends string>({
  id,
  heading,
  options,
  checked,
  onChoose,
}: {
  id: string
  heading: string
  options: MenuOption<T>[]
  checked: T
  onChoose: (value: T) => void
}): ReactElement {
  return (
    <div role="group" aria-labelledby={id}>
      <p id={id} className="essay-menu-heading" role="presentation">
        {heading}
      </p>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="menuitemradio"
          tabIndex={-1}
          aria-checked={checked === option.value}
          aria-label={option.label}
          className="essay-menu-item essay-menu-radio"
          onClick={() => onChoose(option.value)}
        >
          <span className="essay-menu-check" aria-hidden="true">
            {checked === option.value ? '●' : ''}
          </span>
          <span className="essay-menu-label">
            {option.label}
            <span className="essay-menu-hint">{option.hint}</span>
          </span>
        </button>
      ))}
    </div>
  )
}
