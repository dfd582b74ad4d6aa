import { useAccount } from 'wagmi'
import { BaseChainGate } from '../../chain/BaseChainGate'
import { usePosition } from '../../chain/usePosition'
import { useOpenConnect } from '../../chain/openConnect'
import { Notice } from '../../ui/Notice'
import { DiemStakeForms } from './DiemStakeForms'
import { MintDiemForm } from './MintDiemForm'
import { PositionSummary } from './PositionSummary'
import { RewardsPanel } from './RewardsPanel'
import { StakeVvvForm } from './StakeVvvForm'
import { UnstakePanel } from './UnstakePanel'

/** VVV → sVVV → DIEM: everything a holder needs for a key that can pay. Its own lazy chunk. */
export default function StakePage({ mintHref }: { mintHref: string }) {
  const { address, isConnected } = useAccount()
  const openConnectModal = useOpenConnect()
  const { position, loading, refresh } = usePosition(address)

  return (
    <section className="stake" aria-labelledby="stake-title">
      <h1 id="stake-title">Stake VVV and fund your keys with DIEM</h1>
      <p className="lead">
        Staked VVV (sVVV) lets this wallet <a href={mintHref}>mint Venice API keys</a>. Staked DIEM pays for what those keys do:
        $1 of credit per staked DIEM per UTC day. Every transaction is checked against the chain before your wallet is asked.
      </p>

      {!isConnected && (
        <Notice title="Connect the wallet that holds your VVV">
          <button type="button" className="button primary" onClick={openConnectModal}>
            Connect wallet
          </button>
        </Notice>
      )}
      {isConnected && loading && <p aria-live="polite">Reading your position on Base…</p>}
      {isConnected && !loading && !position && (
        <Notice tone="warning" title="Your position is unavailable">
          <p>The Base network did not answer. It is read again on the next block.</p>
        </Notice>
      )}

      {address && position && <PositionSummary position={position} />}
      <BaseChainGate why="Staking happens on Base: your wallet sends these transactions there.">
        {address && position && (
          <>
            <StakeVvvForm address={address} position={position} onMined={refresh} />
            <RewardsPanel position={position} onMined={refresh} />
            <UnstakePanel position={position} onMined={refresh} />
            <section aria-labelledby="diem-title">
              <h2 id="diem-title">Fund your keys with DIEM</h2>
              <MintDiemForm position={position} onMined={refresh} />
              <DiemStakeForms position={position} onMined={refresh} />
            </section>
          </>
        )}
      </BaseChainGate>
    </section>
  )
}
