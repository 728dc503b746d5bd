import { useId, type ReactElement } from 'react'

interface RadioChoicesProps<T extends string> {
  legend: string
  choices: readonly { value: T; label: string }[]
  value: T
  onChange(value: T): void
  /** A sentence under the choices, read with the group. */
  hint?: string
}

/** One setting chosen among a few: a fieldset of radio buttons (arrow keys move between them). */
export function RadioChoices<T extends string>({
  legend,
  choices,
  value,
  onChange,
  hint,
}: RadioChoicesProps<T>): ReactElement {
  const id = useId()
  return (
    <fieldset className="settings-field" aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      <div className="settings-choices">
        {choices.map((choice) => (
          <label key={choice.value}>
            <input
              type="radio"
              name={id}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => onChange(choice.value)}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {hint && (
        <p id={`${id}-hint`} className="settings-hint">
          {hint}
        </p>
      )}
    </fieldset>
  )
}
