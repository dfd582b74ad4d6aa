/**
 * The ADMIN console's account views against the Venice stand-in: the rate-limit breach log (with
 * real FAILED_REQUESTS breaches), the account balance and usage analytics. Each scenario checks
 * what the user sees and what went over the wire (the stand-in's log, preflights left out).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Address } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { callApi } from '../support/apiClient'
import { leaksOf, loadedAssets, openApp, startE2EWorld, veniceRequests, type AppSession, type E2EWorld } from './fixture'
import { axeViolations, formatAxe, openAdminConsole, openAdminTab, pageDate, rowCells, statValue } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const sessions: AppSession[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

const DAY_MS = 86_400_000
const daysAgo = (days: number) => new Date(world.venice.control.clock.now() - days * DAY_MS)
const newWallet = (): Address => privateKeyToAccount(generatePrivateKey()).address
const last6 = (secret: string) => secret.slice(-6)
/** As the page's formatUsd (ui/format.ts). */
const usd = (value: number) => value.toLocaleString('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 4 })
const adminCalls = (secret: string) => veniceRequests(world, { secret }).filter((c) => c.path !== '/api_keys/rate_limits')
const isChartAsset = (file: string) => /^UsageChart-|uplot/i.test(file)

async function open(): Promise<AppSession> {
  const session = await openApp(world)
  sessions.push(session)
  return session
}

async function expectClean(session: AppSession, secret: string) {
  expect(await leaksOf(session, secret, world.venice.url)).toEqual([])
  expect(session.pageErrors).toEqual([])
}

/** More than 50 client errors in 30 s from one key: the 51st locks it out and is logged as a FAILED_REQUESTS breach. */
async function failRepeatedly(secret: string, path: string): Promise<number[]> {
  const statuses: number[] = []
  for (let i = 0; i < 52; i++) statuses.push((await callApi(world.venice.url, path, { key: secret })).status)
  return statuses
}

describe('ADMIN console: account', () => {
  it('shows real FAILED_REQUESTS breaches, newest first, in words', async () => {
    const wallet = newWallet()
    const control = world.venice.control
    const admin = control.seedKey(wallet, { description: 'audit admin' })
    const noisy = control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'noisy worker' })
    // An INFERENCE key on an ADMIN route: 401 every time (a 4xx that counts), then 429 once locked out.
    const statuses = await failRepeatedly(noisy.apiKey, '/api_keys')
    expect(statuses).toEqual([...Array(51).fill(401), 429])
    control.clearRequests()

    const session = await open()
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Rate-limit breaches')
    const table = page.getByRole('table', { name: 'Rate-limit breaches, newest first' })
    await table.waitFor()
    const rows = table.locator('tbody tr')
    await expect(rows.count()).resolves.toBe(1)
    const limitWords =
      'FAILED_REQUESTS: Too many failing requests: more than 50 client errors (4xx other than 429) in 30 seconds, so the key was locked out for 30 seconds'
    const [first] = (
      (await callApi(world.venice.url, '/api_keys/rate_limits/log', { key: admin.apiKey })).body as {
        data: { timestamp: string }[]
      }
    ).data
    await expect(rowCells(rows.nth(0))).resolves.toEqual([
      await pageDate(page, first!.timestamp),
      `noisy worker (…${last6(noisy.apiKey)})`,
      'Endpoint /api/v1/api_keys endpoint:api/v1/api_keys',
      limitWords,
      'paid',
    ])

    // Half a minute later the lockout is over: another burst, on another route, is a newer breach.
    control.clock.advance(31_000)
    expect(await failRepeatedly(noisy.apiKey, '/api_keys/not-a-uuid')).toEqual([...Array(51).fill(401), 429])
    await page.getByRole('tabpanel', { name: 'Rate-limit breaches' }).getByRole('button', { name: 'Refresh' }).click()
    await expect.poll(() => rows.count()).toBe(2)
    const cells = await Promise.all([rowCells(rows.nth(0)), rowCells(rows.nth(1))])
    expect(cells.map((row) => row[2])).toEqual([
      'Endpoint /api/v1/api_keys/not-a-uuid endpoint:api/v1/api_keys/not-a-uuid',
      'Endpoint /api/v1/api_keys endpoint:api/v1/api_keys',
    ])
    expect(cells.map((row) => row[3])).toEqual([limitWords, limitWords])
    const times = await rows.locator('time').evaluateAll((els) => els.map((el) => el.getAttribute('datetime') ?? ''))
    expect(Date.parse(times[0]!)).toBeGreaterThan(Date.parse(times[1]!))

    // The page read the key list once (the log names keys from it) and the log twice; the bursts used the INFERENCE key.
    const calls = adminCalls(admin.apiKey)
    expect(calls.map(({ method, path, query, body }) => ({ method, path, query, body }))).toEqual([
      { method: 'GET', path: '/api_keys', query: '', body: undefined },
      { method: 'GET', path: '/api_keys/rate_limits/log', query: '', body: undefined },
      { method: 'GET', path: '/api_keys/rate_limits/log', query: '', body: undefined }, // this test's own read, for the timestamp
      { method: 'GET', path: '/api_keys/rate_limits/log', query: '', body: undefined },
    ])
    await expectClean(session, admin.apiKey)
  })

  it('shows the account balance: what is spent first, each balance and the DIEM allocation', async () => {
    const wallet = newWallet()
    const control = world.venice.control
    const admin = control.seedKey(wallet, { description: 'billing admin' })
    control.setBalances(wallet, { diem: 4.5, usd: 20.5, bundledCredits: 5, earnedCredits: 3.25, diemEpochAllocation: 10 })
    control.clearRequests()
    const session = await open()
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Account balance')
    const panel = page.getByRole('region', { name: 'Account balance' })
    await statValue(panel, 'Spent first').waitFor()

    await expect(panel.getByText('This is the whole account and ignores per-key limits').isVisible()).resolves.toBe(true)
    await expect(statValue(panel, 'Spent first').textContent()).resolves.toBe('DIEM')
    await expect(statValue(panel, 'Account can spend').textContent()).resolves.toBe('Yes')
    const bar = panel.getByRole('progressbar', { name: 'DIEM left: 4.5 DIEM of 10 DIEM this epoch' })
    await expect(bar.getAttribute('value')).resolves.toBe('4.5')
    await expect(bar.getAttribute('max')).resolves.toBe('10')
    await expect(statValue(panel, 'DIEM left of this epoch’s allocation').textContent()).resolves.toBe('4.5 DIEM of 10 DIEM')
    const order = panel.locator('ol.spend-order > li')
    await expect(order.allTextContents()).resolves.toEqual([
      'DIEM 4.5 DIEM spent first',
      'Earned credits $3.25',
      'Bundled credits $5.00',
      'USD $20.50',
    ])
    await expect(panel.locator('li[aria-current="true"]').textContent()).resolves.toContain('DIEM')

    // DIEM used up: earned credits are spent next.
    control.setBalances(wallet, { diem: 0 })
    await panel.getByRole('button', { name: 'Refresh' }).click()
    await statValue(panel, 'Spent first').filter({ hasText: 'Earned credits' }).waitFor()
    await expect(panel.locator('li[aria-current="true"]').textContent()).resolves.toBe('Earned credits $3.25 spent first')
    await expect(
      panel.getByRole('progressbar', { name: 'DIEM left: 0 DIEM of 10 DIEM this epoch' }).getAttribute('value'),
    ).resolves.toBe('0')

    expect(adminCalls(admin.apiKey).filter((c) => c.path.startsWith('/billing'))).toEqual([
      { method: 'GET', path: '/billing/balance', query: '', body: undefined, status: 200 },
      { method: 'GET', path: '/billing/balance', query: '', body: undefined, status: 200 },
    ])
    await expectClean(session, admin.apiKey)
  })

  it('loads usage with its chart only when opened, switches 7/30/90 days, and never calls /billing/usage', async () => {
    const wallet = newWallet()
    const control = world.venice.control
    const admin = control.seedKey(wallet, { description: 'usage admin', createdAt: daysAgo(100) })
    control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'web app', createdAt: daysAgo(100) })
    control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'nightly batch', createdAt: daysAgo(100) })
    control.simulateUsage(wallet, { days: 30 })
    control.clearRequests()

    const session = await open()
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await page.waitForLoadState('networkidle')
    await session.settled()
    expect(loadedAssets(session, world).filter(isChartAsset)).toEqual([])

    await openAdminTab(page, 'Usage')
    await page.locator('.usage-chart canvas').first().waitFor()
    await session.settled()
    expect(
      loadedAssets(session, world)
        .filter(isChartAsset)
        .map((file) => file.replace(/-[\w-]+\./, '-*.'))
        .sort(),
    ).toEqual(['UsageChart-*.css', 'UsageChart-*.js'])
    await expect(page.getByText('Venice caches these figures for 10 minutes').isVisible()).resolves.toBe(true)
    await expect(page.getByRole('radio', { name: 'Last 30 days' }).isChecked()).resolves.toBe(true)

    // What the stand-in computes for 30 days (the same, cached answer the page got).
    type Usage = {
      byDate: { USD: number; DIEM: number }[]
      byModel: { modelName: string; totalUsd: number; totalDiem: number }[]
      byKey: { description: string; totalUsd: number; totalDiem: number }[]
    }
    const bySpend = <T extends { totalUsd: number; totalDiem: number }>(rows: T[]) =>
      [...rows].sort((a, b) => b.totalUsd - a.totalUsd || b.totalDiem - a.totalDiem)
    const appCallsBefore = adminCalls(admin.apiKey)
    const expected = (await callApi<Usage>(world.venice.url, '/billing/usage-analytics?lookback=30d', { key: admin.apiKey })).body
    const total = (field: 'USD' | 'DIEM') => expected.byDate.reduce((sum, row) => sum + row[field], 0)
    const summary = `Spend per day over the last 30 days: ${usd(total('USD'))} and ${total('DIEM').toLocaleString('en-US', { maximumFractionDigits: 4 })} DIEM in total.`
    await expect(page.getByRole('img', { name: summary }).isVisible()).resolves.toBe(true)
    await expect(page.locator('.admin-daily tbody tr').count()).resolves.toBe(30)

    const models = page.getByRole('region', { name: 'Top models' }).locator('tbody tr')
    const topModels = bySpend(expected.byModel).slice(0, 10)
    expect(topModels.length).toBeGreaterThan(2)
    await expect(models.locator('th').allTextContents()).resolves.toEqual(topModels.map((m) => m.modelName))
    await expect(rowCells(models.first()).then((cells) => cells[3])).resolves.toBe(usd(topModels[0]!.totalUsd))
    const keys = page.getByRole('region', { name: 'Top keys' }).locator('tbody tr')
    await expect(keys.locator('th').allTextContents()).resolves.toEqual(bySpend(expected.byKey).map((k) => k.description))
    expect(
      bySpend(expected.byKey)
        .map((k) => k.description)
        .sort(),
    ).toEqual(['nightly batch', 'usage admin', 'web app'])

    const findings = await axeViolations(page)
    expect(findings, formatAxe('usage tab', findings)).toEqual([])

    // 7, 90, then 30 again (still cached in the page: no request).
    await page.getByRole('radio', { name: 'Last 7 days' }).check()
    await page.getByRole('img', { name: /^Spend per day over the last 7 days:/ }).waitFor()
    await expect(page.locator('.admin-daily tbody tr').count()).resolves.toBe(7)
    await page.getByRole('radio', { name: 'Last 90 days' }).check()
    await page.getByRole('img', { name: /^Spend per day over the last 90 days:/ }).waitFor()
    await expect(page.locator('.admin-daily tbody tr').count()).resolves.toBe(90)
    await page.getByRole('radio', { name: 'Last 30 days' }).check()
    await page.getByRole('img', { name: summary }).waitFor()
    await session.settled()

    const analytics = adminCalls(admin.apiKey)
      .filter((c) => c.path === '/billing/usage-analytics')
      .map(({ method, query, body, status }) => ({ method, query, body, status }))
    expect(analytics).toEqual([
      { method: 'GET', query: 'lookback=30d', body: undefined, status: 200 },
      { method: 'GET', query: 'lookback=30d', body: undefined, status: 200 }, // this test's own read, above
      { method: 'GET', query: 'lookback=7d', body: undefined, status: 200 },
      { method: 'GET', query: 'lookback=90d', body: undefined, status: 200 },
    ])
    expect(appCallsBefore.filter((c) => c.path === '/billing/usage-analytics')).toHaveLength(1)
    expect(veniceRequests(world).filter((c) => c.path === '/billing/usage')).toEqual([])
    await expectClean(session, admin.apiKey)
  })
})
