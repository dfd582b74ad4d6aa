import { formatDuration } from '../../ui/format'
import { useNow } from '../../ui/useNow'
import { tokenRemainingMs, type MintStatus } from './mintMachine'

const STEPS = [
  { status: 'fetchingToken', label: 'Get a one-time token from Venice' },
  { status: 'awaitingSignature', label: 'Sign the token in your wallet' },
  { status: 'minting', label: 'Create the key' },
] as const

/** Which of the three steps is running, and how long the token has left. */
export function MintProgress({ status }: { status: MintStatus }) {
  const now = useNow()
  const current = STEPS.findIndex((step) => step.status === status.name)
  if (current === -1) return null
  return (
    <div className="mint-progress" role="status" aria-live="polite">
      <ol>
        {STEPS.map((step, index) => (
          <li
            key={step.status}
            aria-current={index === current ? 'step' : undefined}
            className={index < current ? 'done' : index === current ? 'current' : undefined}
          >
            {step.label}
            {index === current && '…'}
          </li>
        ))}
      </ol>
      {status.name === 'awaitingSignature' && (
        <p className="hint">
          Your wallet shows the token as the message: signing it proves you own this address and sends nothing on-chain. Token
          valid for {formatDuration(tokenRemainingMs(status.token, now))} more.
        </p>
      )}
    </div>
  )
}
