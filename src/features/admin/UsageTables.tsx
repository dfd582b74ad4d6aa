import { formatAmount, formatUsd } from '../../ui/format'
import type { UsageAnalytics } from '../../venice/schemas'
import { ExternalText } from '../../ui/ExternalText'
import { DESCRIPTION_LIMIT } from './words'

const TOP = 10

const bySpend = <T extends { totalUsd: number; totalDiem: number }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => b.totalUsd - a.totalUsd || b.totalDiem - a.totalDiem).slice(0, TOP)

const units = (total: number | null, unitType: string | null) =>
  total === null ? '—' : `${formatAmount(total, 0)}${unitType ? ` ${unitType.toLowerCase().replace(/_/g, ' ')}` : ''}`

/** The chart's figures as a table: its accessible alternative. */
export function DailyTable({ rows }: { rows: UsageAnalytics['byDate'] }) {
  return (
    <details className="admin-daily">
      <summary>Spend per day as a table</summary>
      <div className="table-scroll">
        <table>
          <caption className="visually-hidden">Spend per day (UTC)</caption>
          <thead>
            <tr>
              <th scope="col">Day (UTC)</th>
              <th scope="col">USD</th>
              <th scope="col">DIEM</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.date}>
                <th scope="row">
                  <time dateTime={row.date}>{row.date}</time>
                </th>
                <td>{formatUsd(row.USD)}</td>
                <td>{formatAmount(row.DIEM)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  )
}

export function TopModels({ rows }: { rows: UsageAnalytics['byModel'] }) {
  return (
    <section aria-labelledby="admin-top-models">
      <h4 id="admin-top-models">Top models</h4>
      {rows.length === 0 ? (
        <p className="muted">No model was used in this period.</p>
      ) : (
        <div className="table-scroll">
          <table className="card-table">
            <thead>
              <tr>
                <th scope="col">Model</th>
                <th scope="col">Kind</th>
                <th scope="col">Used</th>
                <th scope="col">USD</th>
                <th scope="col">DIEM</th>
              </tr>
            </thead>
            <tbody>
              {bySpend(rows).map((row) => (
                <tr key={`${row.modelName}-${row.unitType ?? ''}`}>
                  <th scope="row">{row.modelName}</th>
                  <td data-label="Kind">{row.modelType ?? '—'}</td>
                  <td data-label="Used">{units(row.totalUnits, row.unitType)}</td>
                  <td data-label="USD">{formatUsd(row.totalUsd)}</td>
                  <td data-label="DIEM">{formatAmount(row.totalDiem)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

export function TopKeys({ rows }: { rows: UsageAnalytics['byKey'] }) {
  return (
    <section aria-labelledby="admin-top-keys">
      <h4 id="admin-top-keys">Top keys</h4>
      {rows.length === 0 ? (
        <p className="muted">No key spent anything in this period.</p>
      ) : (
        <div className="table-scroll">
          <table className="card-table">
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Units</th>
                <th scope="col">USD</th>
                <th scope="col">DIEM</th>
              </tr>
            </thead>
            <tbody>
              {bySpend(rows).map((row, index) => (
                <tr key={row.apiKeyId ?? `none-${index}`}>
                  <th scope="row">
                    {(row.description && <ExternalText text={row.description} limit={DESCRIPTION_LIMIT} />) ||
                      (row.apiKeyId ? <span className="muted">Untitled key</span> : <span className="muted">Without a key</span>)}
                  </th>
                  <td data-label="Units">{units(row.totalUnits, null)}</td>
                  <td data-label="USD">{formatUsd(row.totalUsd)}</td>
                  <td data-label="DIEM">{formatAmount(row.totalDiem)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
