import { useEffect, useState, type SubmitEvent } from 'react'
import { isAddressEqual } from 'viem'
import { useAccount } from 'wagmi'
import { BaseChainGate, useWrongChain } from '../../chain/BaseChainGate'
import { useEligibility } from '../../chain/useEligibility'
import { useOpenConnect } from '../../chain/openConnect'
import { Notice } from '../../ui/Notice'
import { DEFAULT_DRAFT, KeyOptionsForm, validateKeyOptions, type FieldErrors } from '../key-options'
import { EligibilityPanel } from './EligibilityPanel'
import { MintNotices } from './MintNotices'
import { MintProgress } from './MintProgress'
import { SignatureReview } from './SignatureReview'
import { useMint } from './useMint'

/**
 * Connect → eligibility → settings → token or challenge, checked and shown in words → signature →
 * key. Loaded with the wallet code only.
 */
export default function MintPage({
  onMinted,
  aboutHref,
  stakeHref,
}: {
  onMinted: (keyId: string) => void
  aboutHref: string
  stakeHref: string
}) {
  const { address, isConnected } = useAccount()
  const openConnectModal = useOpenConnect()
  const wrongChain = useWrongChain()
  const eligibility = useEligibility(address)
  const [draft, setDraft] = useState(DEFAULT_DRAFT)
  const [errors, setErrors] = useState<FieldErrors>({})
  const { state, mint, confirm, cancel, accountChanged, reset } = useMint()
  const { status } = state

  useEffect(() => {
    if (status.name === 'revealed') onMinted(status.keyId)
  }, [status, onMinted])

  // A sign-in names the wallet it was fetched for: another account must never sign it.
  const boundTo = status.name === 'reviewing' || status.name === 'awaitingSignature' ? status.address : undefined
  useEffect(() => {
    if (boundTo && (!address || !isAddressEqual(address, boundTo))) accountChanged()
  }, [address, boundTo, accountChanged])

  const busy = status.name !== 'idle' && status.name !== 'failed' && status.name !== 'revealed'
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
      <BaseChainGate why="Venice checks your stake on Base." />
      {isConnected && <EligibilityPanel eligibility={eligibility} stakeHref={stakeHref} />}

      <form onSubmit={submit} noValidate>
        <KeyOptionsForm draft={draft} onChange={setDraft} errors={errors} disabled={busy} />

        <MintNotices status={status} />
        {status.name === 'reviewing' && (
          <SignatureReview
            signIn={status.signIn}
            address={status.address}
            apiKeyType={draft.apiKeyType}
            aboutHref={aboutHref}
            onConfirm={() => void confirm()}
            onCancel={cancel}
          />
        )}
        <MintProgress status={status} onCancel={cancel} />

        <div className="actions">
          <button
            type="submit"
            className="button primary"
            disabled={busy || blockedBy !== undefined}
            aria-describedby={blockedBy ? 'mint-blocked' : undefined}
          >
            {busy ? 'Minting…' : status.name === 'failed' ? 'Try again' : 'Mint key'}
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
              First this page gets a one-time sign-in from Venice, checks it, and shows you what it authorizes. Only then, when
              you agree, does your wallet ask for the signature: a message, not a transaction. No gas, no funds move.
            </p>
          )}
        </div>
      </form>
    </section>
  )
}
