import { useState } from 'react'
import { countStates } from '../../../shared/anchor'
import { CITATION_STATES } from '../../../shared/essay'
import { call } from '../api'

interface VerifyAllProps {
  /** Saves what is typed, so the check reads the essay as it stands. */
  beforeVerifying: () => Promise<void>
  onProblem: (message: string) => void
}

/** "Verify all": every citation in every essay, checked against its source's newest version. */
export function VerifyAll({ beforeVerifying, onProblem }: VerifyAllProps): React.JSX.Element {
  const [verification, setVerification] = useState('')
  const verifyAll = async (): Promise<void> => {
    await beforeVerifying()
    const result = await call((api) => api.verifyCitations())
    if (!result.ok) return onProblem(result.error.message)
    const counts = countStates(CITATION_STATES, result.value)
    const total = result.value.length
    const kept = counts.kept > 0 ? `, ${counts.kept} kept as clipped` : ''
    const unreadable = counts.unreadable > 0 ? `, ${counts.unreadable} unreadable` : ''
    const waiting = counts.waiting > 0 ? `, ${counts.waiting} waiting for sync` : ''
    setVerification(
      `${total} ${total === 1 ? 'citation' : 'citations'}: ${counts.verified} verified, ` +
        `${counts.moved} moved, ${counts.changed} changed, ${counts.missing} missing` +
        `${kept}${unreadable}${waiting}`,
    )
  }
  return (
    <>
      <button
        type="button"
        className="essays-button essays-button-quiet"
        onClick={() => void verifyAll()}
      >
        Verify all
      </button>
      {verification && (
        <p className="essays-verification" role="status">
          {verification}
        </p>
      )}
    </>
  )
}
