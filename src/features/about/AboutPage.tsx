import { config } from '../../config'
import { buildInfo } from '../../config/build'
import { walletRelayHosts } from '../../config/csp'
import { ipfsAddressOf } from './ipfsAddress'

const hostOf = (url: string) => new URL(url).host

/** "About this page": what the app is, whom it talks to, and how to check that a copy is a release. */
export default function AboutPage() {
  const relays = walletRelayHosts(config)
  const loadedCid = ipfsAddressOf(window.location)
  const { version, commit, modified } = buildInfo
  const knownCommit = /^[0-9a-f]{40}$/.test(commit)
  return (
    <article className="about">
      <h1>About this page</h1>
      <p className="lead">
        A set of static files that runs entirely in your browser. There is no server of ours behind it and no analytics: nothing
        you do here is reported to anyone.
      </p>

      <h2>Whom it talks to</h2>
      <ul>
        <li>
          <strong>The Venice API</strong> at <code>{hostOf(config.veniceApiUrl)}</code>: to mint a key with your signature and to
          show what a key can do. Your key is sent only there, in the request’s authorization header.
        </li>
        <li>
          <strong>A Base node</strong> at <code>{hostOf(config.baseRpcUrl)}</code>: to read your VVV and sVVV balances, and for
          your wallet’s requests.
        </li>
        {relays.length > 0 ? (
          <li>
            <strong>Wallet relays</strong>, only if you pick a wallet that connects through them (WalletConnect, Coinbase/Base):{' '}
            {relays.map((host, index) => (
              <span key={host}>
                {index > 0 && ', '}
                <code>{host}</code>
              </span>
            ))}
            .
          </li>
        ) : (
          <li>
            <strong>No wallet relays</strong>: this build offers only wallets installed in your browser.
          </li>
        )}
      </ul>
      <p>
        Nothing else, and nothing at all before you click: the page’s Content-Security-Policy lets the browser connect only to
        these hosts. Your wallet signs in its own window; the page never sees its keys.
      </p>

      <h2>This build</h2>
      <p>
        Version {version}, built from commit <code className="commit">{commit}</code>
        {modified && ' with local changes, so it is not a release of that commit'}.
      </p>
      {loadedCid && (
        <p>
          You loaded it by its IPFS address <code className="cid">{loadedCid}</code>. That address stands for exactly one set of
          files: an IPFS node of your own, or a gateway that verifies in your browser, refuses anything else under it.
        </p>
      )}

      <h2>Check it yourself</h2>
      <p>
        Every release can be rebuilt from its commit, byte for byte. In a copy of the project’s source code (Node 20 and git),
        run:
      </p>
      <pre>
        <code>{`git checkout ${knownCommit ? commit : '<commit>'}\nnpm ci\nnpm run release`}</code>
      </pre>
      <p>
        The last command builds the app and prints the IPFS address (CID) of the built files. If it matches the address in your
        gateway link, you are running exactly that source code. On a host that is not IPFS, compare the files instead:{' '}
        <code>release.json</code>, written beside the build, lists the SHA-256 of every file. The scripts and styles this page
        loads first also carry integrity hashes, so the browser refuses them if a host alters them.
      </p>
    </article>
  )
}
