import { useMemo, useState } from 'react'
import { RATE_LIMIT_TYPES, type RateLimitType, type RateLimits } from '../../venice/schemas'
import { formatAmount } from '../../ui/format'
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

/** Per-model limits, searchable and sortable. An empty list means the model is not throughput-limited. */
export function RateLimitsTable({ rateLimits }: { rateLimits: RateLimits['rateLimits'] }) {
  const [search, setSearch] = useState('')
  const { sort, toggle } = useSort<Column>({ column: 'model', descending: false }, (column) => column !== 'model')

  const models = rateLimits.items
  const columns = useMemo(() => limitColumns(models), [models])
  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    const filtered = toRows(models).filter((row) => row.model.toLowerCase().includes(needle))
    const value = (row: Row) => (sort.column === 'model' ? row.model : (row.limits[sort.column] ?? -1))
    return filtered.sort((a, b) => compareCells(value(a), value(b), sort.descending))
  }, [models, search, sort])

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
            {rows.map((row) => (
              <tr key={row.model}>
                <th scope="row">{row.model}</th>
                {Object.keys(row.limits).length === 0 ? (
                  <td colSpan={columns.length} className="muted">
                    not throughput-limited
                  </td>
                ) : (
                  columns.map((type) => (
                    <td key={type}>{row.limits[type] === undefined ? '—' : formatAmount(row.limits[type])}</td>
                  ))
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <UnreadableItems count={rateLimits.unreadable} what={rateLimits.unreadable === 1 ? 'model' : 'models'} />
      {rows.length === 0 && (
        <p className="muted">{models.length === 0 ? 'Venice listed no models for this key.' : 'No model matches this search.'}</p>
      )}
    </section>
  )
}
