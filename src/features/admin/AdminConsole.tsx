import { QueryClientProvider } from '@tanstack/react-query'
import { useState } from 'react'
import { Notice } from '../../ui/Notice'
import { queryClient } from '../../query/queryClient'
import type { KeyEntry } from '../../session/keyring'
import { AccountBalance } from './AccountBalance'
import { AdminTabs, type AdminTab } from './AdminTabs'
import { BreachLog } from './BreachLog'
import { CreateKey } from './CreateKey'
import { KeysPanel } from './KeysPanel'
import { ThisKeySettings } from './ThisKeySettings'
import { useAdminRefusal, type AdminRefusal } from './useAdminRefusal'
import { UsageView } from './UsageView'
import { ExternalText } from '../../ui/ExternalText'

type TabId = 'keys' | 'create' | 'breaches' | 'balance' | 'usage'
const TABS: readonly AdminTab<TabId>[] = [
  { id: 'keys', label: 'Keys' },
  { id: 'create', label: 'Create a key' },
  { id: 'breaches', label: 'Rate-limit breaches' },
  { id: 'balance', label: 'Account balance' },
  { id: 'usage', label: 'Usage' },
]

interface AdminConsoleProps {
  entry: KeyEntry
  /** The open tab's id, from the address; anything else opens "Keys". Without `onSelectTab`, the console keeps its own. */
  tab?: string | undefined
  onSelectTab?: (id: TabId) => void
  /** The key this page uses was revoked here (it has already left the keyring). */
  onRevokedSelf?: () => void
}

/**
 * Key management and billing for an ADMIN key. Lazily loaded, only for a key whose prefix says
 * ADMIN; it brings its own provider so neither the first load nor the dashboard carries it.
 */
export default function AdminConsole({ entry, tab, onSelectTab, onRevokedSelf = () => undefined }: AdminConsoleProps) {
  return (
    <QueryClientProvider client={queryClient}>
      {/* Keyed by the key: another ADMIN key (maybe another account) starts from a clean console. */}
      <Console key={entry.id} entry={entry} routedTab={tab} onSelectTab={onSelectTab} onRevokedSelf={onRevokedSelf} />
    </QueryClientProvider>
  )
}

const isTabId = (id: string | undefined): id is TabId => TABS.some((tab) => tab.id === id)

interface ConsoleProps {
  entry: KeyEntry
  routedTab: string | undefined
  onSelectTab: ((id: TabId) => void) | undefined
  onRevokedSelf: () => void
}

function Console({ entry, routedTab, onSelectTab, onRevokedSelf }: ConsoleProps) {
  const { refusal, checkAgain } = useAdminRefusal(entry.id)
  const [ownTab, setOwnTab] = useState<TabId>('keys')
  const tab = onSelectTab ? (isTabId(routedTab) ? routedTab : 'keys') : ownTab
  const setTab = onSelectTab ?? setOwnTab

  if (refusal) return <Refused refusal={refusal} checkAgain={checkAgain} />

  return (
    <section className="admin-console" aria-labelledby="admin-title">
      <h2 id="admin-title">
        Account administration <span className="badge badge-admin">ADMIN</span>
      </h2>
      <p className="hint">
        This ADMIN key can list, create, change and revoke every key of its Venice account, and read its billing.
      </p>
      {entry.veniceKeyId && <ThisKeySettings entry={entry} veniceKeyId={entry.veniceKeyId} />}
      <AdminTabs label="Account administration" tabs={TABS} selected={tab} onSelect={setTab}>
        {tab === 'keys' && <KeysPanel entry={entry} onRevokedSelf={onRevokedSelf} />}
        {tab === 'create' && <CreateKey entry={entry} />}
        {tab === 'breaches' && <BreachLog entry={entry} />}
        {tab === 'balance' && <AccountBalance entry={entry} />}
        {tab === 'usage' && <UsageView entry={entry} />}
      </AdminTabs>
    </section>
  )
}

function Refused({ refusal, checkAgain }: { refusal: AdminRefusal; checkAgain: () => void }) {
  return (
    <section className="admin-console" aria-labelledby="admin-title">
      <h2 id="admin-title">Account administration</h2>
      {refusal.reason === 'notAdmin' ? (
        <Notice tone="warning" title="This is not an ADMIN key after all">
          <p>
            Its prefix says ADMIN, but Venice answered “<ExternalText text={refusal.error.message} />
            ”: it does not let this key manage keys or read billing. Everything on its dashboard above still works. To manage the
            account, use a key Venice accepts as ADMIN.
          </p>
        </Notice>
      ) : (
        <Notice tone="error" title="Venice did not accept this key">
          <p>
            It is invalid, expired or revoked (Venice answered “<ExternalText text={refusal.error.message} />
            ”). Forget it here, or mint a new one.
          </p>
        </Notice>
      )}
      <button type="button" className="button" onClick={checkAgain}>
        Ask Venice again
      </button>
    </section>
  )
}
