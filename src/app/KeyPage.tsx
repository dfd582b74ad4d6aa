import { lazy, Suspense, useState } from 'react'
import { config } from '../config'
import { KeyList, RememberPanel, SecretReveal } from '../features/key'
import { useKey } from '../session/useKeyring'
import { navigate, paths } from './router'

const DashboardPage = lazy(() => import('../features/dashboard'))
// Its own chunk, fetched only for a key whose prefix says ADMIN.
const AdminConsole = lazy(() => import('../features/admin'))

export function KeyPage({ keyId }: { keyId: string }) {
  const entry = useKey(keyId)
  // A new key's reveal stays up once saved (Copy, Download, "I have saved it": it then says so) until the user leaves.
  const [revealing, setRevealing] = useState<string>()
  if (entry?.unsaved && revealing !== entry.id) setRevealing(entry.id)
  if (!entry) {
    return (
      <p>
        This key is not in this session: keys live in memory and are gone after a reload unless you chose to remember them.{' '}
        <a href={paths.home}>Add a key</a>.
      </p>
    )
  }
  return (
    <div className="key-page">
      {(entry.unsaved || revealing === entry.id) && <SecretReveal entry={entry} apiUrl={config.veniceApiUrl} />}
      <Suspense fallback={<p aria-live="polite">Loading the dashboard…</p>}>
        <DashboardPage entry={entry} stakeHref={paths.stake} />
      </Suspense>
      {entry.secret.type === 'ADMIN' && (
        <Suspense fallback={<p aria-live="polite">Loading the ADMIN console…</p>}>
          <AdminConsole entry={entry} onRevokedSelf={() => navigate(paths.home)} />
        </Suspense>
      )}
      <aside>
        <KeyList
          activeId={keyId}
          hrefFor={(other) => paths.key(other.id)}
          onForget={(gone) => gone.id === keyId && navigate(paths.home)}
        />
        <RememberPanel />
        <p>
          <a href={paths.home}>Add another key</a>
        </p>
      </aside>
    </div>
  )
}
