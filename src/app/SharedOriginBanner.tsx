import { sharedOrigin } from '../config/sharedOrigin'

const shared = sharedOrigin(window.location)

/** Said on every page of a path-gateway deployment: other sites there share this app's origin. */
export function SharedOriginBanner() {
  if (!shared) return null
  return (
    <div className="notice notice-warning shared-origin" role="note" aria-label="Shared address">
      <strong className="notice-title">This copy of the app shares its address with other sites</strong>
      <p>
        It is served from an IPFS path gateway (<code>/{shared.namespace}/…</code>), where every site on the gateway has the same
        origin and could read what this page stores. Keys stay in memory here: remembering them on this device is turned off. Open
        the same files on a subdomain gateway, which gives the app its own origin, e.g.{' '}
        <a href={shared.subdomainUrl} rel="noreferrer">
          {shared.subdomainUrl}
        </a>
        .
      </p>
    </div>
  )
}
