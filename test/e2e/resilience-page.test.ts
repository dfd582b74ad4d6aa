/**
 * What the page itself must keep under pressure (docs/resilience.md): a shared origin is said and
 * never stored on, two pages on one vault lose no key.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { newHolder, openApp, startE2EWorld, type AppSession, type E2EWorld } from './fixture'
import { pasteKey } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())
const sessions: AppSession[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

const VAULT = 'svvv-key-minter.vault'
const PASSPHRASE = 'correct horse battery staple'

async function seededKey(description: string): Promise<string> {
  const holder = await newHolder(world)
  world.venice.control.setBalances(holder.address, { usd: 3 })
  return world.venice.control.seedKey(holder.address, { apiKeyType: 'INFERENCE', description }).apiKey
}

async function open(options: Parameters<typeof openApp>[1] = {}): Promise<AppSession> {
  const session = await openApp(world, options)
  sessions.push(session)
  return session
}

const listedKeys = async (page: Page) =>
  (await page.getByRole('region', { name: 'Your keys in this session' }).locator('code').allTextContents()).sort()
const ending = (secret: string) => `…${secret.slice(-6)}`

async function addKey(page: Page, secret: string): Promise<void> {
  // In the page, not a reload: a reload would empty its memory.
  await page.evaluate(() => (window.location.hash = '#/'))
  await pasteKey(page, secret)
  await page
    .locator('.key-title h1')
    .filter({ hasText: ending(secret) })
    .waitFor()
}

describe('served from an IPFS path gateway', () => {
  it('says the origin is shared, points to a subdomain gateway, and stores nothing on this device', async () => {
    const secret = await seededKey('on a path gateway')
    const { page } = await open({ subPath: true })
    const banner = page.getByRole('note', { name: 'Shared address' })
    await banner.waitFor()
    const cid = new URL(world.app.subPathUrl).pathname.split('/')[2]!
    await expect(banner.getByRole('link').getAttribute('href')).resolves.toBe(`https://${cid}.ipfs.dweb.link/`)

    await pasteKey(page, secret)
    await page
      .locator('.key-title h1')
      .filter({ hasText: ending(secret) })
      .waitFor()
    await page.getByText('Remembering keys on this device is off at this address').waitFor()
    await expect(page.getByRole('button', { name: /Remember my keys/ }).count()).resolves.toBe(0)
    await expect(banner.isVisible()).resolves.toBe(true)
    await expect(page.evaluate(() => Object.keys(localStorage))).resolves.toEqual([])
  })

  it('shows no such banner on an origin of its own', async () => {
    const { page } = await open()
    await page.getByRole('heading', { name: /Your Venice API key/ }).waitFor()
    await expect(page.getByRole('note', { name: 'Shared address' }).count()).resolves.toBe(0)
  })
})

describe('two pages on one vault', () => {
  it('keeps the keys both pages add, and each page lists the other’s', async () => {
    const [first, second, third] = await Promise.all([seededKey('first'), seededKey('second'), seededKey('third')])
    const a = await open()
    await pasteKey(a.page, first)
    await a.page.getByRole('button', { name: 'Remember my keys on this device…' }).click()
    await a.page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE)
    await a.page.getByLabel('Passphrase again').fill(PASSPHRASE)
    await a.page.getByRole('button', { name: 'Remember on this device' }).click()
    await a.page.getByText('Your keys are remembered on this device, encrypted with your passphrase.').waitFor()

    // A second page of the same browser profile, on the same vault.
    const b = await a.context.newPage()
    await b.goto(world.app.url)
    const unlock = b.getByRole('form', { name: 'Unlock remembered keys' })
    await unlock.getByLabel('Passphrase').fill(PASSPHRASE)
    await unlock.getByRole('button', { name: 'Unlock' }).click()
    await unlock.waitFor({ state: 'detached' })

    // Both add a key at about the same time.
    await Promise.all([addKey(a.page, second), addKey(b, third)])
    const all = [first, second, third].map(ending).sort()
    for (const page of [a.page, b]) {
      await page.waitForFunction((n) => document.querySelectorAll('.key-list li').length === n, all.length)
      await expect(listedKeys(page)).resolves.toEqual(all)
    }

    // What a reload finds: all three, still only as ciphertext.
    const stored = await b.evaluate((name) => localStorage.getItem(name) ?? '', VAULT)
    for (const secret of [first, second, third]) expect(stored).not.toContain(secret)
    const c = await a.context.newPage()
    await c.goto(world.app.url)
    const again = c.getByRole('form', { name: 'Unlock remembered keys' })
    await again.getByLabel('Passphrase').fill(PASSPHRASE)
    await again.getByRole('button', { name: 'Unlock' }).click()
    await again.waitFor({ state: 'detached' })
    await expect(listedKeys(c)).resolves.toEqual(all)
    expect(a.pageErrors).toEqual([])
  })
})
