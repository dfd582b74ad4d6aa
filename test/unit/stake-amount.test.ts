import { describe, expect, it } from 'vitest'
import { formatCooldown, formatToken, lessPercent, parseAmount, toInput } from '../../src/features/stake/amount'
import { describeTxError } from '../../src/features/stake/describeTxError'
import { ContractFunctionRevertedError, encodeErrorResult, parseAbi, UserRejectedRequestError } from 'viem'

const E18 = 10n ** 18n

describe('parseAmount', () => {
  it('reads decimals exactly as bigint, whatever the token’s decimals', () => {
    expect(parseAmount('20.5', 18, 100n * E18, 'VVV')).toEqual({ ok: true, amount: 205n * 10n ** 17n })
    expect(parseAmount('0.000000000000000001', 18, E18, 'VVV')).toEqual({ ok: true, amount: 1n })
    expect(parseAmount('1.25', 6, undefined, 'USDC')).toEqual({ ok: true, amount: 1_250_000n })
  })

  it.each([
    ['', 'Enter an amount.'],
    ['abc', 'Enter a number such as 12.5.'],
    ['1e3', 'Enter a number such as 12.5.'],
    ['.', 'Enter a number such as 12.5.'],
    ['0', 'Enter more than zero.'],
    ['0.0000000000000000001', 'VVV has at most 18 decimals.'],
    ['50.0000001', 'That is more than the 50 VVV available.'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseAmount(text, 18, 50n * E18, 'VVV')).toEqual({ ok: false, error })
  })

  it('accepts exactly the balance (Max)', () => {
    const balance = 123_456_789_012_345_678_901n
    expect(parseAmount(toInput(balance, 18), 18, balance, 'VVV')).toEqual({ ok: true, amount: balance })
  })
})

describe('formatToken and the slippage floor', () => {
  it('groups, cuts to 4 decimals and marks dust', () => {
    expect(formatToken(1_234_567_891n * 10n ** 14n, 18)).toBe('123,456.7891')
    expect(formatToken(29n * 10n ** 17n + 1n, 18)).toBe('2.9')
    expect(formatToken(0n, 18)).toBe('0')
    expect(formatToken(1n, 18)).toBe('< 0.0001')
  })

  it('takes a percentage off without floats', () => {
    expect(lessPercent(10_000n, 1)).toBe(9_900n)
    expect(lessPercent(999_999_999_999_999_999n, 0.5)).toBe(994_999_999_999_999_999n)
    expect(lessPercent(E18, 0)).toBe(E18)
  })

  it('says cooldowns in words', () => {
    expect(formatCooldown(604_800n, '?')).toBe('7 days')
    expect(formatCooldown(86_400n, '?')).toBe('1 day')
    expect(formatCooldown(7_200n, '?')).toBe('2 hours')
    expect(formatCooldown(90n, '?')).toBe('90 seconds')
    expect(formatCooldown(undefined, '7 days')).toBe('7 days')
  })
})

describe('describeTxError', () => {
  it('a rejection is "declined", wrapped or not', () => {
    expect(describeTxError(new UserRejectedRequestError(new Error('User rejected the request.')))).toEqual({ declined: true })
    expect(describeTxError({ name: 'Whatever', cause: { code: 4001 } })).toEqual({ declined: true })
  })

  it('a revert gives its reason', () => {
    const abi = parseAbi(['function finalizeUnstake()'])
    const data = encodeErrorResult({
      abi: parseAbi(['error Error(string)']),
      errorName: 'Error',
      args: ['Staking: the unstake cooldown has not ended yet'],
    })
    const revert = new ContractFunctionRevertedError({ abi, data, functionName: 'finalizeUnstake' })
    expect(describeTxError({ name: 'ContractFunctionExecutionError', cause: revert })).toEqual({
      declined: false,
      reason: 'Staking: the unstake cooldown has not ended yet',
    })
  })

  it('no gas money is said in words', () => {
    expect(describeTxError({ name: 'TransactionExecutionError', cause: { name: 'InsufficientFundsError' } })).toEqual({
      declined: false,
      reason: 'This wallet has too little ETH on Base to pay the network fee.',
    })
  })
})
