import { useEffect, useRef } from 'react'
import type { Address } from 'viem'
import { config } from '../../config'
import type { KeyType } from '../../venice/secret'
import { remainingMs, type SignIn } from '../../venice/signIn'
import { formatDuration } from '../../ui/format'
import { useNow } from '../../ui/useNow'
import { ADMIN_WARNING } from '../key-options'

interface Props {
  signIn: SignIn
  address: Address
  apiKeyType: KeyType
  aboutHref: string
  onConfirm: () => void
  onCancel: () => void
}

/**
 * What the wallet is about to sign, in words, before it opens: what the signature authorizes, who
 * receives it, how long it is valid, and the exact text on demand. Nothing is signed from here
 * without the user's click.
 */
export function SignatureReview({ signIn, address, apiKeyType, aboutHref, onConfirm, onCancel }: Props) {
  const now = useNow()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  const apiHost = new URL(config.veniceApiUrl).host
  const left = remainingMs(signIn, now)

  return (
    <section className="sign-review notice" aria-labelledby="sign-review-title">
      <h2 id="sign-review-title" ref={heading} tabIndex={-1}>
        Before your wallet opens: what you will sign
      </h2>
      <p>
        This signature authorizes Venice to create <strong>one {apiKeyType} API key</strong> on the Venice account of the wallet{' '}
        <code>{address}</code> (Venice creates that account and links it to the wallet on first use). It is a message, not a
        transaction: no gas, no funds move.
      </p>
      {apiKeyType === 'ADMIN' && (
        <p className="bad">
          <strong>ADMIN key.</strong> {ADMIN_WARNING}
        </p>
      )}
      <dl className="stats">
        <div>
          <dt>Who receives the signature</dt>
          <dd>
            The Venice API at <strong>{apiHost}</strong>, straight from this page, and nothing else.
          </dd>
        </div>
        <div>
          <dt>Valid for</dt>
          <dd>
            {formatDuration(left)} more (until {new Date(signIn.expiresAt).toLocaleTimeString()}), and only once.
          </dd>
        </div>
      </dl>

      {signIn.flow === 'challenge' ? (
        <ChallengeExplained apiHost={apiHost} aboutHref={aboutHref} />
      ) : (
        <TokenExplained apiHost={apiHost} />
      )}

      <details>
        <summary>Show the exact text your wallet will sign</summary>
        <pre className="command" data-testid="sign-in-text">
          {signIn.text}
        </pre>
      </details>

      <div className="actions">
        <button type="button" className="button primary" onClick={onConfirm}>
          Sign in my wallet
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </section>
  )
}

function ChallengeExplained({ apiHost, aboutHref }: { apiHost: string; aboutHref: string }) {
  return (
    <>
      <h3>Why your wallet may warn you</h3>
      <p>
        Venice asks for a “Sign-In with Ethereum” message addressed to <strong>{apiHost}</strong>. Wallets that check such
        messages (MetaMask does) warn when the page asking is not that site. This page is not Venice: it is a third-party page
        that talks to the Venice API directly, so the warning is expected here.
      </p>
      <p>
        The message itself says to sign it only on venice.ai, because anyone who holds this signature can create a key on your
        account. That is true, and it is why this page checked the message before showing it to you: it is addressed to {apiHost},
        names your wallet, is for Base, asks for nothing but the creation of one API key, carries Venice’s own words, and expires
        soon. The signature goes from this page to {apiHost} and nowhere else.
      </p>
      <p>
        What you can check: your browser’s developer tools (Network tab) show the signature leaving in one request to {apiHost}.
        Whether this page is the published, unmodified release is explained in <a href={aboutHref}>About this page</a>.
      </p>
    </>
  )
}

function TokenExplained({ apiHost }: { apiHost: string }) {
  return (
    <p>
      Your wallet will show a long string of letters: Venice’s one-time token, which it cannot put into words. This page checked
      it before showing you this: it is a Venice-style token (a JWT) with the expiry above, not a transaction or another site’s
      login, and the signature goes from this page to {apiHost} and nowhere else.
    </p>
  )
}
