/**
 * An IPFS *path* gateway (`https://gateway.example/ipfs/<cid>/`) serves every site on it from one
 * origin: any other page there can read this app's storage and wrap its `fetch`. A subdomain
 * gateway (`https://<cid>.ipfs.gateway.example/`) or an own domain gives the app its own origin.
 */
export interface SharedOrigin {
  /** `ipfs` or `ipns`, and the CID or name after it. */
  namespace: 'ipfs' | 'ipns'
  name: string
  /** The same content on a subdomain gateway, which gives it an origin of its own. */
  subdomainUrl: string
}

const PATH_GATEWAY = /^\/(ipfs|ipns)\/([^/]+)/

export function sharedOrigin(location: Pick<Location, 'pathname'>): SharedOrigin | undefined {
  const match = PATH_GATEWAY.exec(location.pathname)
  if (!match) return undefined
  const namespace = match[1] as SharedOrigin['namespace']
  const name = decodeURIComponent(match[2]!)
  // dweb.link answers any CID or name on a subdomain (it converts older CIDs itself).
  const label = namespace === 'ipns' ? name.replace(/-/g, '--').replace(/\./g, '-') : name
  return { namespace, name, subdomainUrl: `https://${label}.${namespace}.dweb.link/` }
}
