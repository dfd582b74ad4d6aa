import type { Page } from 'playwright-core'
import { decodeFunctionData, erc20Abi, formatEther, parseEther, type Address, type Hex } from 'viem'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { diemAbi, stakingAbi } from '../../src/chain/contracts'
import { DIEM_ADDRESS, STAKING_ADDRESS, VVV_ADDRESS } from '../support/chain'
import type { TestWalletController } from '../support/wallet'
import { chunkFileOf, fileOf, newHolder, openApp, startE2EWorld, type E2EWorld } from './fixture'
import { connectTestWallet, mintAndSign, startMinting, statValue } from './ui'

const DAY = 86_400

/** A fresh wallet with these balances and some ETH for gas. */
async function newStaker(balances: { svvv: string; vvv: string }) {
  const holder = await newHolder(world, balances)
  await world.chain.fund(holder.address, '1')
  return holder
}

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

function decodeCall(tx: { to: Address; data: Hex }) {
  const to = tx.to.toLowerCase()
  const abi = to === VVV_ADDRESS.toLowerCase() ? erc20Abi : to === DIEM_ADDRESS.toLowerCase() ? diemAbi : stakingAbi
  return { to, ...decodeFunctionData({ abi, data: tx.data }) }
}

/** The transactions the wallet was asked to send, in order, decoded. */
function sentTransactions(wallet: TestWalletController) {
  return wallet
    .requests()
    .filter((r) => r.method === 'eth_sendTransaction' && !r.error)
    .map((r) => decodeCall((r.params as [{ to: Address; data: Hex }])[0]))
}

async function openStakePage(privateKey: Hex, { batchCalls = false } = {}) {
  const session = await openApp(world, { privateKey, batchCalls })
  await connectTestWallet(session.page)
  await session.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stake' }).click()
  await session.page.getByRole('heading', { name: 'Your position on Base' }).waitFor()
  return session
}

const confirmed = (page: Page, label: string) => page.getByText(`Confirmed: ${label}`, { exact: true }).waitFor()

