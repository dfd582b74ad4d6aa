import { describeError } from './describeError'
import { Notice } from './Notice'

export function ErrorNotice({ error, title }: { error: unknown; title?: string }) {
  const words = describeError(error)
  return (
    <Notice tone="error" title={title ?? words.title}>
      <p>{words.detail}</p>
      {words.unreachable && (
        <p>
          If you are online, the browser may be blocking the request (CORS). Whoever hosts this app can
          proxy the API through its own domain: see “Proxy the Venice API” in the README.
        </p>
      )}
    </Notice>
  )
}
