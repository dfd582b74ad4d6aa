import type { MintStatus } from './mintMachine'

const STEPS = [
  { status: 'fetchingChallenge', label: 'Get a one-time sign-in from Venice and check it' },
  { status: 'reviewing', label: 'Read what you will sign' },
  { status: 'awaitingSignature', label: 'Sign in your wallet' },
  { status: 'minting', label: 'Create the key' },
] as const

/** Which of the four steps is running, with a Cancel for the running mint. */
export function MintProgress({ status, onCancel }: { status: MintStatus; onCancel: () => void }) {
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
          Your wallet shows the text from the review above. Cancel here and this page sends nothing, whatever the wallet does.
        </p>
      )}
      {status.name === 'minting' && (
        <p className="hint">
          The signed request is with Venice. If you stop waiting, the key may still be created, and this page would not see its
          secret.
        </p>
      )}
      {status.name !== 'reviewing' && (
        <button type="button" className="button" onClick={onCancel}>
          {status.name === 'minting' ? 'Stop waiting' : 'Cancel'}
        </button>
      )}
    </div>
  )
}
