import { shortcutLabel, shortcuts } from '../ui/commands'

export function EmptyReader({ hasSources }: { hasSources: boolean }): React.JSX.Element {
  return (
    <section aria-label="Reader" className="reader reader-empty">
      <div className="empty empty-large">
        {hasSources ? (
          <>
            <p className="empty-title">Choose a source to read</p>
            <p>Pick one from the library on the left. Select a passage to clip it.</p>
          </>
        ) : (
          <>
            <p className="empty-title">Import an article to start</p>
            <p>
              Choose Import source (or press {shortcutLabel(shortcuts['import-source'])}) and pick
              saved web pages, Markdown or text files. Then select a passage and clip it: the
              clipping keeps the exact words and where they came from.
            </p>
          </>
        )}
      </div>
    </section>
  )
}
