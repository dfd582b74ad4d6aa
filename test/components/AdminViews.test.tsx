import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import type { Address } from 'viem'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '../../src/config'
import AdminConsole from '../../src/features/admin/AdminConsole'
import { keyring } from '../../src/session/store'
import { inProcessVenice } from '../helpers/inProcessVenice'
import { secretOf } from '../helpers/venice'
import { stubVeniceFetch } from '../helpers/fetchStub'

// happy-dom has no 2D canvas for uPlot: the chart itself is checked in a real browser (e2e).
vi.mock('../../src/features/admin/UsageChart', () => ({
  default: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
}))

const fetchMock = stubVeniceFetch()
afterEach(() => {
  vi.restoreAllMocks()
})

const WALLET: Address = '0x2222222222222222222222222222222222222222'
const DAY_MS = 86_400_000
let venice: ReturnType<typeof inProcessVenice>
let admin: { id: string; apiKey: string }
let bot: { id: string; apiKey: string }
let botName: string
/** Yesterday and today (UTC) on the stand-in's clock, as YYYY-MM-DD. */
let days: [string, string]

/** An account with an ADMIN key, a capped "Build bot" key, two breaches, a balance and two days of usage. */
beforeEach(() => {
  venice = inProcessVenice(config.veniceApiUrl)
  fetchMock.mockImplementation(venice.fetch)
  const { control } = venice
  const now = control.clock.now()
  admin = control.seedKey(WALLET, { description: 'Admin' })
  bot = control.seedKey(WALLET, {
    apiKeyType: 'INFERENCE',
    description: 'Build bot',
    expiresAt: new Date(now + 30 * DAY_MS),
    consumptionLimits: { usd: 10, diem: 3 },
    limitPeriod: 'MONTH',
    modelPrivacy: 'PRIVATE_ONLY',
  })
  botName = `Build bot (…${bot.apiKey.slice(-6)})`
  control.recordBreach(WALLET, {
    apiKeyId: 'gone-key-id-123',
    modelId: 'model:unknown',
    rateLimitType: 'RPM',
    at: new Date(now - DAY_MS),
  })
  control.recordBreach(WALLET, {
    apiKeyId: bot.id,
    modelId: 'endpoint:api/v1/chat/completions',
    rateLimitType: 'FAILED_REQUESTS',
  })
  control.setBalances(WALLET, { diem: 0, usd: 12.5, bundledCredits: null, earnedCredits: 4, diemEpochAllocation: 100 })
  const yesterday = new Date(now - DAY_MS)
  control.recordUsage(WALLET, { apiKeyId: bot.id, model: 'qwen3-4b', usd: 0.5, units: 1000, at: yesterday })
  control.recordUsage(WALLET, { apiKeyId: bot.id, model: 'qwen3-235b', usd: 1, units: 2000, at: yesterday })
  control.recordUsage(WALLET, { apiKeyId: bot.id, model: 'qwen3-235b', diem: 3.25, units: 3000, at: new Date(now) })
  days = [yesterday.toISOString().slice(0, 10), new Date(now).toISOString().slice(0, 10)]
})

/** The API paths (with the query) the console asked for, in order. */
const paths = () => venice.control.requests().map((r) => r.path.slice(new URL(config.veniceApiUrl).pathname.length))

function renderConsole() {
  const entry = keyring.add({
    secret: secretOf(admin.apiKey),
    description: 'Admin',
    origin: 'pasted',
    unsaved: false,
  })
  return render(<AdminConsole entry={entry} />)
}

/** axe on what is rendered; contrast needs real layout, so a browser checks that (e2e). */
async function expectNoAxeViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } })
  expect(
    results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
  ).toEqual([])
}

