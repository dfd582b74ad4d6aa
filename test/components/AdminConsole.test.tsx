import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { config } from '../../src/config'
import AdminConsole from '../../src/features/admin/AdminConsole'
import { adminQueries } from '../../src/features/admin/queries'
import type { KeyEntry } from '../../src/session/keyring'
import { keyring } from '../../src/session/store'
import { ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT, jsonResponse, secretOf, urlOf } from '../helpers/venice'
import { queryClient } from '../../src/query/queryClient'
import { stubVeniceFetch } from '../helpers/fetchStub'

const fetchMock = stubVeniceFetch()

const SELF_ID = '11111111-1111-4111-8111-111111111111'
const OTHER_ID = '22222222-2222-4222-8222-222222222222'

function apiKey(id: string, change: Record<string, unknown> = {}) {
  return {
    id,
    apiKeyType: 'INFERENCE',
    description: 'Key',
    createdAt: '2026-04-01T10:00:00.000Z',
    expiresAt: null,
    lastUsedAt: null,
    last6Chars: 'zzzzzz',
    consumptionLimits: { usd: null, diem: null, vcu: null },
    limitPeriod: 'EPOCH',
    modelPrivacy: 'ALL',
    usage: { trailingSevenDays: { usd: '0.0000', vcu: '0.0000', diem: '0.0000' } },
    ...change,
  }
}

const SELF = apiKey(SELF_ID, { apiKeyType: 'ADMIN', description: 'My admin key', last6Chars: ADMIN_SECRET_TEXT.slice(-6) })
const OTHER = apiKey(OTHER_ID, {
  description: 'Build bot',
  last6Chars: 'b0tb0t',
  consumptionLimits: { usd: 10, diem: null, vcu: null },
  currentPeriodUsage: { usd: '2.5000', diem: '0.0000' },
})

type Route = (url: URL, init: RequestInit) => Response | Promise<Response>

/** A tiny Venice: `METHOD /path` → answer. Anything else fails the test loudly. */
function venice(routes: Record<string, Route>) {
  fetchMock.mockImplementation(async (input, init = {}) => {
    const url = new URL(urlOf(input))
    const path = url.href.slice(config.veniceApiUrl.length).split('?')[0]
    const route = routes[`${init.method ?? 'GET'} ${path}`]
    if (!route) throw new Error(`unexpected ${init.method} ${path}`)
    return route(url, init)
  })
}

const calls = (method: string, path: string) =>
  fetchMock.mock.calls.filter(
    ([input, init]) =>
      (init?.method ?? 'GET') === method && urlOf(input).slice(config.veniceApiUrl.length).split('?')[0] === path,
  )

function renderConsole(change: Partial<KeyEntry> = {}) {
  const entry = keyring.add({
    secret: secretOf(ADMIN_SECRET_TEXT),
    description: 'My admin key',
    origin: 'pasted',
    unsaved: false,
    ...change,
  })
  const onRevokedSelf = vi.fn()
  render(<AdminConsole entry={entry} onRevokedSelf={onRevokedSelf} />)
  return { entry, onRevokedSelf }
}

describe('AdminConsole: keys', () => {
  it('lists the keys, marks the one in use, and shows period usage against the cap as a progress bar', async () => {
    venice({ 'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [OTHER, SELF] }) })
    renderConsole()

    const self = await screen.findByRole('row', { name: /My admin key/ })
    expect(within(self).getByText('in use here')).toBeTruthy()
    const other = screen.getByRole('row', { name: /Build bot/ })
    expect(within(other).queryByText('in use here')).toBeNull()
    expect(within(other).getByText('$10.00 per day')).toBeTruthy()
    const bar = within(other).getByRole('progressbar', { name: 'USD this period: $2.50 of $10.00' })
    expect(bar.getAttribute('value')).toBe('2.5')
    expect(bar.getAttribute('max')).toBe('10')
    expect(calls('GET', '/api_keys')).toHaveLength(1)
    const [, init] = fetchMock.mock.calls[0] ?? []
    expect(new Headers(init?.headers).get('Authorization')).toBe(`Bearer ${ADMIN_SECRET_TEXT}`)
  })

  it('filters by text and sorts with aria-sort on the header', async () => {
    const user = userEvent.setup()
    venice({ 'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [OTHER, SELF] }) })
    renderConsole()
    await screen.findByRole('row', { name: /Build bot/ })

    const description = screen.getByRole('columnheader', { name: 'Description' })
    expect(description.getAttribute('aria-sort')).toBe('none')
    await user.click(within(description).getByRole('button'))
    expect(description.getAttribute('aria-sort')).toBe('ascending')
    const names = () => screen.getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names()).toEqual(['Build bot', 'My admin key in use here'])
    await user.click(within(description).getByRole('button'))
    expect(description.getAttribute('aria-sort')).toBe('descending')
    expect(names()[0]).toContain('My admin key')

    await user.type(screen.getByRole('searchbox', { name: 'Search keys' }), 'bot')
    expect(names()).toEqual(['Build bot'])
  })

  it('edits a key by sending only the changed field', async () => {
    const user = userEvent.setup()
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [OTHER, SELF] }),
      [`GET /api_keys/${OTHER_ID}`]: () => jsonResponse(200, { data: OTHER }),
      'PATCH /api_keys': () =>
        jsonResponse(200, { success: true, data: { ...OTHER, consumptionLimits: { usd: null, diem: null, vcu: null } } }),
    })
    renderConsole()
    await user.click(await screen.findByRole('button', { name: 'Manage Build bot (…b0tb0t)' }))
    const usd = await screen.findByRole('textbox', { name: 'USD limit' })
    expect(screen.getByText(/A key’s type cannot be changed/)).toBeTruthy()
    await user.clear(usd)
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText(/Changed: limits/)).toBeTruthy()
    const [patch] = calls('PATCH', '/api_keys')
    expect(JSON.parse(patch?.[1]?.body as string)).toEqual({ id: OTHER_ID, consumptionLimit: { usd: null } })
    // Update invalidates the list and the detail: each is asked again once.
    await waitFor(() => expect(calls('GET', `/api_keys/${OTHER_ID}`)).toHaveLength(2))
    expect(calls('GET', '/api_keys')).toHaveLength(2)
  })
})

