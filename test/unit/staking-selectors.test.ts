import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { toFunctionSelector, type Abi, type AbiFunction } from 'viem'
import { describe, expect, it } from 'vitest'
import { diemAbi, stakingAbi } from '../../src/chain/contracts'
import { mockDiem, mockStaking } from '../support/chain'

/** The selector table of docs/staking.md, as rows of [contract, signature, selector]. */
function documentedSelectors(): { contract: 'staking' | 'diem'; signature: string; selector: string }[] {
  const doc = readFileSync(join(import.meta.dirname, '../../docs/staking.md'), 'utf8')
  const table = /<!-- selectors:start -->([\s\S]*?)<!-- selectors:end -->/.exec(doc)?.[1] ?? ''
  return [...table.matchAll(/^\|\s*(staking|diem)\s*\|\s*`([^`]+)`\s*\|\s*`(0x[0-9a-f]{8})`\s*\|$/gm)].map(
    ([, contract, signature, selector]) => ({
      contract: contract as 'staking' | 'diem',
      signature: signature!,
      selector: selector!,
    }),
  )
}

const selectorsOf = (abi: Abi) =>
  new Set(abi.filter((item): item is AbiFunction => item.type === 'function').map((item) => toFunctionSelector(item)))

describe('the staking functions of docs/staking.md', () => {
  const rows = documentedSelectors()

  it('lists all 19 functions', () => {
    expect(rows).toHaveLength(19)
  })

  it.each(rows)(
    '$contract $signature is $selector in the table, the app’s ABI and the mock',
    ({ contract, signature, selector }) => {
      expect(toFunctionSelector(`function ${signature}`)).toBe(selector)
      expect(selectorsOf(contract === 'staking' ? stakingAbi : diemAbi)).toContain(selector)
      expect(selectorsOf((contract === 'staking' ? mockStaking : mockDiem).abi)).toContain(selector)
    },
  )
})
