import { useQuery } from '@tanstack/react-query'
import { ErrorNotice } from '../../ui/ErrorNotice'
import type { KeyEntry } from '../../session/keyring'
import { KeyFacts } from './KeyFacts'
import { adminQueries } from './queries'

/**
 * The key in use, read back with `GET /api_keys/{id}`: after a wallet mint this is where the real
 * stored limits are, since the mint response's echo of them is unreliable.
 */
export function ThisKeySettings({ entry, veniceKeyId }: { entry: KeyEntry; veniceKeyId: string }) {
  const { data, error } = useQuery(adminQueries.key(entry.id, veniceKeyId))
  return (
    <section className="admin-this-key" aria-labelledby="admin-this-key-title">
      <h3 id="admin-this-key-title">This key, as Venice stores it</h3>
      {entry.origin === 'minted' && (
        <p className="hint">
          Read back from Venice: the limits echoed when a key is minted with a wallet are not reliable, these are.
        </p>
      )}
      {error && <ErrorNotice error={error} outcome="Venice did not return this key’s settings" />}
      {!data && !error && <p aria-live="polite">Loading this key’s stored settings…</p>}
      {data && <KeyFacts apiKey={data} />}
    </section>
  )
}
