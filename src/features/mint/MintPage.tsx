import { useEffect, useState, type SubmitEvent } from 'react'
import { useAccount, useSwitchChain } from 'wagmi'
import { base } from 'wagmi/chains'
import { useEligibility } from '../../chain/useEligibility'
import { useOpenConnect } from '../../chain/WalletModule'
import { ErrorNotice } from '../../ui/ErrorNotice'
import { Notice } from '../../ui/Notice'
import { useMemoryDraft } from '../../ui/useMemoryDraft'
import { DEFAULT_DRAFT, KeyOptionsForm, validateKeyOptions, type FieldErrors } from '../key-options'
import { EligibilityPanel } from './EligibilityPanel'
import { MintProgress } from './MintProgress'
import { useMint } from './useMint'

/** Connect → eligibility → settings → token, signature, key. Loaded with the wallet code only. */
export default function MintPage({ onMinted }: { onMinted: (keyId: string) => void }) {
  const { address, chainId, isConnected } = useAccount()
  const openConnectModal = useOpenConnect()
  const { switchChain, isPending: switching, error: switchError } = useSwitchChain()
  const eligibility = useEligibility(address)
  const [draft, setDraft] = useMemoryDraft('mint-options', DEFAULT_DRAFT)
  const [errors, setErrors] = useState<FieldErrors>({})
  const { state, mint, reset } = useMint()
  const { status } = state

  useEffect(() => {
    if (status.name === 'revealed') onMinted(status.keyId)
  }, [status, onMinted])

  const busy = status.name === 'fetchingToken' || status.name === 'awaitingSignature' || status.name === 'minting'
  const wrongChain = isConnected && chainId !== base.id
  const blockedBy = !isConnected
    ? 'Connect a wallet first.'
    : wrongChain
      ? 'Switch your wallet to Base first.'
      : eligibility.status === 'noStake'
        ? 'Venice would refuse: this wallet has no staked VVV.'
        : eligibility.status === 'checking'
          ? 'Checking your staked VVV…'
          : undefined

  function submit(event: SubmitEvent) {
    event.preventDefault()
    if (!address || blockedBy || busy) return
    const checked = validateKeyOptions(draft, new Date())
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    void mint(address, checked.apiKeyType, checked.options)
  }

  return (
    <section className="mint" aria-labelledby="mint-title">
      <h1 id="mint-title">Mint a Venice API key with your wallet</h1>

      {!isConnected && (
        <Notice title="Connect the wallet that holds your staked VVV">
          <button type="button" className="button primary" onClick={openConnectModal}>
            Connect wallet
          </button>
        </Notice>
      )}
      {wrongChain && (
        <Notice tone="warning" title="Your wallet is on another network">
          <p>Venice checks your stake on Base. Switch to Base (chain 8453) to continue.</p>
          <button type="button" className="button primary" disabled={switching} onClick={() => switchChain({ chainId: base.id })}>
            {switching ? 'Switching…' : 'Switch to Base'}
          </button>
          {switchError && <p className="field-error">The wallet did not switch: {switchError.message.split('\n')[0]}</p>}
        </Notice>
      )}
      {isConnected && <EligibilityPanel eligibility={eligibility} />}

      <form onSubmit={submit} noValidate>
        <KeyOptionsForm draft={draft} onChange={setDraft} errors={errors} disabled={busy} />

        {status.name === 'idle' && status.notice === 'rejected' && (
          <Notice tone="warning" title="You declined the signature">
            <p>Nothing was sent to Venice. Your settings are kept: mint again when you are ready.</p>
          </Notice>
        )}
        {status.name === 'idle' && status.notice === 'expiredWhileSigning' && (
          <Notice tone="warning" title="The token expired before it was signed">
            <p>Nothing was sent. Mint again to get a fresh token.</p>
          </Notice>
        )}
        {status.name === 'failed' && (
          <ErrorNotice
            error={status.error}
            outcome={status.keyMayExist ? 'The key may have been minted' : 'The key was not minted'}
          />
        )}
        {status.name === 'failed' && status.keyMayExist && (
          <Notice tone="warning">
            <p>
              The request reached Venice, but its answer was an error, lost or unreadable, so Venice may have created a key whose
              secret this page never received. Minting again makes a new key; an ADMIN key can list and revoke the unknown one.
            </p>
          </Notice>
        )}
        <MintProgress status={status} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={busy || blockedBy !== undefined}
            aria-describedby={blockedBy ? 'mint-blocked' : undefined}
          >
            {busy ? 'Minting…' : status.name === 'failed' ? 'Try again' : 'Sign and mint key'}
          </button>
          {status.name === 'failed' && (
            <button type="button" className="button link" onClick={reset}>
              Dismiss
            </button>
          )}
          {blockedBy && (
            <p id="mint-blocked" className="hint">
              {blockedBy}
            </p>
          )}
          {!blockedBy && !busy && (
            <p className="hint">
              Your wallet will ask you to sign a one-time token from Venice: a message, not a transaction. No gas, no funds move;
              it only proves to Venice that you hold this address.
            </p>
          )}
        </div>
      </form>
    </section>
  )
}
