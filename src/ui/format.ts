/** `1h 02m 03s`, `4m 05s`, `9s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000))
  const hours = Math.floor(total / 3600)
  const minutes = Math.floor((total % 3600) / 60)
  const seconds = total % 60
  const pad = (n: number) => String(n).padStart(2, '0')
  if (hours > 0) return `${hours}h ${pad(minutes)}m ${pad(seconds)}s`
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`
  return `${seconds}s`
}

// Each `toLocaleString(…, options)` call builds a new Intl formatter (a table of 500 keys made
// thousands per render): the formatters are built once, on first use, and reused.
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 })
const amounts = new Map<number, Intl.NumberFormat>()
let dates: Intl.DateTimeFormat | undefined

export function formatUsd(value: number): string {
  return usd.format(value)
}

export function formatAmount(value: number, maximumFractionDigits = 4): string {
  let format = amounts.get(maximumFractionDigits)
  if (!format) amounts.set(maximumFractionDigits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits })))
  return format.format(value)
}

/** In the user's locale and time zone. */
export function formatDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  dates ??= new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
  return dates.format(date)
}

/** A moment in UTC, said so (key expiry is 00:00 UTC of a day, wherever the reader is). */
export function formatUtcDate(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' })} UTC`
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 })

/** 2,000,000 → "2M", 150,000 → "150K": short enough for a phone's table. */
export function formatCompact(value: number): string {
  return compact.format(value)
}
