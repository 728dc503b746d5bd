import { readableDiff } from './readableDiff'
import './word-diff.css'

/** `was` -> `now` word by word: removed words struck through, added ones underlined. */
export function WordDiff({ was, now }: { was: string; now: string }): React.JSX.Element {
  return (
    <span className="word-diff">
      {readableDiff(was, now).map((part, index) =>
        part.kind === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : part.kind === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </span>
  )
}
