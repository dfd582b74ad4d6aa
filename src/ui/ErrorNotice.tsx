import { describeError } from './describeError'
import { Notice } from './Notice'
import { ExternalText } from './ExternalText'

/**
 * An error in words. `outcome` says what did not happen ("The key was not created"); the error's
 * own title (429, 500, unreachable…) always follows it, so neither hides the other.
 */
export function ErrorNotice({ error, outcome }: { error: unknown; outcome?: string }) {
  const words = describeError(error)
  return (
    <Notice tone="error" title={outcome ? `${outcome}: ${words.title}` : words.title}>
      <p>
        <ExternalText text={words.detail} />
      </p>
      {words.unreachable && (
        <>
          <p>
            Check that you are online, then try again. If other sites load, Venice may be down for a moment, or an extension or a
            firewall is blocking it in this browser.
          </p>
          <details>
            <summary>Hosting this page?</summary>
            <p>
              If it never works from this address, the browser is likely blocking Venice’s answers to it (CORS). Serve the API
              through your own domain: see “Proxy the Venice API” in the README.
            </p>
          </details>
        </>
      )}
    </Notice>
  )
}
