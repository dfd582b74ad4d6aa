import { ErrorNotice } from '../../ui/ErrorNotice'
import { Notice } from '../../ui/Notice'
import { SignInRefusal } from '../../venice/signIn'
import type { IdleNotice, MintStatus } from './mintMachine'
import { nextStepAfter } from './mintFailure'
import { AbandonedMint } from './useMint'

const IDLE_NOTICES: Record<IdleNotice, { title: string; text: string }> = {
  rejected: {
    title: 'You declined the signature',
    text: 'Nothing was sent to Venice. Your settings are kept: mint again when you are ready.',
  },
  expiredBeforeSigning: {
    title: 'The sign-in expired before it was signed',
    text: 'It was too close to its expiry to be sent, so nothing was. Mint again to get a fresh one.',
  },
  cancelled: { title: 'Cancelled', text: 'Nothing was sent to Venice. Your settings are kept.' },
  accountChanged: {
    title: 'Your wallet switched accounts',
    text: 'The sign-in was for the previous account, so it was not signed. Mint again to start over for the account your wallet is on now.',
  },
}

/** Why the last attempt stopped, and what to do next. */
export function MintNotices({ status }: { status: MintStatus }) {
  if (status.name === 'idle') {
    if (!status.notice) return null
    const { title, text } = IDLE_NOTICES[status.notice]
    return (
      <Notice tone="warning" title={title}>
        <p>{text}</p>
      </Notice>
    )
  }
  if (status.name !== 'failed') return null
  const { error, keyMayExist } = status

  if (error instanceof SignInRefusal) {
    return (
      <Notice tone="error" title={`Not signed: Venice's answer failed the "${error.check}" check`}>
        <p>{error.message}</p>
        <p>
          Your wallet was not asked for anything and nothing was sent. An answer like this can come from a proxy or a page between
          you and Venice trying to get a signature for something else; if it repeats, do not sign it anywhere.
        </p>
      </Notice>
    )
  }
  if (error instanceof AbandonedMint) {
    return (
      <Notice tone="warning" title="The outcome is unknown">
        <p>{error.message}</p>
        <p>An ADMIN key of this account lists every key, and can revoke one whose secret you never got.</p>
      </Notice>
    )
  }
  const nextStep = nextStepAfter(error)
  return (
    <>
      <ErrorNotice error={error} outcome={keyMayExist ? 'The key may have been minted' : 'The key was not minted'} />
      {nextStep && (
        <Notice title="What to do">
          <p>{nextStep}</p>
        </Notice>
      )}
      {keyMayExist && !nextStep && (
        <Notice tone="warning">
          <p>
            The request reached Venice, but its answer was an error, lost or unreadable, so Venice may have created a key whose
            secret this page never received. Minting again makes a new key; an ADMIN key can list and revoke the unknown one.
          </p>
        </Notice>
      )}
    </>
  )
}
