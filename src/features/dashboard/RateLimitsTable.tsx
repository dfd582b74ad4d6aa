import { memo, useDeferredValue, useMemo, useState } from 'react'
import type { RateLimitType, RateLimits } from '../../venice/schemas'
import { formatAmount, formatCompact } from '../../ui/format'
import { ShowMoreRows, useRowWindow } from '../../ui/rowWindow'
import { compareCells, SortableHeader, useSort } from '../../ui/sortable'

type Column = 'model' | RateLimitType
const LIMIT_COLUMNS: readonly RateLimitType[] = ['RPM', 'RPD', 'TPM']
const COLUMN_TITLES: Record<Column, string> = {
  model: 'Model',
  RPM: 'Requests / min',
  RPD: 'Requests / day',
  TPM: 'Tokens / min',
}

interface Row {
  model: string
  limits: Partial<Record<RateLimitType, number>>
}

function toRows(rateLimits: RateLimits['rateLimits']): Row[] {
  return rateLimits.map(({ apiModelId, rateLimits: limits }) => ({
    model: apiModelId,
    limits: Object.fromEntries(limits.map(({ type, amount }) => [type, amount])),
  }))
}

/**
 * Per-model limits, searchable and sortable. An empty list means the model is not throughput-limited.
 * Memoised: the dashboard around it re-renders on its own timers.
 */
export const RateLimitsTable = memo(function RateLimitsTable({ rateLimits }: { rateLimits: RateLimits['rateLimits'] }) {
  const [search, setSearch] = useState('')
  // The field answers each keystroke at once; the table follows when the browser has time.
  const deferredSearch = useDeferredValue(search)
  const { sort, toggle } = useSort<Column>({ column: 'model', descending: false }, (column) => column !== 'model')

  // Sorted once per sort; a keystroke only filters, which keeps that order.
  const sorted = useMemo(() => {
    const value = (row: Row) => (sort.column === 'model' ? row.model : (row.limits[sort.column] ?? -1))
    return toRows(rateLimits).sort((a, b) => compareCells(value(a), value(b), sort.descending))
  }, [rateLimits, sort])
  const rows = useMemo(() => {
    const needle = deferredSearch.trim().toLowerCase()
    return needle === '' ? sorted : sorted.filter((row) => row.model.toLowerCase().includes(needle))
  }, [sorted, deferredSearch])
  const { shown, hidden, showMore } = useRowWindow(rows, `${deferredSearch}|${sort.column}|${sort.descending}`)

  return (
    <section aria-labelledby="rate-limits-title">
      <h2 id="rate-limits-title">Rate limits per model</h2>
      <label className="search">
        <span>Search models</span>
        <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="e.g. llama" />
      </label>
      <div className="table-scroll">
        <table className="rate-limits">
          <thead>
            <tr>
              {(['model', ...LIMIT_COLUMNS] as Column[]).map((column) => (
                <SortableHeader key={column} column={column} label={COLUMN_TITLES[column]} sort={sort} onSort={toggle} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <RateLimitRow key={row.model} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      <ShowMoreRows hidden={hidden} onClick={showMore} />
      {rows.length === 0 && (
        <p className="muted">
          {rateLimits.length === 0 ? 'Venice listed no models for this key.' : 'No model matches this search.'}
        </p>
      )}
    </section>
  )
})

const RateLimitRow = memo(function RateLimitRow({ row }: { row: Row }) {
  return (
    <tr>
      <th scope="row">{row.model}</th>
      {Object.keys(row.limits).length === 0 ? (
        <td colSpan={LIMIT_COLUMNS.length} className="muted">
          not throughput-limited
        </td>
      ) : (
        LIMIT_COLUMNS.map((type) => (
          <td key={type} className="number">
            {row.limits[type] === undefined ? (
              '—'
            ) : (
              <abbr title={formatAmount(row.limits[type])}>{formatCompact(row.limits[type])}</abbr>
            )}
          </td>
        ))
      )}
    </tr>
  )
})
