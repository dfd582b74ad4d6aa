import { useEffect, useRef } from 'react'
import { Field } from '../../ui/Field'
import { Notice } from '../../ui/Notice'
import { useNow } from '../../ui/useNow'
import { KEY_TYPES, LIMIT_PERIODS, MAX_DESCRIPTION_LENGTH, MODEL_PRIVACIES } from '../../venice/schemas'
import {
  ADMIN_WARNING,
  KEY_TYPE_TEXT,
  LIMIT_PERIOD_NAMES,
  LIMIT_PERIOD_TEXT,
  MODEL_PRIVACY_NAMES,
  MODEL_PRIVACY_TEXT,
} from './explanations'
import { utcDay, type FieldErrors, type KeyOptionsDraft } from './keyOptions'

interface KeyOptionsFormProps {
  draft: KeyOptionsDraft
  onChange: (draft: KeyOptionsDraft) => void
  errors: FieldErrors
  disabled?: boolean
  /** Editing an existing key: its type is shown, not offered (Venice cannot change it). */
  typeLocked?: boolean
}

/** The fields that can be wrong, in the order the form shows them. */
const FIELD_NAMES = {
  description: 'Description',
  expiryDate: 'Expiry date',
  usdLimit: 'USD limit',
  diemLimit: 'DIEM limit',
} as const

/** The key's settings, shared by the wallet mint and the ADMIN console's "create key". */
export function KeyOptionsForm({ draft, onChange, errors, disabled = false, typeLocked = false }: KeyOptionsFormProps) {
  const set = <F extends keyof KeyOptionsDraft>(field: F, value: KeyOptionsDraft[F]) => onChange({ ...draft, [field]: value })
  const tomorrow = utcDay(new Date(useNow(60_000) + 86_400_000))
  const fieldset = useRef<HTMLFieldSetElement>(null)
  const problems = (Object.keys(FIELD_NAMES) as (keyof typeof FIELD_NAMES)[]).flatMap((field) =>
    errors[field] ? [{ field, name: FIELD_NAMES[field], error: errors[field] }] : [],
  )

  // Each submit sets a new errors object: take the user to the first field to fix.
  useEffect(() => {
    fieldset.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [errors])

  return (
    <fieldset className="key-options" disabled={disabled} ref={fieldset}>
      <legend>Key settings</legend>
      {problems.length > 1 && (
        <div className="notice notice-error error-summary" role="alert">
          <strong className="notice-title">Check {problems.length} settings:</strong>
          <ul>
            {problems.map(({ field, name, error }) => (
              <li key={field}>
                {name}: {error}
              </li>
            ))}
          </ul>
        </div>
      )}

      {typeLocked ? (
        <p className="locked-type">
          <strong>Key type: {draft.apiKeyType}.</strong> A key’s type cannot be changed: to get another type, create a new key.
        </p>
      ) : (
        <fieldset className="choice">
          <legend>Key type</legend>
          {KEY_TYPES.map((type) => (
            <label key={type} className="radio">
              <input
                type="radio"
                name="apiKeyType"
                value={type}
                checked={draft.apiKeyType === type}
                onChange={() => set('apiKeyType', type)}
              />
              <span>{KEY_TYPE_TEXT[type]}</span>
            </label>
          ))}
        </fieldset>
      )}
      {!typeLocked && draft.apiKeyType === 'ADMIN' && (
        <Notice tone="warning" title="This is an ADMIN key">
          <p>{ADMIN_WARNING}</p>
        </Notice>
      )}

      <Field
        label="Description"
        hint={`Up to ${MAX_DESCRIPTION_LENGTH} characters, shown in key lists.`}
        error={errors.description}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            value={draft.description}
            maxLength={MAX_DESCRIPTION_LENGTH * 2}
            onChange={(e) => set('description', e.target.value)}
          />
        )}
      </Field>

      <fieldset className="choice">
        <legend>Expiry</legend>
        <label className="radio">
          <input type="radio" name="expiry" checked={draft.expiry === 'never'} onChange={() => set('expiry', 'never')} />
          <span>Never expires</span>
        </label>
        <label className="radio">
          <input type="radio" name="expiry" checked={draft.expiry === 'date'} onChange={() => set('expiry', 'date')} />
          <span>Expires on a date</span>
        </label>
      </fieldset>
      {draft.expiry === 'date' && (
        <Field label="Expiry date (UTC)" hint="The key stops working at 00:00 UTC on this day." error={errors.expiryDate}>
          {(control) => (
            <input
              {...control}
              type="date"
              min={tomorrow}
              value={draft.expiryDate}
              onChange={(e) => set('expiryDate', e.target.value)}
            />
          )}
        </Field>
      )}

      <div className="field-row">
        <Field label="USD limit" hint="Empty: no cap. Decimals with a dot: 2.5" error={errors.usdLimit}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              placeholder="no cap"
              value={draft.usdLimit}
              onChange={(e) => set('usdLimit', e.target.value)}
            />
          )}
        </Field>
        <Field label="DIEM limit" hint="Empty: no cap. Decimals with a dot: 2.5" error={errors.diemLimit}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="decimal"
              placeholder="no cap"
              value={draft.diemLimit}
              onChange={(e) => set('diemLimit', e.target.value)}
            />
          )}
        </Field>
      </div>

      <Field label="Limits reset" hint={LIMIT_PERIOD_TEXT[draft.limitPeriod]}>
        {(control) => (
          <select
            {...control}
            value={draft.limitPeriod}
            onChange={(e) => set('limitPeriod', e.target.value as KeyOptionsDraft['limitPeriod'])}
          >
            {LIMIT_PERIODS.map((period) => (
              <option key={period} value={period}>
                {LIMIT_PERIOD_NAMES[period]} ({period})
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field label="Models this key may use" hint={MODEL_PRIVACY_TEXT[draft.modelPrivacy]}>
        {(control) => (
          <select
            {...control}
            value={draft.modelPrivacy}
            onChange={(e) => set('modelPrivacy', e.target.value as KeyOptionsDraft['modelPrivacy'])}
          >
            {MODEL_PRIVACIES.map((privacy) => (
              <option key={privacy} value={privacy}>
                {MODEL_PRIVACY_NAMES[privacy]} ({privacy})
              </option>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  )
}