describe('AdminConsole: revoke', () => {
  it('names the key in the confirmation and revokes only after it', async () => {
    const user = userEvent.setup()
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [OTHER, SELF] }),
      [`GET /api_keys/${OTHER_ID}`]: () => jsonResponse(200, { data: OTHER }),
      'DELETE /api_keys': () => jsonResponse(200, { success: true }),
    })
    const { onRevokedSelf } = renderConsole()
    await user.click(await screen.findByRole('button', { name: 'Manage Build bot (…b0tb0t)' }))
    await user.click(await screen.findByRole('button', { name: 'Revoke Build bot (…b0tb0t)…' }))

    const prompt = screen.getByRole('group', { name: 'Revoke Build bot (…b0tb0t)?' })
    expect(calls('DELETE', '/api_keys')).toHaveLength(0)
    await user.click(within(prompt).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('group', { name: /Revoke Build bot/ })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Revoke Build bot (…b0tb0t)…' }))
    await user.click(screen.getByRole('button', { name: 'Yes, revoke Build bot (…b0tb0t)' }))
    await waitFor(() => expect(calls('DELETE', '/api_keys')).toHaveLength(1))
    expect(calls('DELETE', '/api_keys')[0]?.[0] as string).toBe(`${config.veniceApiUrl}/api_keys?id=${OTHER_ID}`)
    // Back on the list, which is asked for again.
    expect(await screen.findByRole('heading', { name: 'Keys of this account' })).toBeTruthy()
    await waitFor(() => expect(calls('GET', '/api_keys')).toHaveLength(2))
    expect(onRevokedSelf).not.toHaveBeenCalled()
  })

  it('asks twice before revoking the key in use, then drops it from the keyring and leaves', async () => {
    const user = userEvent.setup()
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [OTHER, SELF] }),
      [`GET /api_keys/${SELF_ID}`]: () => jsonResponse(200, { data: SELF }),
      'DELETE /api_keys': () => jsonResponse(200, { success: true }),
    })
    const { entry, onRevokedSelf } = renderConsole({ veniceKeyId: SELF_ID })
    await user.click(await screen.findByRole('button', { name: `Manage My admin key (…${SELF.last6Chars})` }))
    await user.click(await screen.findByRole('button', { name: /^Revoke My admin key/ }))
    expect(screen.getByText('This is the key this page is using')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /^Yes, revoke My admin key/ }))

    expect(calls('DELETE', '/api_keys')).toHaveLength(0)
    expect(screen.getByRole('group', { name: /Really revoke My admin key/ })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Yes, revoke the key I am using' }))

    await waitFor(() => expect(onRevokedSelf).toHaveBeenCalledTimes(1))
    expect(calls('DELETE', '/api_keys')).toHaveLength(1)
    expect(keyring.get(entry.id)).toBeUndefined()
    expect(queryClient.getQueryCache().findAll({ queryKey: adminQueries.of(entry.id) })).toHaveLength(0)
  })
})

