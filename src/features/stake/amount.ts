import { formatUnits, parseUnits } from 'viem'

export type ParsedAmount = { ok: true; amount: bigint } | { ok: false; error: string }

/** A typed token amount, checked against what is available; never through floating point. */
export function parseAmount(text: string, decimals: number, available: bigint | undefined, symbol: string): ParsedAmount {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, error: 'Enter an amount.' }
  if (!/^\d*(\.\d*)?$/.test(trimmed) || trimmed === '.') return { ok: false, error: 'Enter a number such as 12.5.' }
  const fraction = trimmed.split('.')[1] ?? ''
  if (fraction.length > decimals) return { ok: false, error: `${symbol} has at most ${decimals} decimals.` }
  const amount = parseUnits(trimmed, decimals)
  if (amount === 0n) return { ok: false, error: 'Enter more than zero.' }
  if (available !== undefined && amount > available) {
    return { ok: false, error: `That is more than the ${formatToken(available, decimals)} ${symbol} available.` }
  }
  return { ok: true, amount }
}

/** `1,234.5678`: grouped, at most `fractionDigits` decimals (cut, not rounded up), `< 0.0001` for dust. */
export function formatToken(amount: bigint, decimals: number, fractionDigits = 4): string {
  const [whole = '0', fraction = ''] = formatUnits(amount, decimals).split('.')
  const negative = whole.startsWith('-')
  const grouped = BigInt(whole.replace('-', '')).toLocaleString('en-US')
  const cut = fraction.slice(0, fractionDigits).replace(/0+$/, '')
  if (amount !== 0n && grouped === '0' && cut === '') return `< 0.${'0'.repeat(fractionDigits - 1)}1`
  return `${negative ? '-' : ''}${grouped}${cut ? `.${cut}` : ''}`
}

/** The whole amount as typed text, for a "max" button. */
export const toInput = (amount: bigint, decimals: number) => formatUnits(amount, decimals)

/** `amount` less `percent` (e.g. 1 for 1 %), in basis points so no float touches the amount. */
export function lessPercent(amount: bigint, percent: number): bigint {
  const basisPoints = BigInt(Math.round(percent * 100))
  return (amount * (10_000n - basisPoints)) / 10_000n
}

/** A cooldown in words: `7 days`, `1 day`, `36 hours`, `90 seconds`. */
export function formatCooldown(seconds: bigint | undefined, fallback: string): string {
  if (seconds === undefined) return fallback
  const s = Number(seconds)
  if (s % 86_400 === 0) return s === 86_400 ? '1 day' : `${s / 86_400} days`
  if (s % 3_600 === 0) return s === 3_600 ? '1 hour' : `${s / 3_600} hours`
  return `${s} seconds`
}
