import { describe, expect, it } from 'vitest'
import { formatTimeLeft } from '../../src/features/stake/CooldownEnd'

describe('the time left in a cooldown', () => {
  it('counts days, hours and minutes beyond a day, rounding up to the minute', () => {
    expect(formatTimeLeft(7 * 86_400_000)).toBe('7d 0h 00m')
    expect(formatTimeLeft(7 * 86_400_000 - 1_000)).toBe('7d 0h 00m')
    expect(formatTimeLeft(6 * 86_400_000 + 23 * 3_600_000 + 59 * 60_000)).toBe('6d 23h 59m')
    expect(formatTimeLeft(86_400_000 + 61_000)).toBe('1d 0h 02m')
  })

  it('keeps the seconds within the last day', () => {
    expect(formatTimeLeft(86_400_000 - 1_000)).toBe('23h 59m 59s')
    expect(formatTimeLeft(65_000)).toBe('1m 05s')
  })
})
