import { useState } from 'react'
import { describeError } from '../../ui/describeError'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { ExternalText } from '../../ui/ExternalText'
import { Notice } from '../../ui/Notice'
import { writeMayHaveHappened } from '../../venice/errors'

interface WriteFailureProps {
  error: unknown
  /** What the write does, in the past tense: "created", "changed", "revoked". */
  done: string
  /** Asks Venice what actually happened, and says it in a sentence. */
  check: () => Promise<string>
}

/**
 * A failed create, change or revoke. A refusal is said plainly ("was not created"); an answer that
 * was lost, late or unreadable leaves the outcome unknown, so it is said to be unknown, with a way
 * to find out before trying again (which could otherwise create a second key).
 */
export function WriteFailure({ error, done, check }: WriteFailureProps) {
  const [checking, setChecking] = useState(false)
  const [finding, setFinding] = useState<string>()
  if (!writeMayHaveHappened(error)) return <ErrorNotice error={error} outcome={`The key was not ${done}`} />

  async function runCheck() {
    setChecking(true)
    try {
      setFinding(await check())
    } catch (failure) {
      setFinding(`The check failed too: ${describeError(failure).title}. Try again in a moment.`)
    } finally {
      setChecking(false)
    }
  }

  const words = describeError(error)
  return (
    <Notice tone="warning" title={`The key may have been ${done}: ${words.title}`}>
      <p>
        <ExternalText text={words.detail} />
      </p>
      <p>Venice may have done it before its answer was lost. Check before trying again.</p>
      <p>
        <button type="button" className="button" onClick={() => void runCheck()} disabled={checking}>
          {checking ? 'Checking…' : 'Check with Venice'}
        </button>
      </p>
      {finding && <p role="status">{finding}</p>}
    </Notice>
  )
}
