import { useState } from 'react'
import { parseAmount } from './amount'

/** The text of an amount field, its bigint value once valid, and the error to show after a try. */
export function useAmount(decimals: number | undefined, available: bigint | undefined, symbol: string) {
  const [text, setText] = useState('')
  const [tried, setTried] = useState(false)
  const parsed = decimals === undefined ? undefined : parseAmount(text, decimals, available, symbol)
  const amount = parsed?.ok ? parsed.amount : undefined
  const error = tried && parsed && !parsed.ok ? parsed.error : undefined
  const change = (next: string) => {
    setText(next)
    setTried(false)
  }
  /** Call on submit: shows the error if any and returns the amount when valid. */
  const take = () => {
    setTried(true)
    return amount
  }
  const clear = () => {
    setText('')
    setTried(false)
  }
  return { text, change, amount, error, take, clear }
}