describe('the Stake page', () => {
  it('starts loading the wallet code when the pointer reaches the header link, before the click', async () => {
    const session = await openApp(world)
    const { page } = session
    const walletChunk = chunkFileOf('src/chain/WalletModule.tsx')
    const loading = page.waitForRequest((request) => fileOf(request.url()) === walletChunk)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Stake' }).hover()
    await loading
    expect(new URL(page.url()).hash).toBe('')
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('takes a wallet with VVV only from "no sVVV" to a minted key, approving exactly the staked amount', async () => {
    const holder = await newStaker({ svvv: '0', vvv: '50' })
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    await page.getByText('This wallet has no staked VVV on Base').waitFor()
    await page.getByRole('link', { name: 'Stake VVV' }).click()

    await page.getByRole('heading', { name: 'Stake VVV', exact: true }).waitFor()
    await expect(statValue(page, 'VVV in wallet').textContent()).resolves.toBe('50 VVV')
    await page.getByLabel('VVV to stake').fill('60')
    await page.getByRole('button', { name: 'Approve and stake' }).click()
    await page.getByText('That is more than the 50 VVV available.').waitFor()
    await page.getByLabel('VVV to stake').fill('20.5')
    await page.getByRole('button', { name: 'Approve and stake' }).click()
    await confirmed(page, 'Stake 20.5 VVV')

    expect(sentTransactions(session.wallet!)).toEqual([
      { to: VVV_ADDRESS.toLowerCase(), functionName: 'approve', args: [STAKING_ADDRESS, parseEther('20.5')] },
      { to: STAKING_ADDRESS.toLowerCase(), functionName: 'stake', args: [holder.address, parseEther('20.5')] },
    ])
    await page.waitForFunction(() => document.body.textContent?.includes('20.5 sVVV'))
    await expect(statValue(page, 'VVV in wallet').textContent()).resolves.toBe('29.5 VVV')

    // Back to the mint page, no reload: eligibility is read again.
    await page.getByRole('link', { name: 'mint Venice API keys' }).click()
    await page.getByText('Eligible').waitFor()
    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()

    // A fresh account has nothing to spend: the dashboard says so and points to the Stake page.
    await page.getByText('This key works, but has nothing to spend').waitFor()
    await page.getByRole('link', { name: 'Stake DIEM on the Stake page' }).click()
    await page.getByRole('heading', { name: 'Fund your keys with DIEM', exact: true }).waitFor()
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('stakes in one wallet confirmation where the wallet batches calls (EIP-5792): approve exactly the amount, then stake', async () => {
    const holder = await newStaker({ svvv: '0', vvv: '30' })
    const session = await openStakePage(holder.privateKey, { batchCalls: true })
    const { page } = session
    const wallet = session.wallet!

    await page.getByLabel('VVV to stake').fill('12.5')
    await page.getByRole('button', { name: 'Approve and stake in one confirmation' }).click()
    await confirmed(page, 'Approve and stake 12.5 VVV')

    const prompts = wallet.requests().filter((r) => r.method === 'eth_sendTransaction' || r.method === 'wallet_sendCalls')
    expect(prompts.map((r) => r.method)).toEqual(['wallet_sendCalls'])
    const [batch] = prompts[0]!.params as [{ calls: { to: Address; data: Hex }[]; chainId: Hex; from: Address }]
    expect(batch).toMatchObject({ chainId: '0x2105', from: holder.address })
    expect(batch.calls.map(decodeCall)).toEqual([
      { to: VVV_ADDRESS.toLowerCase(), functionName: 'approve', args: [STAKING_ADDRESS, parseEther('12.5')] },
      { to: STAKING_ADDRESS.toLowerCase(), functionName: 'stake', args: [holder.address, parseEther('12.5')] },
    ])
    await page.waitForFunction(() => document.body.textContent?.includes('12.5 sVVV'))
    await expect(statValue(page, 'VVV in wallet').textContent()).resolves.toBe('17.5 VVV')
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('on another network shows the switch prompt instead of the forms, and the forms again once switched, without a reload', async () => {
    const holder = await newStaker({ svvv: '0', vvv: '10' })
    const session = await openStakePage(holder.privateKey)
    const { page } = session
    const wallet = session.wallet!
    const stakeTitle = page.getByRole('heading', { name: 'Stake VVV', exact: true })
    await page.getByLabel('VVV to stake').fill('3')
    await page.evaluate(() => ((window as any).sameDocument = true))

    await wallet.switchChain(1)
    const prompt = page.getByRole('status').filter({ hasText: 'Your wallet is on another network' })
    await prompt.getByText('Staking happens on Base').waitFor()
    await stakeTitle.waitFor({ state: 'hidden' })
    await expect(page.getByRole('button', { name: /stake/i }).count()).resolves.toBe(0)

    await prompt.getByRole('button', { name: 'Switch to Base' }).click()
    await prompt.waitFor({ state: 'detached' })
    await stakeTitle.waitFor()
    expect(wallet.chainId).toBe(8453)
    // The same document, and the form kept what was typed.
    await expect(page.evaluate(() => (window as any).sameDocument)).resolves.toBe(true)
    await expect(page.getByLabel('VVV to stake').inputValue()).resolves.toBe('3')
    expect(wallet.requests().some((r) => r.method === 'eth_sendTransaction')).toBe(false)
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('claims rewards (a declined request is calm), starts an unstake, refuses an early finalize without sending, finalizes after the cooldown', async () => {
    const holder = await newStaker({ svvv: '1000', vvv: '0' })
    await world.chain.increaseTime(DAY)
    const session = await openStakePage(holder.privateKey)
    const { page } = session
    const wallet = session.wallet!

    wallet.rejectNext()
    await page.getByRole('button', { name: 'Claim', exact: true }).click()
    await page.getByText('You declined in your wallet').waitFor()
    await page.getByRole('button', { name: 'Claim', exact: true }).click()
    await confirmed(page, 'Claim rewards')
    expect(sentTransactions(wallet).map((tx) => tx.functionName)).toEqual(['claim'])
    await page.waitForFunction(() => !/VVV in wallet\s*0 VVV/.test(document.body.textContent ?? ''))

    await page.getByText('Unstaking takes 7 days').waitFor()
    await page.getByLabel('sVVV to unstake').fill('400')
    await page.getByRole('button', { name: 'Start unstaking (7 days cooldown)' }).click()
    await confirmed(page, 'Start unstaking 400 sVVV')
    await page.getByText(/400 sVVV are cooling down/).waitFor()
    await expect(page.getByRole('button', { name: /Start unstaking/ }).count()).resolves.toBe(0)

    const sentBefore = sentTransactions(wallet).length
    await page.getByRole('button', { name: 'Finalize unstake' }).click()
    await page.getByText('Not sent: Finalize the unstake').waitFor()
    await expect(page.getByText(/the unstake cooldown has not ended yet/).isVisible()).resolves.toBe(true)
    expect(sentTransactions(wallet)).toHaveLength(sentBefore)

    await world.chain.increaseTime(7 * DAY)
    await page
      .getByText(/\(due now\)/)
      .first()
      .waitFor()
    await page.getByRole('button', { name: 'Finalize unstake' }).click()
    await confirmed(page, 'Finalize the unstake')
    expect(sentTransactions(wallet).at(-1)!.functionName).toBe('finalizeUnstake')
    await page.getByRole('button', { name: 'Start unstaking (7 days cooldown)' }).waitFor()
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it("funds a fresh key with DIEM: from the dashboard's hint to the Stake page, mint and stake DIEM, then the key's dashboard shows the daily credit", async () => {
    const holder = await newStaker({ svvv: '1000', vvv: '0' })
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    const hint = page.getByText('This key works, but has nothing to spend')
    await hint.waitFor()
    await expect(statValue(page, 'DIEM').textContent()).resolves.toBe('0')

    await page.getByRole('link', { name: 'Stake DIEM on the Stake page' }).click()
    await page.getByRole('heading', { name: 'Fund your keys with DIEM', exact: true }).waitFor()
    await page.getByLabel('sVVV to lock').fill('700')
    await page.getByRole('button', { name: 'Mint DIEM' }).click()
    await page.getByText(/^Confirmed: Mint at least/).waitFor()
    await page.getByRole('button', { name: 'Max DIEM' }).first().click()
    await page.getByRole('button', { name: 'Stake DIEM' }).click()
    await page.getByText(/^Confirmed: Stake [\d.]+ DIEM$/).waitFor()
    const [staked] = await world.chain.publicClient.readContract({
      address: DIEM_ADDRESS,
      abi: diemAbi,
      functionName: 'stakedInfos',
      args: [holder.address],
    })
    expect(staked).toBeGreaterThan(parseEther('0.1'))
    // Venice's figure as the dashboard formats it: 1 staked DIEM = 1 DIEM of credit today.
    const credit = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 }).format(Number(formatEther(staked)))

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keys' }).click()
    await page.getByRole('region', { name: 'Your keys in this session' }).getByRole('link').first().click()
    await page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await page.waitForFunction(
      (expected) =>
        [...document.querySelectorAll('dt')].find((dt) => dt.textContent === 'DIEM')?.nextElementSibling?.textContent ===
        expected,
      credit,
    )
    await hint.waitFor({ state: 'detached' })
    await expect(statValue(page, 'Access').textContent()).resolves.toBe('Permitted')
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('mints DIEM with the slippage floor in the transaction, stakes it for daily credit, unstakes and withdraws it', async () => {
    const holder = await newStaker({ svvv: '1000', vvv: '0' })
    const session = await openStakePage(holder.privateKey)
    const { page } = session
    const wallet = session.wallet!

    await page.getByLabel('sVVV to lock').fill('700')
    const quote = await world.chain.publicClient.readContract({
      address: STAKING_ADDRESS,
      abi: stakingAbi,
      functionName: 'getDiemAmountOut',
      args: [parseEther('700')],
    })
    await page.getByText(/^700 sVVV → ≈ [\d.]+ DIEM · you receive at least [\d.]+ DIEM$/).waitFor()
    await expect(page.getByLabel('Slippage tolerance (%)').inputValue()).resolves.toBe('1')
    await page.getByRole('button', { name: 'Mint DIEM' }).click()
    await page.getByText(/^Confirmed: Mint at least/).waitFor()
    const mint = sentTransactions(wallet).at(-1)!
    expect(mint).toEqual({
      to: STAKING_ADDRESS.toLowerCase(),
      functionName: 'mintDiem',
      args: [parseEther('700'), (quote * 9_900n) / 10_000n],
    })

    await page.getByRole('button', { name: 'Max DIEM' }).first().click()
    await page.getByRole('button', { name: 'Stake DIEM' }).click()
    await page.getByText(/^Confirmed: Stake [\d.]+ DIEM$/).waitFor()
    await page.getByText(/^\$[\d.]+ per day \(the 0\.1 DIEM minimum is met\)$/).waitFor()

    await page.getByLabel('DIEM to unstake').fill('5')
    await page.getByRole('button', { name: /Start DIEM unstake/ }).click()
    await page.getByText('That is more than the', { exact: false }).waitFor()
    await page.getByLabel('DIEM to unstake').fill('0.05')
    await expect(page.getByText(/restarts the 1 day cooldown for the whole pending amount/).isVisible()).resolves.toBe(true)
    await page.getByRole('button', { name: /Start DIEM unstake/ }).click()
    await page.getByText('Confirmed: Start unstaking 0.05 DIEM').waitFor()
    await page.getByText(/0\.05 DIEM cooling down, withdrawable from/).waitFor()

    const sentBefore = sentTransactions(wallet).length
    await page.getByRole('button', { name: 'Withdraw DIEM' }).click()
    await page.getByText('Not sent: Withdraw unstaked DIEM').waitFor()
    expect(sentTransactions(wallet)).toHaveLength(sentBefore)
    await world.chain.increaseTime(DAY)
    await page.getByRole('button', { name: 'Withdraw DIEM' }).click()
    await confirmed(page, 'Withdraw unstaked DIEM')
    expect(
      sentTransactions(wallet).map((tx) => `${tx.to === DIEM_ADDRESS.toLowerCase() ? 'DIEM' : 'staking'}.${tx.functionName}`),
    ).toEqual(['staking.mintDiem', 'DIEM.stake', 'DIEM.initiateUnstake', 'DIEM.unstake'])
    await expect(statValue(page, 'DIEM in wallet').textContent()).resolves.toMatch(/^0\.05 DIEM$/)
    expect(session.pageErrors).toEqual([])
    await session.close()
  })
})
