import { enumWords } from '../../ui/enumWords'
import { formatAmount, formatDate, formatUsd, formatUtcDate } from '../../ui/format'
import type { ApiKey } from '../../venice/schemas'
import { UsageBar } from './UsageBar'
import { MODEL_PRIVACY_NAMES } from '../key-options'
import { RESET_WORDS } from './words'

const cap = (value: number | null, format: (n: number) => string) => (value === null ? 'No cap' : format(value))
const diem = (n: number) => `${formatAmount(n)} DIEM`

/** A key's stored settings and usage, as Venice reports them. */
export function KeyFacts({ apiKey }: { apiKey: ApiKey }) {
  const { usd, diem: diemCap } = apiKey.consumptionLimits
  const week = apiKey.usage?.trailingSevenDays
  return (
    <dl className="stats">
      <div>
        <dt>Type</dt>
        <dd>{apiKey.apiKeyType}</dd>
      </div>
      <div>
        <dt>Ends in</dt>
        <dd>
          <code>…{apiKey.last6Chars}</code>
        </dd>
      </div>
      <div>
        <dt>USD cap</dt>
        <dd>{cap(usd, formatUsd)}</dd>
      </div>
      <div>
        <dt>DIEM cap</dt>
        <dd>{cap(diemCap, diem)}</dd>
      </div>
      <div>
        <dt>Caps reset</dt>
        <dd>{enumWords(RESET_WORDS, apiKey.limitPeriod)}</dd>
      </div>
      <div>
        <dt>Models</dt>
        <dd>{enumWords(MODEL_PRIVACY_NAMES, apiKey.modelPrivacy)}</dd>
      </div>
      <div>
        <dt>Expires</dt>
        <dd>{apiKey.expiresAt ? formatUtcDate(apiKey.expiresAt) : 'Never'}</dd>
      </div>
      <div>
        <dt>Created</dt>
        <dd>{formatDate(apiKey.createdAt)}</dd>
      </div>
      <div>
        <dt>Last used</dt>
        <dd>{apiKey.lastUsedAt ? formatDate(apiKey.lastUsedAt) : 'Never'}</dd>
      </div>
      <div>
        <dt>Last 7 days</dt>
        <dd>{week ? `${formatUsd(week.usd)} · ${diem(week.diem)}` : 'Unknown'}</dd>
      </div>
      {(usd !== null || diemCap !== null) && (
        <div>
          <dt>This period</dt>
          <dd>
            {usd !== null && (
              <UsageBar label="USD this period" used={apiKey.currentPeriodUsage?.usd} limit={usd} format={formatUsd} />
            )}
            {diemCap !== null && (
              <UsageBar label="DIEM this period" used={apiKey.currentPeriodUsage?.diem} limit={diemCap} format={diem} />
            )}
          </dd>
        </div>
      )}
    </dl>
  )
}
