import { createClient, custom } from 'viem'
import { base } from 'viem/chains'
import { describe, expect, it } from 'vitest'
import { walletDiet } from '../../src/build/walletDiet'
import { ens_normalize } from '../../src/build/wallet-diet/ensNormalize'
import { slimPublicActions } from '../../src/build/wallet-diet/slimPublicActions'
import { osName, UAParser } from '../../src/build/wallet-diet/uaParser'

describe('the ua-parser-js shim', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'Windows'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      'macOS',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'Linux'],
    ['Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Linux'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148', 'iOS'],
    [
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36',
      'Android',
    ],
    ['Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36', 'Chrome OS'],
  ])('names the OS RainbowKit compares with: %s', (userAgent, name) => {
    expect(osName(userAgent)).toBe(name)
    expect(UAParser(userAgent).os.name).toBe(name)
  })

  it('answers no name for an agent it does not know', () => {
    expect(UAParser('curl/8.5').os.name).toBeUndefined()
  })
})

describe('the ENS normaliser stand-in', () => {
  it('refuses loudly instead of passing a name through unnormalised', () => {
    expect(() => ens_normalize('Vitalik.eth')).toThrow(/not part of this build/)
  })
})

describe('the slim public client', () => {
  it('reads through the transport like the full one, and lacks the ENS actions', async () => {
    const calls: string[] = []
    const transport = custom({
      request: ({ method }: { method: string }) => {
        calls.push(method)
        if (method === 'eth_blockNumber') return Promise.resolve('0x2710')
        if (method === 'eth_chainId') return Promise.resolve('0x2105')
        return Promise.reject(new Error(`unexpected ${method}`))
      },
    })
    const actions = slimPublicActions(createClient({ chain: base, transport }))
    await expect(actions.getBlockNumber({ cacheTime: 0 })).resolves.toBe(10_000n)
    await expect(actions.getChainId()).resolves.toBe(8453)
    expect(calls).toEqual(['eth_blockNumber', 'eth_chainId'])
    expect('getEnsName' in actions).toBe(false)
  })
})

describe('the walletDiet plugin', () => {
  type Hook = (id: string) => string | null
  const hooks = (relayWallets: boolean) => {
    const plugin = walletDiet({ relayWallets })
    return { resolve: plugin.resolveId as unknown as Hook, load: plugin.load as unknown as Hook }
  }

  it('swaps the ENS normaliser and ua-parser-js, and the QR code only without relay wallets', () => {
    expect(hooks(false).resolve('@adraffy/ens-normalize')).toMatch(/ensNormalize\.ts$/)
    expect(hooks(false).resolve('ua-parser-js')).toMatch(/uaParser\.ts$/)
    expect(hooks(false).resolve('cuer')).toMatch(/noQrCode\.ts$/)
    expect(hooks(true).resolve('cuer')).toBeNull()
    expect(hooks(true).resolve('viem')).toBeNull()
  })

  it("rewrites only wagmi's getPublicClient, to extend with the slim actions", () => {
    const code = hooks(false).load('/x/node_modules/@wagmi/core/dist/esm/actions/getPublicClient.js')
    expect(code).toContain('slimPublicActions')
    expect(code).not.toContain('publicActions }')
    expect(hooks(false).load('/x/node_modules/@wagmi/core/dist/esm/actions/getClient.js')).toBeNull()
  })
})
