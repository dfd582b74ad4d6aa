import { describe, expect, it } from 'vitest'
import { wasConnectedBefore } from '../../src/chain/walletLoader'
import { memoryStorage } from '../helpers/storage'

const withStore = (value: string) => memoryStorage({ 'wagmi.store': value })

describe('wasConnectedBefore', () => {
  it('is true when wagmi stored a current connection', () => {
    const store = { state: { connections: { __type: 'Map', value: [] }, chainId: 8453, current: 'a1b2c3' }, version: 2 }
    expect(wasConnectedBefore(withStore(JSON.stringify(store)))).toBe(true)
  })

  it('is false with nothing stored, no current connection, or garbage', () => {
    expect(wasConnectedBefore(memoryStorage())).toBe(false)
    expect(wasConnectedBefore(withStore(JSON.stringify({ state: { chainId: 8453, current: null }, version: 2 })))).toBe(false)
    expect(wasConnectedBefore(withStore(JSON.stringify({ state: {} })))).toBe(false)
    expect(wasConnectedBefore(withStore('null'))).toBe(false)
    expect(wasConnectedBefore(withStore('{oops'))).toBe(false)
  })

  it('is false when storage itself throws (blocked by privacy settings)', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('The operation is insecure.', 'SecurityError')
      },
    }
    expect(wasConnectedBefore(blocked)).toBe(false)
  })
})
