import {
  isKnown,
  KEY_TYPES,
  LIMIT_PERIODS,
  MODEL_PRIVACIES,
  type ApiKey,
  type ConsumptionLimit,
  type UpdateKeyBody,
} from '../../venice/schemas'
import {
  DEFAULT_DRAFT,
  parseLimit,
  validateDescription,
  validateExpiryDate,
  type FieldErrors,
  type KeyOptionsDraft,
} from '../key-options'

/** The edit form starts from the key as loaded. */
export function draftFromKey(key: ApiKey): KeyOptionsDraft {
  const { usd, diem } = key.consumptionLimits
  return {
    // A value this app does not know yet starts the form at the default; it is sent only if changed from that.
    apiKeyType: isKnown(KEY_TYPES, key.apiKeyType) ? key.apiKeyType : DEFAULT_DRAFT.apiKeyType,
    description: key.description,
    expiry: key.expiresAt ? 'date' : 'never',
    expiryDate: key.expiresAt ? utcDate(key.expiresAt) : '',
    usdLimit: usd === null ? '' : String(usd),
    diemLimit: diem === null ? '' : String(diem),
    limitPeriod: isKnown(LIMIT_PERIODS, key.limitPeriod) ? key.limitPeriod : DEFAULT_DRAFT.limitPeriod,
    modelPrivacy: isKnown(MODEL_PRIVACIES, key.modelPrivacy) ? key.modelPrivacy : DEFAULT_DRAFT.modelPrivacy,
  }
}

function utcDate(iso: string): string {
  const ms = Date.parse(iso)
  return Number.isNaN(ms) ? iso.slice(0, 10) : new Date(ms).toISOString().slice(0, 10)
}

/** `body: null`: nothing changed, nothing to send. */
type EditDiff = { ok: true; body: UpdateKeyBody | null } | { ok: false; errors: FieldErrors }

/**
 * The PATCH body for what the user changed, and nothing else: untouched fields are left out (so a
 * concurrent edit elsewhere is not overwritten), a removed cap is `null` for that currency only,
 * a removed expiry is `null`. Only changed fields are validated. The key type never changes.
 */
export function editDiff(key: ApiKey, draft: KeyOptionsDraft, now: Date): EditDiff {
  const loaded = draftFromKey(key)
  const errors: FieldErrors = {}
  const body: UpdateKeyBody = { id: key.id }

  const description = draft.description.trim()
  if (description !== key.description) {
    const error = validateDescription(draft.description)
    if (error) errors.description = error
    else body.description = description
  }

  if (draft.expiry === 'never') {
    if (key.expiresAt !== null) body.expiresAt = null
  } else if (loaded.expiry !== 'date' || draft.expiryDate !== loaded.expiryDate) {
    const error = validateExpiryDate(draft.expiryDate, now)
    if (error) errors.expiryDate = error
    else body.expiresAt = draft.expiryDate
  }

  const limit: Partial<ConsumptionLimit> = {}
  for (const [currency, field] of [
    ['usd', 'usdLimit'],
    ['diem', 'diemLimit'],
  ] as const) {
    if (draft[field].trim() === loaded[field]) continue
    const parsed = parseLimit(draft[field])
    if (!parsed.ok) errors[field] = parsed.error
    else if (parsed.value !== key.consumptionLimits[currency]) limit[currency] = parsed.value
  }
  if (Object.keys(limit).length > 0) body.consumptionLimit = limit

  if (draft.limitPeriod !== loaded.limitPeriod) body.limitPeriod = draft.limitPeriod
  if (draft.modelPrivacy !== loaded.modelPrivacy) body.modelPrivacy = draft.modelPrivacy

  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return { ok: true, body: Object.keys(body).length > 1 ? body : null }
}
