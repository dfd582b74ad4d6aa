import { createWalletClient, http, parseEther, type Address } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callApi } from './apiClient'
import { DIEM_ADDRESS, mockDiem } from './chain'
import { startVeniceStandin, type VeniceStandin } from './venice'
import { startTestWorld, type TestWorld } from './world'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

let world: TestWorld
beforeAll(async () => {
  world = await startTestWorld()
})
afterAll(() => world?.stop())

/** A fresh wallet holding `diem` liquid DIEM, with an ADMIN key on its Venice account. */
async function newStaker(diem: string) {
  const account = privateKeyToAccount(generatePrivateKey())
  await world.chain.fund(account.address, '1')
  await world.chain.setBalances(account.address, { diem: parseEther(diem) })
  const client = createWalletClient({ account, chain: world.chain.publicClient.chain, transport: http(world.chain.rpcUrl) })
  const send = async (functionName: 'stake' | 'initiateUnstake', amount: string) => {
    const { request } = await world.chain.publicClient.simulateContract({
      account,
      address: DIEM_ADDRESS,
      abi: mockDiem.abi,
      functionName,
      args: [parseEther(amount)],
    })
    const receipt = await world.chain.publicClient.waitForTransactionReceipt({
      hash: await client.writeContract(request),
      pollingInterval: 50,
    })
    expect(receipt.status).toBe('success')
  }
  const { id, apiKey } = world.venice.control.seedKey(account.address)
  return {
    address: account.address,
    keyId: id,
    stake: (amount: string) => send('stake', amount),
    initiateUnstake: (amount: string) => send('initiateUnstake', amount),
    rateLimits: () => callApi(world.venice.url, '/api_keys/rate_limits', { key: apiKey }).then(({ body }) => body.data),
    billingBalance: () => callApi(world.venice.url, '/billing/balance', { key: apiKey }).then(({ body }) => body),
  }
}

describe('the stand-in turns DIEM staked on the chain into daily credit', () => {
  it('reports nothing to spend before the stake, and the staked DIEM as credit and allocation right after it', async () => {
    const staker = await newStaker('3')
    await expect(staker.rateLimits()).resolves.toMatchObject({
      accessPermitted: false,
      balances: { USD: 0, DIEM: 0, BUNDLED_CREDITS: 0 },
    })

    await staker.stake('2.5')
    await expect(staker.rateLimits()).resolves.toMatchObject({ accessPermitted: true, balances: { DIEM: 2.5 } })
    await expect(staker.billingBalance()).resolves.toEqual({
      canConsume: true,
      consumptionCurrency: 'DIEM',
      balances: { diem: 2.5, usd: 0, bundledCredits: 0, earnedCredits: 0 },
      diemEpochAllocation: 2.5,
    })
    // The explicit store is untouched: the credit is read from the chain when Venice answers.
    expect(world.venice.control.balances(staker.address)).toMatchObject({ diem: 0, diemEpochAllocation: 0 })

    // DIEM moved into the unstake cooldown no longer counts.
    await staker.initiateUnstake('1')
    await expect(staker.billingBalance()).resolves.toMatchObject({ balances: { diem: 1.5 }, diemEpochAllocation: 1.5 })
  })

  it('gives nothing below the 0.1 DIEM minimum', async () => {
    const staker = await newStaker('1')
    await staker.stake('0.09')
    await expect(staker.rateLimits()).resolves.toMatchObject({ accessPermitted: false, balances: { DIEM: 0 } })
    await expect(staker.billingBalance()).resolves.toMatchObject({ canConsume: false, diemEpochAllocation: 0 })
    await staker.stake('0.01')
    await expect(staker.rateLimits()).resolves.toMatchObject({ accessPermitted: true, balances: { DIEM: 0.1 } })
  })

  it("adds the credit to balances a test set, keeps a test's unknown DIEM unknown, and clamps to the key's limit", async () => {
    const staker = await newStaker('3')
    await staker.stake('3')
    world.venice.control.setBalances(staker.address, { diem: 10, diemEpochAllocation: 20, usd: 4 })
    await expect(staker.billingBalance()).resolves.toMatchObject({
      balances: { diem: 13, usd: 4 },
      diemEpochAllocation: 23,
    })

    world.venice.control.setBalances(staker.address, { diem: null })
    const { balances } = await staker.rateLimits()
    expect(balances).toEqual({ USD: 4, BUNDLED_CREDITS: 0 })

    const capped = world.venice.control.seedKey(staker.address, { consumptionLimits: { diem: 1 } })
    world.venice.control.setBalances(staker.address, { diem: 0 })
    const reply = await callApi(world.venice.url, '/api_keys/rate_limits', { key: capped.apiKey })
    expect(reply.body.data.balances.DIEM).toBe(1)
  })

  it('takes DIEM spent this epoch off the credit, and gives the whole allocation again at the next UTC midnight', async () => {
    const { clock } = world.venice.control
    // An hour into a UTC day, so the epoch cannot end between the usage and the reads.
    clock.advance(Math.floor(clock.now() / DAY_MS) * DAY_MS + DAY_MS + HOUR_MS - clock.now())
    const staker = await newStaker('2')
    await staker.stake('2')
    world.venice.control.recordUsage(staker.address, { apiKeyId: staker.keyId, model: 'zai-org-glm-5-1', diem: 0.75 })
    world.venice.control.recordUsage(staker.address, { apiKeyId: null, model: 'zai-org-glm-5-1', diem: 0.5 })
    await expect(staker.billingBalance()).resolves.toMatchObject({ balances: { diem: 0.75 }, diemEpochAllocation: 2 })

    clock.advance(DAY_MS)
    await expect(staker.rateLimits()).resolves.toMatchObject({ balances: { DIEM: 2 } })
  })
})

describe('the stand-in without a DIEM reader, or with one that fails', () => {
  let standin: VeniceStandin | undefined
  afterAll(() => standin?.stop())

  async function stakedWallet(): Promise<Address> {
    const staker = await newStaker('1')
    await staker.stake('1')
    return staker.address
  }

  it('reports only what tests set when started alone', async () => {
    const wallet = await stakedWallet()
    standin = await startVeniceStandin({ port: 0, rpcUrl: world.chain.rpcUrl })
    standin.control.setBalances(wallet, { usd: 3 })
    const { apiKey } = standin.control.seedKey(wallet)
    const { body } = await callApi(standin.url, '/billing/balance', { key: apiKey })
    expect(body).toMatchObject({ balances: { diem: 0, usd: 3 }, diemEpochAllocation: 0 })
    await standin.stop()
    standin = undefined
  })

  it('reports DIEM as unknown when the chain cannot be read, and the rest as usual', async () => {
    const wallet = await stakedWallet()
    standin = await startVeniceStandin({
      port: 0,
      rpcUrl: world.chain.rpcUrl,
      stakedDiem: () => Promise.reject(new Error('RPC down')),
    })
    standin.control.setBalances(wallet, { usd: 3 })
    const { apiKey } = standin.control.seedKey(wallet)
    const { body } = await callApi(standin.url, '/api_keys/rate_limits', { key: apiKey })
    expect(body.data).toMatchObject({ accessPermitted: true, balances: { USD: 3, BUNDLED_CREDITS: 0 } })
    expect(body.data.balances).not.toHaveProperty('DIEM')
  })
})
