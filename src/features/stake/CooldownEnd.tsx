import { formatDuration } from '../../ui/format'
import { useNow } from '../../ui/useNow'

const DAY_MS = 86_400_000

/** `6d 23h 59m` for a week-long cooldown (seconds would be noise); `1h 02m 03s` within a day. */
export function formatTimeLeft(ms: number): string {
  if (ms < DAY_MS) return formatDuration(ms)
  const minutes = Math.ceil(ms / 60_000)
  return `${Math.floor(minutes / 1440)}d ${Math.floor((minutes % 1440) / 60)}h ${String(minutes % 60).padStart(2, '0')}m`
}

/** When a cooldown ends, as a date and a live countdown, by the chain's clock. */
export function CooldownEnd({ endsAt, chainClockOffsetMs }: { endsAt: number; chainClockOffsetMs: number }) {
  const now = useNow() + chainClockOffsetMs
  const date = new Date(endsAt)
  return (
    <time dateTime={date.toISOString()}>
      {date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}{' '}
      {endsAt > now ? `(in ${formatTimeLeft(endsAt - now)})` : '(due now)'}
    </time>
  )
}

export const cooldownIsDue = (endsAt: number, chainClockOffsetMs: number) => Date.now() + chainClockOffsetMs >= endsAt
