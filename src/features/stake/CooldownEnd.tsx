import { formatDuration } from '../../ui/format'
import { useNow } from '../../ui/useNow'

/** When a cooldown ends, as a date and a live countdown, by the chain's clock. */
export function CooldownEnd({ endsAt, chainClockOffsetMs }: { endsAt: number; chainClockOffsetMs: number }) {
  const now = useNow() + chainClockOffsetMs
  const date = new Date(endsAt)
  return (
    <time dateTime={date.toISOString()}>
      {date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}{' '}
      {endsAt > now ? `(in ${formatDuration(endsAt - now)})` : '(due now)'}
    </time>
  )
}

export const cooldownIsDue = (endsAt: number, chainClockOffsetMs: number) => Date.now() + chainClockOffsetMs >= endsAt
