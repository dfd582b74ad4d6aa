import { Field } from '../../ui/Field'
import { formatToken, toInput } from './amount'

interface AmountFieldProps {
  label: string
  symbol: string
  value: string
  onChange: (value: string) => void
  decimals: number | undefined
  /** What may be entered at most; undefined while unknown. */
  available: bigint | undefined
  error?: string | undefined
  disabled?: boolean
}

/** A token amount with "Max"; the text is parsed to bigint by parseAmount, never to a float. */
export function AmountField({ label, symbol, value, onChange, decimals, available, error, disabled }: AmountFieldProps) {
  const hint =
    available === undefined || decimals === undefined
      ? `${symbol} available: unavailable`
      : `${formatToken(available, decimals)} ${symbol} available`
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="amount-input">
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            value={value}
            disabled={disabled}
            onChange={(e) => onChange(e.target.value)}
          />
          <span className="amount-symbol">{symbol}</span>
          <button
            type="button"
            className="button"
            disabled={disabled || available === undefined || decimals === undefined}
            aria-label={`Max ${symbol}`}
            onClick={() => available !== undefined && decimals !== undefined && onChange(toInput(available, decimals))}
          >
            Max
          </button>
        </div>
      )}
    </Field>
  )
}
