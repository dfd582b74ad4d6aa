import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dialog, Page } from 'playwright-core'
import {
  fileOf,
  leaksOf,
  newHolder,
  openApp,
  requestsToPort,
  startE2EWorld,
  walletOnlyChunks,
  type AppSession,
  type E2EWorld,
} from './fixture'
import { E2E_PORTS } from './ports'
import { mintAndSign, openKeySection, pasteKey, readyToMint, revealSecret } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const VAULT = 'svvv-key-minter.vault'
const RATE_LIMITS = '/api/v1/api_keys/rate_limits'
const standinCalls = (path: string) => world.venice.control.requests().filter((r) => r.path === path && r.method !== 'OPTIONS')

/** A seeded INFERENCE key of a fresh wallet whose account holds `usd`. */
async function seededKey(usd: number) {
  const holder = await newHolder(world)
  world.venice.control.setBalances(holder.address, { usd, diem: 3.25 })
  return world.venice.control.seedKey(holder.address, { apiKeyType: 'INFERENCE' }).apiKey
}

const dashboardTitle = (page: Page) => page.getByRole('heading', { level: 1 })
const keyList = (page: Page) => page.getByRole('region', { name: 'Your keys in this session' })

async function expectClean(session: AppSession, ...secrets: string[]) {
  for (const secret of secrets) expect(await leaksOf(session, secret, world.venice.url)).toEqual([])
  expect(session.pageErrors).toEqual([])
}

