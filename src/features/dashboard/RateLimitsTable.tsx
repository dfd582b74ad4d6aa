import { memo, useDeferredValue, useMemo, useState } from 'react'
import { RATE_LIMIT_TYPES, type RateLimitType, type RateLimits } from '../../venice/schemas'
import { formatAmount, formatCompact } from '../../ui/format'
import { ShowMoreRows, useRowWindow } from '../../ui/rowWindow'
import { compareCells, SortableHeader, useSort } from '../../ui/sortable'
import { UnreadableItems } from '../../ui/UnreadableItems'

type Column = 'model' | RateLimitType
const COLUMN_TITLES: Record<string, string> = {
  model: 'Model',
  RPM: 'Requests / min',
  RPD: 'Requests / day',
  TPM: 'Tokens / min',
}
/** A limit type Venice added after this app was written gets a column of its own, named as Venice names it. */
const columnTitle = (column: Column) => COLUMN_TITLES[column] ?? `${column} (new)`

function limitColumns(rateLimits: RateLimits['rateLimits']['items']): RateLimitType[] {
  const seen = new Set(rateLimits.flatMap((model) => model.rateLimits.map((limit) => limit.type)))
  return [...RATE_LIMIT_TYPES, ...[...seen].filter((type) => !(RATE_LIMIT_TYPES as readonly string[]).includes(type)).sort()]
}

interface Row {
  model: string
  limits: Partial<Record<string, number>>
}

function toRows(rateLimits: RateLimits['rateLimits']['items']): Row[] {
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

  const models = rateLimits.items
  const columns = useMemo(() => limitColumns(models), [models])
  // Sorted once per sort; a keystroke only filters, which keeps that order.
  const sorted = useMemo(() => {
    const value = (row: Row) => (sort.column === 'model' ? row.model : (row.limits[sort.column] ?? -1))
    return toRows(models).sort((a, b) => compareCells(value(a), value(b), sort.descending))
  }, [models, sort])
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
              {(['model', ...columns] as Column[]).map((column) => (
                <SortableHeader key={column} column={column} label={columnTitle(column)} sort={sort} onSort={toggle} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <RateLimitRow key={row.model} row={row} columns={columns} />
            ))}
          </tbody>
        </table>
      </div>
      <ShowMoreRows hidden={hidden} onClick={showMore} />
      <UnreadableItems count={rateLimits.unreadable} what={rateLimits.unreadable === 1 ? 'model' : 'models'} />
      {rows.length === 0 && (
        <p className="muted">{models.length === 0 ? 'Venice listed no models for this key.' : 'No model matches this search.'}</p>
      )}
    </section>
  )
})

const RateLimitRow = memo(function RateLimitRow({ row, columns }: { row: Row; columns: readonly RateLimitType[] }) {
  return (
    <tr>
      <th scope="row">{row.model}</th>
      {Object.keys(row.limits).length === 0 ? (
        <td colSpan={columns.length} className="muted">
          not throughput-limited
        </td>
      ) : (
        columns.map((type) => (
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
