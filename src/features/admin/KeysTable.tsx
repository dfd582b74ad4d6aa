import { enumWords } from '../../ui/enumWords'
import { memo, useDeferredValue, useMemo, useState } from 'react'
import { formatAmount, formatDate, formatUsd, formatUtcDate } from '../../ui/format'
import { ShowMoreRows, useRowWindow } from '../../ui/rowWindow'
import { compareCells, SortableHeader, useSort } from '../../ui/sortable'
import { KEY_TYPES, type ApiKey } from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'
import type { KeyEntry } from '../../session/keyring'
import { isKeyInUse } from './keyInUse'
import { UsageBar } from './UsageBar'
import { MODEL_PRIVACY_NAMES } from '../key-options'
import { DESCRIPTION_LIMIT, keyName, limitWords } from './words'
import { ExternalText } from '../../ui/ExternalText'

type Column = 'description' | 'type' | 'created' | 'lastUsed' | 'expires' | 'week'
const SORTABLE: Record<Column, string> = {
  description: 'Description',
  type: 'Type',
  created: 'Created',
  lastUsed: 'Last used',
  expires: 'Expires',
  week: 'Last 7 days',
}

function sortValue(key: ApiKey, column: Column): string | number {
  switch (column) {
    case 'description':
      return key.description.toLowerCase()
    case 'type':
      return key.apiKeyType
    case 'created':
      return Date.parse(key.createdAt) || 0
    case 'lastUsed':
      return key.lastUsedAt ? Date.parse(key.lastUsedAt) || 0 : -Infinity
    case 'expires':
      return key.expiresAt ? Date.parse(key.expiresAt) || 0 : Infinity
    case 'week':
      return key.usage?.trailingSevenDays?.usd ?? 0
  }
}

interface KeysTableProps {
  keys: readonly ApiKey[]
  entry: KeyEntry
  onManage: (key: ApiKey) => void
}

/** Every active key of the account, filterable and sortable. */
export function KeysTable({ keys, entry, onManage }: KeysTableProps) {
  const [search, setSearch] = useState('')
  // The field answers each keystroke at once; the table follows when the browser has time.
  const deferredSearch = useDeferredValue(search)
  const [type, setType] = useState<KeyType | 'all'>('all')
  const { sort, toggle } = useSort<Column>(
    { column: 'created', descending: true },
    (column) => column !== 'description' && column !== 'type',
  )

  // Sorted once per sort; a keystroke only filters, which keeps that order.
  const sorted = useMemo(
    () => [...keys].sort((a, b) => compareCells(sortValue(a, sort.column), sortValue(b, sort.column), sort.descending)),
    [keys, sort],
  )
  const rows = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase()
    return sorted.filter(
      (key) =>
        (type === 'all' || key.apiKeyType === type) &&
        (needle === '' ||
          key.description.toLowerCase().includes(needle) ||
          key.last6Chars.toLowerCase().includes(needle) ||
          key.id.includes(needle)),
    )
  }, [sorted, deferredSearch, type])
  const { shown, hidden, showMore } = useRowWindow(rows, `${deferredSearch}|${type}|${sort.column}|${sort.descending}`)

  const header = (column: Column) => <SortableHeader column={column} label={SORTABLE[column]} sort={sort} onSort={toggle} />

  return (
    <>
      <div className="admin-filters">
        <label className="search">
          <span>Search keys</span>
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="description or last characters"
          />
        </label>
        <label className="search">
          <span>Type</span>
          <select value={type} onChange={(e) => setType(e.target.value as KeyType | 'all')}>
            <option value="all">All types</option>
            {KEY_TYPES.map((keyType) => (
              <option key={keyType} value={keyType}>
                {keyType}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint" role="status">
        {rows.length === keys.length
          ? `${keys.length} active ${keys.length === 1 ? 'key' : 'keys'}.`
          : `${rows.length} of ${keys.length} keys shown.`}
      </p>
      <div className="table-scroll">
        <table className="admin-keys card-table">
          <caption className="visually-hidden">Active keys of this account</caption>
          <thead>
            <tr>
              {header('description')}
              {header('type')}
              <th scope="col">Ends in</th>
              {header('created')}
              {header('lastUsed')}
              {header('expires')}
              <th scope="col">Limit</th>
              <th scope="col">Models</th>
              {header('week')}
              <th scope="col">This period</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((key) => (
              <KeyRow key={key.id} apiKey={key} inUse={isKeyInUse(key, entry)} onManage={onManage} />
            ))}
          </tbody>
        </table>
      </div>
      <ShowMoreRows hidden={hidden} onClick={showMore} />
      {rows.length === 0 && (
        <p className="muted">{keys.length === 0 ? 'Venice lists no active keys.' : 'No key matches this search.'}</p>
      )}
    </>
  )
}

interface KeyRowProps {
  apiKey: ApiKey
  inUse: boolean
  onManage: (key: ApiKey) => void
}

/** Memoised: a search that keeps a row keeps its cells as they are. */
const KeyRow = memo(function KeyRow({ apiKey: key, inUse, onManage }: KeyRowProps) {
  const week = key.usage?.trailingSevenDays
  const { usd, diem } = key.consumptionLimits
  return (
    <tr className={inUse ? 'in-use' : undefined}>
      <th scope="row">
        {key.description ? (
          <ExternalText text={key.description} limit={DESCRIPTION_LIMIT} />
        ) : (
          <span className="muted">Untitled</span>
        )}
        {inUse && (
          <>
            {' '}
            <span className="badge badge-in-use">in use here</span>
          </>
        )}
      </th>
      <td data-label="Type">
        <span className={`badge badge-${key.apiKeyType.toLowerCase()}`}>{key.apiKeyType}</span>
      </td>
      <td data-label="Ends in">
        <code>…{key.last6Chars}</code>
      </td>
      <td data-label="Created">{formatDate(key.createdAt)}</td>
      <td data-label="Last used">{key.lastUsedAt ? formatDate(key.lastUsedAt) : <span className="muted">never</span>}</td>
      <td data-label="Expires">{key.expiresAt ? formatUtcDate(key.expiresAt) : <span className="muted">never</span>}</td>
      <td data-label="Limit">{limitWords(key)}</td>
      <td data-label="Models">{enumWords(MODEL_PRIVACY_NAMES, key.modelPrivacy)}</td>
      <td data-label="Last 7 days">
        {week ? `${formatUsd(week.usd)} · ${formatAmount(week.diem)} DIEM` : <span className="muted">unknown</span>}
      </td>
      <td data-label="This period">
        {usd === null && diem === null && <span className="muted">no cap</span>}
        {usd !== null && <UsageBar label="USD this period" used={key.currentPeriodUsage?.usd} limit={usd} format={formatUsd} />}
        {diem !== null && (
          <UsageBar
            label="DIEM this period"
            used={key.currentPeriodUsage?.diem}
            limit={diem}
            format={(n) => `${formatAmount(n)} DIEM`}
          />
        )}
      </td>
      <td className="row-actions">
        <button type="button" className="button" aria-label={`Manage ${keyName(key)}`} onClick={() => onManage(key)}>
          Manage
        </button>
      </td>
    </tr>
  )
})
