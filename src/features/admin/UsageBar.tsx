interface UsageBarProps {
  /** e.g. "USD this period" */
  label: string
  used: number | undefined
  limit: number
  format: (value: number) => string
}

/** Spend against a cap, as a native <progress> with its figures in words beside it. */
export function UsageBar({ label, used, limit, format }: UsageBarProps) {
  if (used === undefined) {
    return (
      <span className="usage-bar">
        <span className="muted">
          {label}: unknown of {format(limit)}
        </span>
      </span>
    )
  }
  // A cap of 0 allows nothing: show it full rather than dividing by zero.
  const max = limit > 0 ? limit : 1
  const value = limit > 0 ? Math.min(used, limit) : 1
  const words = `${format(used)} of ${format(limit)}`
  return (
    <span className={used >= limit ? 'usage-bar usage-bar-full' : 'usage-bar'}>
      <progress max={max} value={value} aria-label={`${label}: ${words}`} />
      <span>{words}</span>
    </span>
  )
}
