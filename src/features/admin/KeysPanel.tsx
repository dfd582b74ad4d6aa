import { useQuery } from '@tanstack/react-query'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { ApiKey } from '../../venice/schemas'
import { ErrorNotice } from '../../ui/ErrorNotice'
import type { KeyEntry } from '../../session/keyring'
import { UnreadableItems } from '../../ui/UnreadableItems'
import { KeyDetail } from './KeyDetail'
import { KeysTable } from './KeysTable'
import { adminQueries } from './queries'
import { keyName } from './words'

/** The account's keys; "Manage" opens one key's detail in place of the list. */
export function KeysPanel({ entry, onRevokedSelf }: { entry: KeyEntry; onRevokedSelf: () => void }) {
  const [open, setOpen] = useState<{ id: string; name: string }>()
  const [backToList, setBackToList] = useState(false)
  const { data, error, isFetching, refetch } = useQuery(adminQueries.keys(entry.id))
  const heading = useRef<HTMLHeadingElement>(null)
  const manage = useCallback((key: ApiKey) => setOpen({ id: key.id, name: keyName(key) }), [])

  useEffect(() => {
    if (!open && backToList) heading.current?.focus()
  }, [open, backToList])

  if (open) {
    return (
      <KeyDetail
        entry={entry}
        veniceKeyId={open.id}
        name={open.name}
        onClose={() => {
          setOpen(undefined)
          setBackToList(true)
        }}
        onRevokedSelf={onRevokedSelf}
      />
    )
  }

  return (
    <section aria-labelledby="admin-keys-title" aria-busy={isFetching}>
      <div className="dashboard-header">
        <h3 id="admin-keys-title" ref={heading} tabIndex={-1}>
          Keys of this account
        </h3>
        <button type="button" className="button" onClick={() => void refetch()} disabled={isFetching}>
          {isFetching ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
      {error && !isFetching && <ErrorNotice error={error} outcome="The keys could not be listed" />}
      {!data && !error && <p aria-live="polite">Loading the keys…</p>}
      {data && <UnreadableItems count={data.unreadable} what={data.unreadable === 1 ? 'key' : 'keys'} />}
      {data && <KeysTable keys={data.items} entry={entry} onManage={manage} />}
    </section>
  )
}
