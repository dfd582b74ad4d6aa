import { useMemo, useState } from 'react'
import type { RateLimitType, RateLimits } from '../../venice/schemas'
import { formatAmount, formatCompact } from '../../ui/format'
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

/** Per-model limits, searchable and sortable. An empty list means the model is not throughput-limited. */
export function RateLimitsTable({ rateLimits }: { rateLimits: RateLimits['rateLimits'] }) {
  const [search, setSearch] = useState('')
  const { sort, toggle } = useSort<Column>({ column: 'model', descending: false }, (column) => column !== 'model')

  const rows = useMemo(() => {
    const needle = search.trim().toLowerCase()
    const filtered = toRows(rateLimits).filter((row) => row.model.toLowerCase().includes(needle))
    const value = (row: Row) => (sort.column === 'model' ? row.model : (row.limits[sort.column] ?? -1))
    return filtered.sort((a, b) => compareCells(value(a), value(b), sort.descending))
  }, [rateLimits, search, sort])

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
            {rows.map((row) => (
              <tr key={row.model}>
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
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && (
        <p className="muted">
          {rateLimits.length === 0 ? 'Venice listed no models for this key.' : 'No model matches this search.'}
        </p>
      )}
    </section>
  )
}