describe('AdminConsole: create', () => {
  const created = {
    id: '33333333-3333-4333-8333-333333333333',
    apiKey: INFERENCE_SECRET_TEXT,
    apiKeyType: 'INFERENCE',
    description: 'New bot',
    expiresAt: null,
    consumptionLimit: { usd: null, diem: null },
    limitPeriod: 'EPOCH',
    modelPrivacy: 'ALL',
  }

  async function openCreate(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole('tab', { name: 'Create a key' }))
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'New bot')
  }

  it('requires a description, then keeps the new key unsaved in the keyring and reveals it once', async () => {
    const user = userEvent.setup()
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [SELF] }),
      'POST /api_keys': () => jsonResponse(200, { success: true, data: created }),
    })
    renderConsole()
    await user.click(await screen.findByRole('tab', { name: 'Create a key' }))
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(screen.getByText('Give the key a description.')).toBeTruthy()
    expect(calls('POST', '/api_keys')).toHaveLength(0)

    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'New bot')
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByRole('heading', { name: 'Your new INFERENCE key' })).toBeTruthy()
    expect(JSON.parse(calls('POST', '/api_keys')[0]?.[1]?.body as string)).toEqual({
      apiKeyType: 'INFERENCE',
      description: 'New bot',
    })
    const kept = keyring.list().find((key) => key.veniceKeyId === created.id)
    expect(kept?.secret.type).toBe('INFERENCE')
    expect(kept).toMatchObject({ description: 'New bot', origin: 'minted', unsaved: true })
    expect(document.body.textContent).not.toContain(INFERENCE_SECRET_TEXT)
  })

  it('after a 429, disables creation with a live countdown from Retry-After, then allows it again', async () => {
    const user = userEvent.setup()
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [SELF] }),
      'POST /api_keys': () =>
        jsonResponse(
          429,
          { error: 'Rate limit exceeded: at most 20 API keys can be created per minute' },
          { headers: { 'Retry-After': '2' } },
        ),
    })
    renderConsole()
    await openCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create key' }))

    const button = await screen.findByRole('button', { name: /^Create key \(wait [12]s\)$/ })
    expect((button as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText('Venice is limiting key creation')).toBeTruthy()
    expect(screen.getByRole('timer').textContent).toMatch(/^[12]s$/)
    await user.click(button)
    expect(calls('POST', '/api_keys')).toHaveLength(1)

    const again = await screen.findByRole('button', { name: 'Create key' }, { timeout: 4000 })
    expect((again as HTMLButtonElement).disabled).toBe(false)
  })

  it('explains the 500-active-keys limit', async () => {
    const user = userEvent.setup()
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [SELF] }),
      'POST /api_keys': () => jsonResponse(400, { error: 'Maximum of 500 active API keys reached' }),
    })
    renderConsole()
    await openCreate(user)
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('500 active keys')
    expect(alert.textContent).toContain('Maximum of 500 active API keys reached')
  })
})

describe('AdminConsole: refusals', () => {
  it('hides itself on 401 "Admin API key required" and explains, without asking again', async () => {
    venice({ 'GET /api_keys': () => jsonResponse(401, { error: 'Admin API key required' }) })
    renderConsole()
    expect(await screen.findByText('This is not an ADMIN key after all')).toBeTruthy()
    expect(screen.queryByRole('tablist')).toBeNull()
    expect(calls('GET', '/api_keys')).toHaveLength(1)
  })

  it('says the key is invalid, expired or revoked on 401 "Authentication failed"', async () => {
    venice({ 'GET /api_keys': () => jsonResponse(401, { error: 'Authentication failed' }) })
    renderConsole()
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('invalid, expired or revoked')
    expect(screen.queryByRole('tablist')).toBeNull()
  })
})

describe('AdminConsole: the key in use', () => {
  it('reads back its stored limits with GET /api_keys/{id} when its Venice id is known', async () => {
    venice({
      'GET /api_keys': () => jsonResponse(200, { object: 'list', data: [SELF] }),
      [`GET /api_keys/${SELF_ID}`]: () =>
        jsonResponse(200, {
          data: {
            ...SELF,
            consumptionLimits: { usd: 0, diem: 5, vcu: 5 },
            limitPeriod: 'MONTH',
            currentPeriodUsage: { usd: '0.0000', diem: '1.0000' },
          },
        }),
    })
    renderConsole({ veniceKeyId: SELF_ID, origin: 'minted' })
    const section = await screen.findByRole('region', { name: 'This key, as Venice stores it' })
    await within(section).findByText('$0.00')
    const value = (term: string) => within(section).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent
    expect(value('USD cap')).toBe('$0.00')
    expect(value('DIEM cap')).toBe('5 DIEM')
    expect(value('Caps reset')).toBe('Monthly, on the 1st')
    expect(calls('GET', `/api_keys/${SELF_ID}`)).toHaveLength(1)
  })
})
