import type { ReactNode } from 'react'
import { useAccount, useSwitchChain } from 'wagmi'
import { base } from 'wagmi/chains'

/** A connected wallet that is not on Base. */
export function useWrongChain(): boolean {
  const { chainId, isConnected } = useAccount()
  return isConnected && chainId !== base.id
}

/**
 * While the connected wallet is on another network: a prompt to switch to Base, and `children`
 * hidden (kept mounted, so a transaction's status survives a trip to another network).
 * `why` says in the page's words what needs Base.
 */
export function BaseChainGate({ why, children }: { why: string; children?: ReactNode }) {
  const wrongChain = useWrongChain()
  const { switchChain, isPending: switching, error } = useSwitchChain()
  return (
    <>
      {wrongChain && (
        // The markup of ui/Notice (warning), which this layer may not import.
        <div className="notice notice-warning" role="status">
          <strong className="notice-title">Your wallet is on another network</strong>
          <p>{why} Switch to Base (chain 8453) to continue.</p>
          <button type="button" className="button primary" disabled={switching} onClick={() => switchChain({ chainId: base.id })}>
            {switching ? 'Switching…' : 'Switch to Base'}
          </button>
          {error && <p className="field-error">The wallet did not switch: {error.message.split('\n')[0]}</p>}
        </div>
      )}
      {children !== undefined && <div hidden={wrongChain}>{children}</div>}
    </>
  )
}
