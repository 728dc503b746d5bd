// @vitest-environment jsdom
import { act, type ReactElement } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { loadEditor, useEditorModule } from './editorModule'

// React's act() warns unless it is told it runs in a test.
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function Probe({ seen }: { seen: string[] }): ReactElement {
  const editor = useEditorModule(true)
  seen.push(editor ? 'editor' : 'placeholder')
  return <p>{editor ? 'editor' : 'placeholder'}</p>
}

describe('the editor module', () => {
  it('is there on the first render once its chunk is in: no placeholder, no suspense', async () => {
    await loadEditor()
    const seen: string[] = []
    const root = createRoot(document.createElement('div'))
    await act(async () => root.render(<Probe seen={seen} />))
    expect(seen[0]).toBe('editor')
    expect(seen).not.toContain('placeholder')
    root.unmount()
  })
})
