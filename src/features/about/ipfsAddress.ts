/**
 * The CID this page was loaded by, when it came from an IPFS gateway: `<cid>.ipfs.<gateway>`
 * (subdomain gateway) or `<gateway>/ipfs/<cid>/` (path gateway). Undefined otherwise.
 */
export function ipfsAddressOf({ hostname, pathname }: { hostname: string; pathname: string }): string | undefined {
  const subdomain = /^([a-z2-7]{50,})\.ipfs\./.exec(hostname)
  if (subdomain) return subdomain[1]
  return /^\/ipfs\/(b[a-z2-7]{50,}|Qm[1-9A-HJ-NP-Za-km-z]{44})(?:\/|$)/.exec(pathname)?.[1]
}