describe('ADMIN console views', () => {
  it('tabs work by keyboard and each view asks Venice only when opened', async () => {
    const user = userEvent.setup()
    const { container } = renderConsole()
    await screen.findByRole('row', { name: /Build bot/ })
    expect(paths()).toEqual(['/api_keys'])
    await expectNoAxeViolations(container)

    const keysTab = screen.getByRole('tab', { name: 'Keys' })
    expect(keysTab.getAttribute('aria-selected')).toBe('true')
    keysTab.focus()
    await user.keyboard('{ArrowRight}')
    expect(screen.getByRole('tab', { name: 'Create a key' }).getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Create a key' }))
    await user.keyboard('{End}')
    expect(screen.getByRole('tab', { name: 'Usage' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tabpanel', { name: 'Usage' })).toBeTruthy()
  })

  it('the key detail (edit and revoke) and the create form pass axe', async () => {
    const user = userEvent.setup()
    const { container } = renderConsole()
    await user.click(await screen.findByRole('button', { name: `Manage ${botName}` }))
    await screen.findByRole('button', { name: 'Save changes' })
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: botName }))
    await user.click(screen.getByRole('button', { name: `Revoke ${botName}…` }))
    await expectNoAxeViolations(container)

    await user.click(screen.getByRole('tab', { name: 'Create a key' }))
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(screen.getByText('Give the key a description.')).toBeTruthy()
    await expectNoAxeViolations(container)
  })

  it('the breach log explains each type, names listed keys, and reads endpoints and unknown models', async () => {
    const user = userEvent.setup()
    const { container } = renderConsole()
    await screen.findByRole('row', { name: /Build bot/ })
    await user.click(screen.getByRole('tab', { name: 'Rate-limit breaches' }))

    const rows = (await screen.findAllByRole('row')).slice(1)
    expect(rows).toHaveLength(2)
    // Newest first.
    expect(rows[0]?.textContent).toContain(botName)
    expect(rows[0]?.textContent).toContain('Endpoint /api/v1/chat/completions')
    expect(rows[0]?.textContent).toContain('more than 50 client errors (4xx other than 429) in 30 seconds')
    expect(rows[1]?.textContent).toContain('Unknown model')
    expect(rows[1]?.textContent).toContain('A key no longer listed')
    expect(rows[1]?.textContent).toContain('Too many requests in a minute')
    expect(paths().filter((path) => path === '/api_keys')).toHaveLength(1)
    await expectNoAxeViolations(container)
  })

  it('the balance says what is spent first, lists the order, and shows DIEM left of the allocation', async () => {
    const user = userEvent.setup()
    const { container } = renderConsole()
    await user.click(await screen.findByRole('tab', { name: 'Account balance' }))

    const order = await screen.findByRole('list')
    expect(
      within(order)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['DIEM 0 DIEM', 'Earned credits $4.00 spent first', 'Bundled credits unknown', 'USD $12.50'])
    expect(screen.getByText('Spent first', { selector: 'dt' }).nextElementSibling?.textContent).toBe('Earned credits')
    expect(screen.getByRole('progressbar', { name: 'DIEM left: 0 DIEM of 100 DIEM this epoch' })).toBeTruthy()
    expect(screen.getByText(/ignores per-key limits/)).toBeTruthy()
    await expectNoAxeViolations(container)
  })

  it('usage offers 7/30/90 days, says it is cached, and has tables for the chart, models and keys', async () => {
    const user = userEvent.setup()
    renderConsole()
    await user.click(await screen.findByRole('tab', { name: 'Usage' }))

    expect(await screen.findByText('Top models')).toBeTruthy()
    expect(await screen.findByRole('img', { name: /last 30 days: \$1\.50 and 3\.25 DIEM in total/ })).toBeTruthy()
    expect(screen.getByText(/caches these figures for 10 minutes/)).toBeTruthy()
    expect(paths()).toContain('/billing/usage-analytics?lookback=30d')
    const daily = within(screen.getByRole('table', { name: 'Spend per day (UTC)' })).getAllByRole('row')
    expect(daily).toHaveLength(31)
    expect(daily[0]?.textContent).toBe('Day (UTC)USDDIEM')
    expect(daily.map((row) => row.textContent)).toEqual(expect.arrayContaining([`${days[0]}$1.500`, `${days[1]}$0.003.25`]))
    const models = within(screen.getByRole('region', { name: 'Top models' }))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent)
    expect(models).toEqual(['qwen3-235b', 'qwen3-4b'])

    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }))
    expect(paths()).toContain('/billing/usage-analytics?lookback=7d')
    expect(await screen.findByRole('img', { name: /last 7 days/ })).toBeTruthy()
    await expectNoAxeViolations(document.body)
  })
})
