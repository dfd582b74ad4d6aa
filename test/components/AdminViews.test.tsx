import { render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import axe from 'axe-core'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { config } from '../../src/config'
import AdminConsole from '../../src/features/admin/AdminConsole'
import { keyring } from '../../src/session/store'
import { ADMIN_SECRET_TEXT, jsonResponse, secretOf, urlOf } from '../helpers/venice'
import { stubVeniceFetch } from '../helpers/fetchStub'

// happy-dom has no 2D canvas for uPlot: the chart itself is checked in a real browser (e2e).
vi.mock('../../src/features/admin/UsageChart', () => ({
  default: ({ summary }: { summary: string }) => <div role="img" aria-label={summary} />,
}))

const fetchMock = stubVeniceFetch()
afterEach(() => {
  vi.restoreAllMocks()
})

const KEY_ID = '22222222-2222-4222-8222-222222222222'
const KEYS = {
  object: 'list',
  data: [
    {
      id: KEY_ID,
      apiKeyType: 'INFERENCE',
      description: 'Build bot',
      createdAt: '2026-04-01T10:00:00.000Z',
      expiresAt: '2026-12-01T00:00:00.000Z',
      lastUsedAt: '2026-04-20T08:00:00.000Z',
      last6Chars: 'b0tb0t',
      consumptionLimits: { usd: 10, diem: 3, vcu: 3 },
      limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_ONLY',
      usage: { trailingSevenDays: { usd: '1.0000', vcu: '0.0000', diem: '0.0000' } },
      currentPeriodUsage: { usd: '2.5000', diem: '3.0000' },
    },
  ],
}
const LOG = {
  object: 'list',
  data: [
    {
      apiKeyId: 'gone-key-id-123',
      modelId: 'model:unknown',
      rateLimitType: 'RPM',
      rateLimitTier: 'paid',
      timestamp: '2026-04-19T10:00:00.000Z',
    },
    {
      apiKeyId: KEY_ID,
      modelId: 'endpoint:api/v1/chat/completions',
      rateLimitType: 'FAILED_REQUESTS',
      rateLimitTier: 'paid',
      timestamp: '2026-04-20T10:00:00.000Z',
    },
  ],
}
const BALANCE = {
  canConsume: true,
  consumptionCurrency: 'EARNED_CREDITS',
  balances: { diem: 0, usd: 12.5, bundledCredits: null, earnedCredits: 4 },
  diemEpochAllocation: 100,
}
const USAGE = {
  byDate: [
    { date: '2026-04-19', USD: 1.5, DIEM: 0 },
    { date: '2026-04-20', USD: 0, DIEM: 3.25 },
  ],
  byModel: [
    { modelName: 'small-model', unitType: 'TOKENS', modelType: 'text', totalUsd: 0.5, totalDiem: 0, totalUnits: 1000 },
    { modelName: 'big-model', unitType: 'TOKENS', modelType: 'text', totalUsd: 1, totalDiem: 3.25, totalUnits: 5000 },
  ],
  byKey: [{ apiKeyId: KEY_ID, description: 'Build bot', totalUsd: 1.5, totalDiem: 3.25, totalUnits: 6000 }],
}

function answer() {
  fetchMock.mockImplementation(async (input) => {
    const path = urlOf(input).slice(config.veniceApiUrl.length)
    if (path === '/api_keys') return jsonResponse(200, KEYS)
    if (path === `/api_keys/${KEY_ID}`) return jsonResponse(200, { data: KEYS.data[0] })
    if (path === '/api_keys/rate_limits/log') return jsonResponse(200, LOG)
    if (path === '/billing/balance') return jsonResponse(200, BALANCE)
    if (path.startsWith('/billing/usage-analytics?')) return jsonResponse(200, USAGE)
    throw new Error(`unexpected ${path}`)
  })
}

const paths = () => fetchMock.mock.calls.map(([input]) => urlOf(input).slice(config.veniceApiUrl.length))

function renderConsole() {
  const entry = keyring.add({
    secret: secretOf(ADMIN_SECRET_TEXT),
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
    answer()
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
    answer()
    const { container } = renderConsole()
    await user.click(await screen.findByRole('button', { name: 'Manage Build bot (…b0tb0t)' }))
    await screen.findByRole('button', { name: 'Save changes' })
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Build bot (…b0tb0t)' }))
    await user.click(screen.getByRole('button', { name: 'Revoke Build bot (…b0tb0t)…' }))
    await expectNoAxeViolations(container)

    await user.click(screen.getByRole('tab', { name: 'Create a key' }))
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(screen.getByText('Give the key a description.')).toBeTruthy()
    await expectNoAxeViolations(container)
  })

  it('the breach log explains each type, names listed keys, and reads endpoints and unknown models', async () => {
    const user = userEvent.setup()
    answer()
    const { container } = renderConsole()
    await screen.findByRole('row', { name: /Build bot/ })
    await user.click(screen.getByRole('tab', { name: 'Rate-limit breaches' }))

    const rows = (await screen.findAllByRole('row')).slice(1)
    expect(rows).toHaveLength(2)
    // Newest first.
    expect(rows[0]?.textContent).toContain('Build bot (…b0tb0t)')
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
    answer()
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
    answer()
    renderConsole()
    await user.click(await screen.findByRole('tab', { name: 'Usage' }))

    expect(await screen.findByText('Top models')).toBeTruthy()
    expect(await screen.findByRole('img', { name: /last 30 days: \$1\.50 and 3\.25 DIEM in total/ })).toBeTruthy()
    expect(screen.getByText(/caches these figures for 10 minutes/)).toBeTruthy()
    expect(paths()).toContain('/billing/usage-analytics?lookback=30d')
    const daily = screen.getByRole('table', { name: 'Spend per day (UTC)' })
    expect(
      within(daily)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['Day (UTC)USDDIEM', '2026-04-19$1.500', '2026-04-20$0.003.25'])
    const models = within(screen.getByRole('region', { name: 'Top models' }))
      .getAllByRole('rowheader')
      .map((cell) => cell.textContent)
    expect(models).toEqual(['big-model', 'small-model'])

    await user.click(screen.getByRole('radio', { name: 'Last 7 days' }))
    expect(paths()).toContain('/billing/usage-analytics?lookback=7d')
    expect(await screen.findByRole('img', { name: /last 7 days/ })).toBeTruthy()
    await expectNoAxeViolations(document.body)
  })
})
