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
        <p>
          If you are online, the browser may be blocking the request (CORS). Whoever hosts this app can proxy the API through its
          own domain: see “Proxy the Venice API” in the README.
        </p>
      )}
    </Notice>
  )
}
