import { useState } from 'react'

const PAGE_ROWS = 100

/**
 * The first rows of a long table, and more on request: painting thousands of rows takes seconds
 * on a slow phone, and a search finds the rest. Back to the first page when `resetOn` changes
 * (a new search, filter or sort).
 */
export function useRowWindow<T>(rows: readonly T[], resetOn: string) {
  const [limit, setLimit] = useState({ rows: PAGE_ROWS, resetOn })
  if (limit.resetOn !== resetOn) setLimit({ rows: PAGE_ROWS, resetOn })
  const shown = limit.resetOn === resetOn ? limit.rows : PAGE_ROWS
  return {
    shown: rows.length > shown ? rows.slice(0, shown) : rows,
    hidden: Math.max(0, rows.length - shown),
    showMore: () => setLimit({ rows: shown + PAGE_ROWS, resetOn }),
  }
}

export function ShowMoreRows({ hidden, onClick }: { hidden: number; onClick: () => void }) {
  if (hidden === 0) return null
  return (
    <p>
      <button type="button" className="button" onClick={onClick}>
        Show {Math.min(hidden, PAGE_ROWS)} more ({hidden} not shown)
      </button>
    </p>
  )
}
