/**
 * The sandbox build (`npm run sandbox`): a newcomer with no wallet walks the whole flow with the
 * labelled in-page wallets, which sign for real with the seeded test accounts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { verifyMessage } from 'viem'
import { buildApp } from '../support/buildApp'
import { SANDBOX_HOLDER, SANDBOX_NON_HOLDER, seedSandbox } from '../support/sandboxSeed'
import { leaksOf, openApp, startE2EWorld, type E2EWorld } from './fixture'
import { E2E_DIST, E2E_PORTS } from './ports'
import { mintAndSign, mintButton, revealSecret, startMinting } from './ui'

const SANDBOX_DIST = `${E2E_DIST}-sandbox`
let world: E2EWorld
beforeAll(async () => {
  await buildApp(SANDBOX_DIST, { chainPort: E2E_PORTS.chain, venicePort: E2E_PORTS.venice }, { VITE_SANDBOX: 'true' })
  world = await startE2EWorld({ dist: SANDBOX_DIST })
  await seedSandbox(world)
})
afterAll(() => world?.stop())

async function connectSandboxWallet(page: Page, name: string) {
  await page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('dialog').getByText(name).click()
  await page.getByRole('banner').getByRole('button', { name: /0x/ }).waitFor()
}

describe('the sandbox', () => {
  it('lets a newcomer mint with the labelled holder wallet and see the dashboard', async () => {
    const session = await openApp(world)
    const { page } = session
    await page
      .getByRole('note')
      .getByText(/^Sandbox:/)
      .waitFor()
    await connectSandboxWallet(page, 'Sandbox wallet: sVVV holder')
    await startMinting(page)
    await page.getByText('This wallet has 250 staked VVV (sVVV) on Base, and 1,000 VVV.').waitFor()
    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    const secret = await revealSecret(page)

    const post = world.venice.control
      .requests()
      .find((r) => r.method === 'POST' && r.path === '/api/v1/api_keys/generate_web3_key')!
    const body = post.body as { address: `0x${string}`; token: string; signature: `0x${string}` }
    expect(body.address).toBe(SANDBOX_HOLDER.address)
    expect(await verifyMessage({ address: SANDBOX_HOLDER.address, message: body.token, signature: body.signature })).toBe(true)
    await page.getByText('$25.00').waitFor()
    expect(await leaksOf(session, secret, world.venice.url)).toEqual([])
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('shows the no-sVVV wallet why Venice would refuse, before any signature, then lets it stake its VVV and mint', async () => {
    const session = await openApp(world)
    const { page } = session
    await connectSandboxWallet(page, 'Sandbox wallet: no sVVV')
    await startMinting(page)
    await page.getByText('This wallet has no staked VVV on Base').waitFor()
    expect(await mintButton(page).isDisabled()).toBe(true)
    expect(
      world.venice.control
        .requests()
        .filter((r) => r.body && (r.body as { address?: string }).address === SANDBOX_NON_HOLDER.address),
    ).toEqual([])

    // The sandbox wallet sends transactions too: stake on the Stake page, then the mint page says yes.
    await page.getByRole('link', { name: 'Stake VVV' }).click()
    await page.getByLabel('VVV to stake').fill('10')
    await page.getByRole('button', { name: 'Approve and stake' }).click()
    await page.getByText('Confirmed: Stake 10 VVV', { exact: true }).waitFor()
    await page.getByRole('link', { name: 'mint Venice API keys' }).click()
    await page.getByText('Eligible').waitFor()
    expect(await mintButton(page).isEnabled()).toBe(true)
    expect(session.pageErrors).toEqual([])
    await session.close()
  })
})
