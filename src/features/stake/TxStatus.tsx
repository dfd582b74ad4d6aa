import type { Hash } from 'viem'
import { Notice } from '../../ui/Notice'
import type { TxState } from './useTransaction'

const explorerTx = (hash: Hash) => `https://basescan.org/tx/${hash}`

function TxLink({ hash }: { hash: Hash | undefined }) {
  if (!hash) return null
  return (
    <p className="tx-hash">
      Transaction <code>{`${hash.slice(0, 10)}…${hash.slice(-8)}`}</code>
      {/* The sandbox's chain is local: Basescan has never heard of its transactions. */}
      {import.meta.env.VITE_SANDBOX !== 'true' && (
        <>
          {' '}
          <a href={explorerTx(hash)} target="_blank" rel="noreferrer noopener">
            on Basescan
          </a>
        </>
      )}
    </p>
  )
}

/** Where a write stands, in words: the one status line every action on the Stake page uses. */
export function TxStatus({ state }: { state: TxState }) {
  switch (state.phase) {
    case 'idle':
      return null
    case 'checking':
      return <p aria-live="polite">{state.label}: checking with the chain first…</p>
    case 'refused':
      return (
        <Notice tone="warning" title={`Not sent: ${state.label}`}>
          <p>The chain would refuse it: {state.reason}. Nothing was sent and your wallet was not asked.</p>
        </Notice>
      )
    case 'wallet':
      return <p aria-live="polite">{state.label}: confirm in your wallet…</p>
    case 'submitted':
      return (
        <Notice title={`Submitted: ${state.label}`}>
          <p>Waiting for it to be included in a block…</p>
          <TxLink hash={state.hash} />
        </Notice>
      )
    case 'confirmed':
      return (
        <Notice tone="success" title={`Confirmed: ${state.label}`}>
          <TxLink hash={state.hash} />
        </Notice>
      )
    case 'declined':
      return (
        <Notice title="You declined in your wallet">
          <p>Nothing was sent ({state.label}). Try again whenever you are ready.</p>
        </Notice>
      )
    case 'failed':
      return (
        <Notice tone="error" title={`Failed: ${state.label}`}>
          <p>{state.reason}</p>
          <TxLink hash={state.hash} />
        </Notice>
      )
  }
}
