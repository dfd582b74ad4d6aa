import { existsSync } from 'node:fs'
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, Page } from 'playwright-core'
import { createWalletClient, custom, encodeFunctionData, erc20Abi, parseEther, verifyMessage, type Hex } from 'viem'
import { getCallsStatus, getCapabilities, sendCalls } from 'viem/actions'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { CHROMIUM_PATH, launchChromium } from './browser'
import { mockStaking, STAKING_ADDRESS, TEST_ACCOUNTS, VVV_ADDRESS } from './chain'
import { localBase } from './chain/startChain'
import { installTestWallet, type TestWalletController } from './wallet'
import { startTestWorld, type TestWorld } from './world'

const [owner, second] = TEST_ACCOUNTS

let world: TestWorld
let browser: Browser
let site: Server
let siteUrl: string
let page: Page
let wallet: TestWalletController

describe.skipIf(!existsSync(CHROMIUM_PATH))('injected test wallet', () => {
  beforeAll(async () => {
    world = await startTestWorld()
    await world.chain.setBalances(owner.address, { svvv: parseEther('1'), vvv: parseEther('5') })
    site = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html' })
      response.end('<!doctype html><title>wallet test</title>')
    })
    site.listen(0, '127.0.0.1')
    await once(site, 'listening')
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`
    browser = await launchChromium()
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    site?.close()
    await world?.stop()
  })

  beforeEach(async () => {
    await page?.close()
    page = await browser.newPage()
    wallet = await installTestWallet(page, { privateKey: owner.privateKey, rpcUrl: world.chain.rpcUrl })
    await page.goto(siteUrl)
  })

  /** window.ethereum.request from the page; a rejection comes back as { code, message }. */
  const request = (method: string, params: unknown[] = []) =>
    page.evaluate(
      ([method, params]) =>
        (window as any).ethereum.request({ method, params }).then(
          (result: unknown) => ({ result }),
          (error: { code: number; message: string }) => ({ error: { code: error.code, message: error.message } }),
        ),
      [method, params] as const,
    )

  /** Collects the provider's events in the page. */
  const recordEvents = () =>
    page.evaluate(() => {
      const events: unknown[] = ((window as any).walletEvents = [])
      for (const name of ['accountsChanged', 'chainChanged'])
        (window as any).ethereum.on(name, (payload: unknown) => events.push([name, payload]))
    })
  const events = () => page.evaluate(() => (window as any).walletEvents)

  it('announces itself with EIP-6963, at once and on request', async () => {
    const announced = await page.evaluate(() => {
      const seen: unknown[] = []
      window.addEventListener('eip6963:announceProvider', (event) => {
        const { info, provider } = (event as CustomEvent).detail
        seen.push({ ...info, same: provider === (window as any).ethereum })
      })
      window.dispatchEvent(new Event('eip6963:requestProvider'))
      return seen
    })
    expect(announced).toEqual([
      {
        uuid: expect.any(String),
        name: 'Test Wallet',
        icon: expect.stringMatching(/^data:image\/svg\+xml,/),
        rdns: 'dev.test.wallet',
        same: true,
      },
    ])
  })

  it('connects, reports Base, signs EIP-191 messages, and stays connected across reloads', async () => {
    expect(await request('eth_chainId')).toEqual({ result: '0x2105' })
    expect(await request('eth_accounts')).toEqual({ result: [] })
    expect(await request('eth_requestAccounts')).toEqual({ result: [owner.address] })

    const message = 'hello from the page'
    const hexMessage = `0x${Buffer.from(message).toString('hex')}`
    const { result: signature } = (await request('personal_sign', [hexMessage, owner.address])) as { result: Hex }
    expect(await verifyMessage({ address: owner.address, message, signature })).toBe(true)

    await page.reload()
    expect(await request('eth_accounts')).toEqual({ result: [owner.address] })
    expect(wallet.requests().map((entry) => entry.method)).toEqual([
      'eth_chainId',
      'eth_accounts',
      'eth_requestAccounts',
      'personal_sign',
      'eth_accounts',
    ])
  })

  it('answers wallet_requestPermissions with the account, and refuses unsupported signing methods', async () => {
    const { result } = (await request('wallet_requestPermissions', [{ eth_accounts: {} }])) as { result: any[] }
    expect(result[0]).toMatchObject({ parentCapability: 'eth_accounts', caveats: [{ value: [owner.address] }] })
    expect(await request('eth_signTypedData_v4', [owner.address, '{}'])).toMatchObject({ error: { code: 4200 } })
    // EIP-5792 only when asked for (installTestWallet's batchCalls).
    expect(await request('wallet_getCapabilities', [owner.address])).toMatchObject({ error: { code: 4200 } })
    expect(await request('wallet_sendCalls', [{}])).toMatchObject({ error: { code: 4200 } })
    expect(await request('personal_sign', ['0x00', second.address])).toMatchObject({ error: { code: 4100 } })
  })

  it('mints a Venice key from the page through the stand-in (cross-origin)', async () => {
    await request('eth_requestAccounts')
    const minted = await page.evaluate(
      async ([api, address]) => {
        const { data } = await (await fetch(`${api}/api_keys/generate_web3_key`)).json()
        const hex = `0x${[...new TextEncoder().encode(data.token)].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`
        const signature = await (window as any).ethereum.request({ method: 'personal_sign', params: [hex, address] })
        const response = await fetch(`${api}/api_keys/generate_web3_key`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ address, signature, token: data.token, apiKeyType: 'INFERENCE' }),
        })
        return { status: response.status, body: await response.json() }
      },
      [world.venice.url, owner.address] as const,
    )
    expect(minted.status).toBe(200)
    expect(minted.body.data.apiKey).toMatch(/^VENICE_INFERENCE_KEY_/)
  })

  it('is blocked by the browser when the stand-in sends no CORS headers', async () => {
    world.venice.control.setCors(false)
    try {
      const outcome = await page.evaluate(
        (api) =>
          fetch(`${api}/api_keys/generate_web3_key`).then(
            () => 'ok',
            (error: Error) => error.name,
          ),
        world.venice.url,
      )
      expect(outcome).toBe('TypeError')
    } finally {
      world.venice.control.setCors(true)
    }
  })

  it('rejects the next user prompt with 4001', async () => {
    wallet.rejectNext()
    expect(await request('eth_requestAccounts')).toEqual({ error: { code: 4001, message: 'User rejected the request.' } })
    expect(await request('eth_requestAccounts')).toEqual({ result: [owner.address] })
    wallet.rejectNext()
    expect(await request('eth_chainId')).toEqual({ result: '0x2105' })
    expect(await request('personal_sign', ['0x01', owner.address])).toEqual({
      error: { code: 4001, message: 'User rejected the request.' },
    })
    expect(wallet.requests().at(-1)?.error?.code).toBe(4001)
  })

  it('emits accountsChanged and chainChanged, and switches chains on request', async () => {
    await request('eth_requestAccounts')
    await recordEvents()
    await wallet.switchAccount(second.privateKey)
    expect(await request('eth_accounts')).toEqual({ result: [second.address] })
    await wallet.switchChain(1)
    expect(wallet.chainId).toBe(1)
    expect(await request('eth_chainId')).toEqual({ result: '0x1' })
    expect(await request('wallet_switchEthereumChain', [{ chainId: '0x2105' }])).toEqual({ result: null })
    expect(await request('wallet_switchEthereumChain', [{ chainId: '0x89' }])).toMatchObject({ error: { code: 4902 } })
    await wallet.disconnect()
    expect(await request('eth_accounts')).toEqual({ result: [] })
    expect(await events()).toEqual([
      ['accountsChanged', [second.address]],
      ['chainChanged', '0x1'],
      ['chainChanged', '0x2105'],
      ['accountsChanged', []],
    ])
  })

  it('signs and sends transactions to the local chain, and proxies reads', async () => {
    await request('eth_requestAccounts')
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [STAKING_ADDRESS, parseEther('2')] })
    const { result: hash } = (await request('eth_sendTransaction', [{ from: owner.address, to: VVV_ADDRESS, data }])) as {
      result: Hex
    }
    const receipt = await world.chain.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    expect(receipt.status).toBe('success')
    const allowance = await world.chain.publicClient.readContract({
      address: VVV_ADDRESS,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [owner.address, STAKING_ADDRESS],
    })
    expect(allowance).toBe(parseEther('2'))
    expect(await request('eth_getTransactionReceipt', [hash])).toMatchObject({ result: { status: '0x1' } })
  })
})

describe.skipIf(!existsSync(CHROMIUM_PATH))('injected test wallet with EIP-5792 batched calls', () => {
  let world: TestWorld
  let browser: Browser
  let site: Server
  let page: Page
  let wallet: TestWalletController
  const svvvOf = (address: Hex) =>
    world.chain.publicClient.readContract({ address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'balanceOf', args: [address] })
  const allowanceOf = (address: Hex) =>
    world.chain.publicClient.readContract({
      address: VVV_ADDRESS,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [address, STAKING_ADDRESS],
    })
  const approveAndStake = (approved: bigint, staked: bigint) => [
    { to: VVV_ADDRESS, abi: erc20Abi, functionName: 'approve', args: [STAKING_ADDRESS, approved] },
    { to: STAKING_ADDRESS, abi: mockStaking.abi, functionName: 'stake', args: [second.address, staked] },
  ]
  /** viem's own EIP-5792 actions, talking to the page's provider: what they parse is what the app sees. */
  const viemWallet = () =>
    createWalletClient({
      account: second.address,
      chain: localBase(world.chain.rpcUrl),
      transport: custom({
        request: ({ method, params }) =>
          page.evaluate(([method, params]) => (window as any).ethereum.request({ method, params }), [method, params] as const),
      }),
    })
  const raw = (method: string, params: unknown[]) =>
    page.evaluate(
      ([method, params]) =>
        (window as any).ethereum.request({ method, params }).then(
          (result: unknown) => ({ result }),
          (error: { code: number }) => ({ error: { code: error.code } }),
        ),
      [method, params] as const,
    )

  beforeAll(async () => {
    world = await startTestWorld()
    await world.chain.setBalances(second.address, { vvv: parseEther('10') })
    site = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html>'))
    site.listen(0, '127.0.0.1')
    await once(site, 'listening')
    browser = await launchChromium()
    page = await browser.newPage()
    wallet = await installTestWallet(page, { privateKey: second.privateKey, rpcUrl: world.chain.rpcUrl, batchCalls: true })
    await page.goto(`http://127.0.0.1:${(site.address() as AddressInfo).port}/`)
  }, 30_000)

  afterAll(async () => {
    await browser?.close()
    site?.close()
    await world?.stop()
  })

  it('states atomic support for its chain only, and only to the connected account', async () => {
    expect(await raw('wallet_getCapabilities', [second.address])).toEqual({ error: { code: 4100 } })
    await raw('eth_requestAccounts', [])
    const client = viemWallet()
    await expect(getCapabilities(client)).resolves.toEqual({ 8453: { atomic: { status: 'supported' } } })
    await expect(getCapabilities(client, { chainId: 8453 })).resolves.toEqual({ atomic: { status: 'supported' } })
    expect(await raw('wallet_getCapabilities', [second.address, ['0x1']])).toEqual({ result: {} })
    expect(await raw('wallet_getCapabilities', [owner.address])).toEqual({ error: { code: 4100 } })
  })

  it('sends approve then stake in one confirmation, mined together in one block', async () => {
    await raw('eth_requestAccounts', [])
    const before = wallet.requests().length
    const { id } = await sendCalls(viemWallet(), { calls: approveAndStake(parseEther('3'), parseEther('3')) })
    const status = await getCallsStatus(viemWallet(), { id })
    expect(status).toMatchObject({ id, status: 'success', statusCode: 200, atomic: true, chainId: 8453, version: '2.0.0' })
    expect(status.receipts!.map((receipt) => receipt.status)).toEqual(['success', 'success'])
    const [approve, stake] = status.receipts!
    expect(approve!.blockNumber).toBe(stake!.blockNumber)
    expect(await svvvOf(second.address)).toBe(parseEther('3'))
    expect(await allowanceOf(second.address)).toBe(0n)
    // The page sees one request that needs the user; the transactions never pass through it.
    expect(
      wallet
        .requests()
        .slice(before)
        .map((entry) => entry.method),
    ).toEqual(['wallet_sendCalls', 'wallet_getCallsStatus'])
  })

  it('sends nothing when any call would revert, and reports the batch reverted completely', async () => {
    await raw('eth_requestAccounts', [])
    const { id } = await sendCalls(viemWallet(), { calls: approveAndStake(parseEther('1'), parseEther('2')) })
    const status = await getCallsStatus(viemWallet(), { id })
    expect(status).toMatchObject({ status: 'failure', statusCode: 500, receipts: [] })
    expect(await allowanceOf(second.address)).toBe(0n)
    expect(await svvvOf(second.address)).toBe(parseEther('3'))
  })

  it('refuses what EIP-5792 says to refuse, and a declined batch sends nothing', async () => {
    await raw('eth_requestAccounts', [])
    const call = {
      to: VVV_ADDRESS,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [STAKING_ADDRESS, 1n] }),
    }
    const batch = (extra: object) => ({
      version: '2.0.0',
      from: second.address,
      chainId: '0x2105',
      atomicRequired: true,
      calls: [call],
      ...extra,
    })
    expect(await raw('wallet_sendCalls', [batch({ chainId: '0x1' })])).toEqual({ error: { code: 5710 } })
    expect(await raw('wallet_sendCalls', [batch({ capabilities: { paymasterService: { url: 'x' } } })])).toEqual({
      error: { code: 5700 },
    })
    expect(await raw('wallet_sendCalls', [batch({ from: owner.address })])).toEqual({ error: { code: 4100 } })
    expect(await raw('wallet_getCallsStatus', ['0x1234'])).toEqual({ error: { code: 5730 } })
    wallet.rejectNext()
    expect(await raw('wallet_sendCalls', [batch({ id: '0xabc' })])).toEqual({ error: { code: 4001 } })
    expect(await allowanceOf(second.address)).toBe(0n)
    expect(await raw('wallet_sendCalls', [batch({ id: '0xabc' })])).toEqual({ result: { id: '0xabc' } })
    expect(await raw('wallet_sendCalls', [batch({ id: '0xabc' })])).toEqual({ error: { code: 5720 } })
    expect(await allowanceOf(second.address)).toBe(1n)
  })
})