describe('keys without a wallet', () => {
  it('opens the dashboard of a pasted key without loading any wallet code or touching the chain', async () => {
    const secret = await seededKey(12.5)
    world.venice.control.clearRequests()
    const session = await openApp(world)
    const { page } = session
    await pasteKey(page, secret)

    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await expect(dashboardTitle(page).textContent()).resolves.toContain(`…${secret.slice(-6)}`)
    await expect(page.getByText('Permitted', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('paid (charged)').isVisible()).resolves.toBe(true)
    await expect(page.getByText('$12.50').isVisible()).resolves.toBe(true)
    await openKeySection(page, 'Rate limits')
    await expect(page.getByRole('row', { name: /zai-org-glm-5-1/ }).isVisible()).resolves.toBe(true)
    await page.waitForLoadState('networkidle')
    await session.settled()

    // Nor any chunk that only the wallet module or the mint page imports (viem, connectors, …), whatever its name.
    const walletOnly = walletOnlyChunks()
    expect(walletOnly.size).toBeGreaterThan(20)
    expect(session.requests.map((r) => fileOf(r.url)).filter((file) => walletOnly.has(file))).toEqual([])
    expect(requestsToPort(session, E2E_PORTS.chain)).toEqual([])
    // The one call the dashboard needs, with the key in the Authorization header.
    const calls = standinCalls(RATE_LIMITS)
    expect(calls).toHaveLength(1)
    expect(calls[0]!.headers.authorization).toBe(`Bearer ${secret}`)
    expect(page.url()).toMatch(/#\/keys\/[\w-]+\/limits$/)
    await expectClean(session, secret)
    await session.close()
  })

  it('refuses a malformed paste at the field without a request, and says so for a well-formed unknown key', async () => {
    world.venice.control.clearRequests()
    const session = await openApp(world)
    const { page } = session
    await pasteKey(page, 'sk-123')
    const field = page.getByLabel('Venice API key')
    await page.getByText(/That is not a Venice API key/).waitFor()
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true')
    // The message is tied to the field for screen readers.
    const describedBy = (await field.getAttribute('aria-describedby')) ?? ''
    const described = await Promise.all(describedBy.split(' ').map((id) => page.locator(`[id="${id}"]`).textContent()))
    expect(described.join(' ')).toContain('That is not a Venice API key')
    await page.waitForLoadState('networkidle')
    await session.settled()
    expect(world.venice.control.requests()).toEqual([])
    expect(requestsToPort(session, E2E_PORTS.venice)).toEqual([])
    expect(page.url()).not.toContain('#/keys/')

    const unknown = `VENICE_INFERENCE_KEY_${'unknown0'.repeat(4)}`
    await field.fill(unknown)
    await page.getByRole('button', { name: 'Open dashboard' }).click()
    await page.getByText('This key is invalid, expired or revoked').waitFor()
    // A 401 is never retried (Venice budgets failed requests).
    await page.waitForLoadState('networkidle')
    expect(standinCalls(RATE_LIMITS).map((c) => c.status)).toEqual([401])
    await expectClean(session, unknown)
    await session.close()
  })

  it('lists several keys, switches between their dashboards and forgets one', async () => {
    const first = await seededKey(1)
    const second = await seededKey(2)
    const session = await openApp(world)
    const { page } = session
    await pasteKey(page, first)
    await page.getByText('$1.00').waitFor()
    await page.getByRole('link', { name: 'Add another key' }).click()
    await pasteKey(page, second)
    await page.getByText('$2.00').waitFor()
    await expect(dashboardTitle(page).textContent()).resolves.toContain(`…${second.slice(-6)}`)

    const items = keyList(page).getByRole('listitem')
    await expect(items.count()).resolves.toBe(2)
    for (const secret of [first, second]) {
      const item = items.filter({ hasText: `…${secret.slice(-6)}` })
      await expect(item.textContent()).resolves.toMatch(/Pasted key\s*INFERENCE\s*ending in …/)
    }
    // The active key is marked as the current page.
    await expect(keyList(page).locator('a[aria-current="page"]').textContent()).resolves.toContain(second.slice(-6))

    await keyList(page)
      .getByRole('link', { name: new RegExp(first.slice(-6)) })
      .click()
    await page.getByText('$1.00').waitFor()
    await expect(dashboardTitle(page).textContent()).resolves.toContain(`…${first.slice(-6)}`)
    await expect(keyList(page).locator('a[aria-current="page"]').textContent()).resolves.toContain(first.slice(-6))

    await keyList(page)
      .getByRole('button', { name: `Forget Pasted key (…${second.slice(-6)})` })
      .click()
    await items.filter({ hasText: second.slice(-6) }).waitFor({ state: 'detached' })
    await expect(items.count()).resolves.toBe(1)
    await expect(dashboardTitle(page).textContent()).resolves.toContain(`…${first.slice(-6)}`)
    await expectClean(session, first, second)
    await session.close()
  })

  it('remembers keys on this device only encrypted, unlocks them with the passphrase, and forgets everything', async () => {
    const older = await seededKey(4)
    const secret = await seededKey(5)
    const passphrase = 'correct horse battery staple'
    const session = await openApp(world)
    const { page } = session
    await pasteKey(page, older)
    await page.getByText('$4.00').waitFor()
    await page.getByRole('link', { name: 'Add another key' }).click()
    await pasteKey(page, secret)
    await page.getByText('$5.00').waitFor()
    const keyUrl = page.url()
    const listed = () => keyList(page).getByRole('listitem').allTextContents()
    const before = await listed()
    expect(before).toHaveLength(2)

    await page.getByRole('button', { name: 'Remember my keys on this device…' }).click()
    await page.getByLabel('Passphrase', { exact: true }).fill(passphrase)
    await page.getByLabel('Passphrase again').fill(passphrase)
    await page.getByRole('button', { name: 'Remember on this device' }).click()
    await page.getByText('Your keys are remembered on this device, encrypted with your passphrase.').waitFor()

    const stored = await page.evaluate(() => ({
      local: Object.fromEntries(Object.entries(localStorage)),
      session: Object.fromEntries(Object.entries(sessionStorage)),
    }))
    const raw = stored.local[VAULT]
    expect(raw).toBeDefined()
    for (const text of [secret, older, passphrase]) expect(raw).not.toContain(text)
    expect(JSON.parse(raw)).toMatchObject({ version: 1, kdf: 'PBKDF2-SHA256' })
    expect((JSON.parse(raw) as { iterations: number }).iterations).toBeGreaterThanOrEqual(600_000)
    // Nowhere else in the page's storage either.
    expect(JSON.stringify(stored)).not.toContain(secret)
    expect(JSON.stringify(stored)).not.toContain(older)

    await page.reload()
    const unlock = page.getByRole('form', { name: 'Unlock remembered keys' })
    await unlock.waitFor()
    await unlock.getByLabel('Passphrase').fill('not the passphrase')
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await unlock.getByText(/Wrong passphrase/).waitFor()
    await expect(unlock.getByLabel('Passphrase').getAttribute('aria-invalid')).resolves.toBe('true')

    await unlock.getByLabel('Passphrase').fill(passphrase)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await unlock.waitFor({ state: 'detached' })
    // The page the user reloaded on: its key is back, and so is its dashboard, with the list in the same order.
    expect(page.url()).toBe(keyUrl)
    await page.getByText('$5.00').waitFor()
    await expect(dashboardTitle(page).textContent()).resolves.toContain(`…${secret.slice(-6)}`)
    await expect(listed()).resolves.toEqual(before)

    const dialogs: string[] = []
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`)
      void dialog.accept()
    })
    await page.getByRole('button', { name: 'Forget everything' }).click()
    await page.getByText('This key is not in this session').waitFor()
    expect(dialogs).toEqual(['confirm: Forget every key, here and on this device?'])
    await expect(page.evaluate((name) => localStorage.getItem(name), VAULT)).resolves.toBeNull()
    await expect(page.evaluate(() => indexedDB.databases())).resolves.toEqual([])
    await page.getByRole('link', { name: 'Add a key' }).click()
    await page.getByLabel('Venice API key').waitFor()
    await expect(keyList(page).count()).resolves.toBe(0)
    await expectClean(session, secret, older)
    await session.close()
  })
})

describe('a minted key across a reload', () => {
  it('asks before a reload loses an unsaved secret, reconnects the wallet by itself, and keeps no key it was not asked to', async () => {
    const holder = await newHolder(world)
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await readyToMint(page)
    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    const secret = await revealSecret(page)
    const keyUrl = page.url()

    // Unsaved: the reload is held by a beforeunload prompt, and dismissing it keeps the page.
    const dialogs: string[] = []
    page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.type())
      void dialog.dismiss()
    })
    const origin = await page.evaluate(() => performance.timeOrigin)
    await Promise.all([page.waitForEvent('dialog'), page.evaluate(() => location.reload())])
    expect(dialogs).toEqual(['beforeunload'])
    // Still the same document: the reload did not happen.
    await expect(page.evaluate(() => performance.timeOrigin)).resolves.toBe(origin)
    await expect(page.getByTestId('secret-value').textContent()).resolves.toBe(secret)

    await page.getByRole('button', { name: 'I have saved it' }).click()
    await page.getByText('Marked as saved.').waitFor()
    const walletCallsBefore = session.wallet!.requests().length
    await page.reload()
    // No prompt this time, and the wallet comes back without a click on Connect.
    await page.getByRole('banner').getByRole('button', { name: /0x/ }).waitFor()
    expect(dialogs).toEqual(['beforeunload'])
    const afterReload = session
      .wallet!.requests()
      .slice(walletCallsBefore)
      .map((r) => r.method)
    expect(afterReload).not.toContain('eth_requestAccounts')
    expect(afterReload).not.toContain('wallet_requestPermissions')

    // The key was not opted in: gone with the reload.
    expect(page.url()).toBe(keyUrl)
    await page.getByText('This key is not in this session').waitFor()
    await page.getByRole('link', { name: 'Add a key' }).click()
    await page.getByLabel('Venice API key').waitFor()
    await expect(keyList(page).count()).resolves.toBe(0)
    await expect(page.evaluate((name) => localStorage.getItem(name), VAULT)).resolves.toBeNull()
    await expect(page.evaluate(() => JSON.stringify(Object.entries(localStorage)))).resolves.not.toContain(secret)
    await expectClean(session, secret)
    await session.close()
  })
})
