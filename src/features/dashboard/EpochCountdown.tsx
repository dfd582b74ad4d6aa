import { formatDuration } from '../../ui/format'
import { useNow } from '../../ui/useNow'

/** Time until DIEM allocations and daily key limits reset. */
export function EpochCountdown({ nextEpochBegins }: { nextEpochBegins: string }) {
  const now = useNow()
  const at = Date.parse(nextEpochBegins)
  if (Number.isNaN(at)) return <span className="muted">unknown</span>
  return (
    <time dateTime={nextEpochBegins} title={new Date(at).toUTCString()}>
      {at > now ? `in ${formatDuration(at - now)}` : 'now (refreshing)'}
    </time>
  )
}
