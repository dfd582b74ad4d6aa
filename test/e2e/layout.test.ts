/**
 * Every screen on a 390 px phone, light and dark: nothing reaches past the window (no sideways
 * scrolling of the page), and axe finds no serious or critical problem. The same screens at
 * 1280 px for axe. Keys come from the Venice stand-in with usage and breaches, so the tables are full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { seedShowcase } from '../support/sandboxShowcase'
import { newHolder, openApp, startE2EWorld, type E2EWorld } from './fixture'
import {
  animationsDone,
  axeViolations,
  confirmSignature,
  connectTestWallet,
  formatAxe,
  mintButton,
  openAdminTab,
  openKeySection,
  overflowingElements,
  pasteKey,
  signatureReview,
  startMinting,
} from './ui'

let world: E2EWorld
let seeded: { admin: string; inference: string }
beforeAll(async () => {
  world = await startE2EWorld()
  const holder = await newHolder(world)
  world.venice.control.setBalances(holder.address, { usd: 25, diem: 12.5, diemEpochAllocation: 20 })
  seeded = seedShowcase(world, holder.address)
})
afterAll(() => world?.stop())

const VARIANTS = [
  { width: 390, height: 844, colorScheme: 'light' },
  { width: 390, height: 844, colorScheme: 'dark' },
  { width: 1280, height: 900, colorScheme: 'light' },
  { width: 1280, height: 900, colorScheme: 'dark' },
] as const

describe('layout and accessibility on every screen', () => {
  it.each(VARIANTS)('$width px, $colorScheme', async ({ width, height, colorScheme }) => {
    const holder = await newHolder(world)
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await page.setViewportSize({ width, height })
    await page.emulateMedia({ colorScheme })
    const problems: string[] = []
    const check = async (screen: string) => {
      await page.waitForLoadState('networkidle')
      await animationsDone(page)
      if (width < 400) {
        const wide = await overflowingElements(page)
        if (wide.length) problems.push(`[${screen}] wider than ${width} px: ${wide.join('; ')}`)
      }
      const findings = await axeViolations(page)
      if (findings.length) problems.push(formatAxe(screen, findings))
    }
    const goto = (hash: string) => page.goto(`${world.app.url}${hash}`)

    await page.getByRole('heading', { level: 1 }).waitFor()
    await check('home')

    await page.getByRole('banner').getByRole('button', { name: 'Connect wallet', exact: true }).click()
    await page.getByRole('dialog').getByText('Test Wallet').waitFor()
    await check('connect modal')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await connectTestWallet(page)
    await page.getByRole('banner').getByTestId('rk-account-button').click()
    await page.getByRole('dialog').getByRole('button', { name: 'Disconnect' }).waitFor()
    await check('account modal')
    await page.keyboard.press('Escape')
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await startMinting(page)
    await page.getByText(/staked VVV \(sVVV\) on Base/).waitFor()
    await check('mint, eligible')
    await page.getByLabel('USD limit').fill('1,5')
    await page.getByLabel('Description').fill('')
    await mintButton(page).click()
    await page.locator('.error-summary').waitFor()
    await check('mint, errors')
    await page.getByLabel('USD limit').fill('')
    await page.getByLabel('Description').fill('Layout check')
    await mintButton(page).click()
    await signatureReview(page).waitFor()
    await check('mint, what will be signed')
    await confirmSignature(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    await check('reveal')
    await page.getByRole('button', { name: 'I have saved it' }).click()
    await page.getByRole('button', { name: 'Done' }).click()
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await check('overview')
    await openKeySection(page, 'Rate limits')
    await page.getByRole('heading', { name: 'Rate limits per model' }).waitFor()
    await check('rate limits')

    await goto('#/')
    await pasteKey(page, seeded.admin)
    await openKeySection(page, 'ADMIN console')
    await page.getByRole('table', { name: 'Active keys of this account' }).waitFor()
    await check('console: keys')
    await page.getByRole('button', { name: /^Manage Nightly batch/ }).click()
    await page
      .getByRole('region', { name: /Nightly batch/ })
      .first()
      .waitFor()
    await check('console: a key')
    for (const [tab, ready] of [
      ['Create a key', (p: Page) => p.getByLabel('Description').waitFor()],
      ['Rate-limit breaches', (p: Page) => p.getByRole('table', { name: /breaches/ }).waitFor()],
      ['Account balance', (p: Page) => p.getByText(/DIEM/).first().waitFor()],
      ['Usage', (p: Page) => p.locator('.usage-chart canvas').first().waitFor()],
    ] as const) {
      await openAdminTab(page, tab)
      await ready(page)
      await check(`console: ${tab}`)
    }

    await goto('#/keys')
    await page.getByRole('heading', { name: 'Your keys', exact: true }).waitFor()
    await check('keys')
    await goto('#/nowhere')
    await page.getByText('There is nothing at this address').waitFor()
    await check('not found')

    expect(problems.join('\n')).toBe('')
    expect(session.pageErrors).toEqual([])
    await session.close()
  })
})
