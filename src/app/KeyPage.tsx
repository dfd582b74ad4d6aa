import { lazy, Suspense } from 'react'
import { config } from '../config'
import { KeyList, KeyTitle, RememberPanel, SecretReveal } from '../features/key'
import type { KeyEntry } from '../session/keyring'
import { useKey } from '../session/useKeyring'
import { navigate, paths, type KeySection } from './router'

const DashboardPage = lazy(() => import('../features/dashboard'))
// Its own chunk, fetched only for a key whose prefix says ADMIN.
const AdminConsole = lazy(() => import('../features/admin'))

/** One key: its overview, its rate limits and (ADMIN keys) the console, each at its own address. */
export function KeyPage({ keyId, section, tab }: { keyId: string; section: KeySection; tab?: string | undefined }) {
  const entry = useKey(keyId)
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
      <KeyTitle entry={entry} />
      <SectionNav entry={entry} section={section} />
      {section === 'overview' && (
        <>
          {(entry.unsaved || entry.revealing) && <SecretReveal entry={entry} apiUrl={config.veniceApiUrl} />}
          <Suspense fallback={<p aria-live="polite">Loading the dashboard…</p>}>
            <DashboardPage entry={entry} section="overview" limitsHref={paths.key(entry.id, 'limits')} stakeHref={paths.stake} />
          </Suspense>
          <aside className="key-page-aside">
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
        </>
      )}
      {section === 'limits' && (
        <Suspense fallback={<p aria-live="polite">Loading the rate limits…</p>}>
          <DashboardPage entry={entry} section="limits" stakeHref={paths.stake} />
        </Suspense>
      )}
      {section === 'console' &&
        (entry.secret.type === 'ADMIN' ? (
          <Suspense fallback={<p aria-live="polite">Loading the ADMIN console…</p>}>
            <AdminConsole
              entry={entry}
              tab={tab}
              onSelectTab={(id) => navigate(paths.key(entry.id, 'console', id))}
              onRevokedSelf={() => navigate(paths.home)}
            />
          </Suspense>
        ) : (
          <p>
            Only an ADMIN key opens the console; this is an {entry.secret.type} key.{' '}
            <a href={paths.key(entry.id)}>Back to its overview</a>.
          </p>
        ))}
    </div>
  )
}

function SectionNav({ entry, section }: { entry: KeyEntry; section: KeySection }) {
  const sections: [KeySection, string][] = [
    ['overview', 'Overview'],
    ['limits', 'Rate limits'],
    ...(entry.secret.type === 'ADMIN' ? ([['console', 'ADMIN console']] as [KeySection, string][]) : []),
  ]
  return (
    <nav className="section-nav" aria-label="This key">
      <ul>
        {sections.map(([id, label]) => (
          <li key={id}>
            <a href={paths.key(entry.id, id)} aria-current={id === section ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
