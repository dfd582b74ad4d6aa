import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { config } from '../../src/config'
import DashboardPage from '../../src/features/dashboard/DashboardPage'
import { keyring } from '../../src/session/store'
import { formatUtcDate } from '../../src/ui/format'
import { INFERENCE_SECRET_TEXT, jsonResponse, secretOf } from '../helpers/venice'
import { rateLimitsAnswer } from '../helpers/veniceAnswers'
import { stubVeniceFetch } from '../helpers/fetchStub'

const fetchMock = stubVeniceFetch()

function renderDashboard(sections: ('overview' | 'limits')[] = ['overview']) {
  const secret = secretOf(INFERENCE_SECRET_TEXT)
  const entry = keyring.add({ secret, description: 'My agent key', origin: 'pasted', unsaved: false })
  render(
    <>
      {sections.map((section) => (
        <DashboardPage key={section} entry={entry} section={section} stakeHref="#/stake" />
      ))}
    </>,
  )
}

const valueOf = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling?.textContent

describe('DashboardPage', () => {
  it('shows access, tier, expiry, balances and rate limits from a 200', async () => {
    const keyExpiration = '2026-12-31T00:00:00.000Z'
    fetchMock.mockImplementation(async () => jsonResponse(200, rateLimitsAnswer({ keyExpiration })))
    renderDashboard(['overview', 'limits'])

    expect(await screen.findByText('Permitted')).toBeTruthy()
    expect(valueOf('API tier')).toBe('paid (charged)')
    expect(valueOf('Key expires')).toBe(formatUtcDate(keyExpiration))
    expect(valueOf('Key expires')).toMatch(/00:00 UTC$/)
    expect(valueOf('USD')).toBe('$50.23')
    expect(valueOf('DIEM')).toBe('100.023')
    expect(valueOf('Bundled credits')).toBe('$25.00')
    const row = screen.getByRole('row', { name: /zai-org-glm-5-1/ })
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['100', '—', '2M'])
    expect(document.body.textContent).not.toContain(INFERENCE_SECRET_TEXT)

    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] ?? []
    expect(url).toBe(`${config.veniceApiUrl}/api_keys/rate_limits`)
    expect(new Headers(init?.headers).get('Authorization')).toBe(`Bearer ${INFERENCE_SECRET_TEXT}`)
  })

  it('says "Never" for no expiry, "Not permitted" when access is refused, and "unknown" for a missing balance', async () => {
    const balances = { DIEM: 100.023, BUNDLED_CREDITS: 25 }
    fetchMock.mockImplementation(async () => jsonResponse(200, rateLimitsAnswer({ accessPermitted: false, balances })))
    renderDashboard()
    expect(await screen.findByText(/^Not permitted/)).toBeTruthy()
    expect(valueOf('Key expires')).toBe('Never')
    expect(valueOf('USD')).toBe('unknown')
  })

  it('says nothing about funding for a key that can spend', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, rateLimitsAnswer())))
    renderDashboard()
    await screen.findByText('Permitted')
    expect(screen.queryByText('This key works, but has nothing to spend')).toBeNull()
  })

  it.each([
    ['every balance is zero', { accessPermitted: true, balances: { USD: 0, DIEM: 0, BUNDLED_CREDITS: 0 } }],
    ['every balance is missing', { accessPermitted: true, balances: {} }],
    ['access is not permitted', { accessPermitted: false, balances: { DIEM: 2 } }],
  ])('points to the Stake page with the figures that matter when %s', async (_, change) => {
    fetchMock.mockImplementation(() => Promise.resolve(jsonResponse(200, rateLimitsAnswer(change))))
    renderDashboard()
    const title = await screen.findByText('This key works, but has nothing to spend')
    const hint = title.parentElement!
    expect(hint.textContent).toContain('at least 0.1 DIEM must be staked')
    expect(hint.textContent).toContain('Minimum staked DIEM: 0.1')
    expect(hint.textContent).toMatch(/DIEM this key can spend now: (0|unknown|2)/)
    expect(hint.textContent).toMatch(/Next epoch, when DIEM credit is refreshed: (in |now)/)
    expect(within(hint).getByRole('link', { name: 'Stake DIEM on the Stake page' }).getAttribute('href')).toBe('#/stake')
  })

  it('says the key is invalid, expired or revoked on a 401, without retrying', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(401, { error: 'Authentication failed' }))
    renderDashboard()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('This key is invalid, expired or revoked')
    expect(alert.textContent).toContain('Authentication failed')
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it("says it couldn't reach the Venice API when fetch rejects", async () => {
    fetchMock.mockRejectedValue(new TypeError('Failed to fetch'))
    renderDashboard()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain("Couldn't reach Venice")
    expect(alert.textContent).toContain(new URL(config.veniceApiUrl).host)
    expect(alert.textContent).not.toContain(INFERENCE_SECRET_TEXT)
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('shows the rate-limit notice while waiting out a 429, then the data', async () => {
    fetchMock
      .mockImplementationOnce(async () =>
        jsonResponse(429, { error: 'Rate limit exceeded' }, { headers: { 'Retry-After': '1' } }),
      )
      .mockImplementation(async () => jsonResponse(200, rateLimitsAnswer()))
    renderDashboard()
    const notice = await screen.findByText('Venice is rate-limiting this key')
    expect(notice.parentElement?.textContent).toContain('Trying again in 1s')
    expect(await screen.findByText('Permitted', {}, { timeout: 3000 })).toBeTruthy()
    expect(screen.queryByText('Venice is rate-limiting this key')).toBeNull()
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })
})
