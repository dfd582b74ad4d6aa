import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Address } from 'viem'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { config } from '../../src/config'
import AdminConsole from '../../src/features/admin/AdminConsole'
import { adminQueries } from '../../src/features/admin/queries'
import type { KeyEntry } from '../../src/session/keyring'
import { keyring } from '../../src/session/store'
import { queryClient } from '../../src/query/queryClient'
import { stubVeniceFetch } from '../helpers/fetchStub'
import { inProcessVenice } from '../helpers/inProcessVenice'
import { ADMIN_SECRET_TEXT, secretOf } from '../helpers/venice'

const fetchMock = stubVeniceFetch()

const WALLET: Address = '0x1111111111111111111111111111111111111111'
let venice: ReturnType<typeof inProcessVenice>
/** The ADMIN key this console runs with, and another key of the same account. */
let self: { id: string; apiKey: string }
let other: { id: string; apiKey: string }
let otherName: string

beforeEach(() => {
  venice = inProcessVenice(config.veniceApiUrl)
  fetchMock.mockImplementation(venice.fetch)
  self = venice.control.seedKey(WALLET, { description: 'My admin key' })
  other = venice.control.seedKey(WALLET, { apiKeyType: 'INFERENCE', description: 'Build bot', consumptionLimits: { usd: 10 } })
  venice.control.recordUsage(WALLET, { apiKeyId: other.id, model: 'zai-org-glm-5-1', usd: 2.5 })
  otherName = `Build bot (…${other.apiKey.slice(-6)})`
})

const API_PATH = new URL(config.veniceApiUrl).pathname

/** What the stand-in received on this method and path (query left out), as `METHOD status`. */
const calls = (method: string, path: string) =>
  venice.control.requests().filter((r) => r.method === method && r.path.split('?')[0] === `${API_PATH}${path}`)

function renderConsole(change: Partial<KeyEntry> = {}) {
  const entry = keyring.add({
    secret: secretOf(self.apiKey),
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
    renderConsole()

    const mine = await screen.findByRole('row', { name: /My admin key/ })
    expect(within(mine).getByText('in use here')).toBeTruthy()
    const row = screen.getByRole('row', { name: /Build bot/ })
    expect(within(row).queryByText('in use here')).toBeNull()
    expect(within(row).getByText('$10.00 per day')).toBeTruthy()
    const bar = within(row).getByRole('progressbar', { name: 'USD this period: $2.50 of $10.00' })
    expect(bar.getAttribute('value')).toBe('2.5')
    expect(bar.getAttribute('max')).toBe('10')
    const [list, ...more] = calls('GET', '/api_keys')
    expect(more).toEqual([])
    expect(list?.headers.authorization).toBe(`Bearer ${self.apiKey}`)
  })

  it('filters by text and sorts with aria-sort on the header', async () => {
    const user = userEvent.setup()
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
    renderConsole()
    await user.click(await screen.findByRole('button', { name: `Manage ${otherName}` }))
    const usd = await screen.findByRole('textbox', { name: 'USD limit' })
    expect(screen.getByText(/A key’s type cannot be changed/)).toBeTruthy()
    await user.clear(usd)
    await user.click(screen.getByRole('button', { name: 'Save changes' }))

    expect(await screen.findByText(/Changed: limits/)).toBeTruthy()
    const [patch] = calls('PATCH', '/api_keys')
    expect(patch).toMatchObject({ body: { id: other.id, consumptionLimit: { usd: null } }, status: 200 })
    // Update invalidates the list and the detail: each is asked again once.
    await waitFor(() => expect(calls('GET', `/api_keys/${other.id}`)).toHaveLength(2))
    expect(calls('GET', '/api_keys')).toHaveLength(2)
  })
})

describe('AdminConsole: revoke', () => {
  it('names the key in the confirmation and revokes only after it', async () => {
    const user = userEvent.setup()
    const { onRevokedSelf } = renderConsole()
    await user.click(await screen.findByRole('button', { name: `Manage ${otherName}` }))
    await user.click(await screen.findByRole('button', { name: `Revoke ${otherName}…` }))

    const prompt = screen.getByRole('group', { name: `Revoke ${otherName}?` })
    expect(calls('DELETE', '/api_keys')).toHaveLength(0)
    await user.click(within(prompt).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('group', { name: /Revoke Build bot/ })).toBeNull()

    await user.click(screen.getByRole('button', { name: `Revoke ${otherName}…` }))
    await user.click(screen.getByRole('button', { name: `Yes, revoke ${otherName}` }))
    await waitFor(() => expect(calls('DELETE', '/api_keys')).toHaveLength(1))
    expect(calls('DELETE', '/api_keys')[0]).toMatchObject({ path: `${API_PATH}/api_keys?id=${other.id}`, status: 200 })
    // Back on the list, which is asked for again, without the revoked key.
    expect(await screen.findByRole('heading', { name: 'Keys of this account' })).toBeTruthy()
    await waitFor(() => expect(calls('GET', '/api_keys')).toHaveLength(2))
    await waitFor(() => expect(screen.queryByRole('row', { name: /Build bot/ })).toBeNull())
    expect(onRevokedSelf).not.toHaveBeenCalled()
  })

  it('asks twice before revoking the key in use, then drops it from the keyring and leaves', async () => {
    const user = userEvent.setup()
    const { entry, onRevokedSelf } = renderConsole({ veniceKeyId: self.id })
    await user.click(await screen.findByRole('button', { name: `Manage My admin key (…${self.apiKey.slice(-6)})` }))
    await user.click(await screen.findByRole('button', { name: /^Revoke My admin key/ }))
    expect(screen.getByText('This is the key this page is using')).toBeTruthy()
    await user.click(screen.getByRole('button', { name: /^Yes, revoke My admin key/ }))

    expect(calls('DELETE', '/api_keys')).toHaveLength(0)
    expect(screen.getByRole('group', { name: /Really revoke My admin key/ })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Yes, revoke the key I am using' }))

    await waitFor(() => expect(onRevokedSelf).toHaveBeenCalledTimes(1))
    expect(calls('DELETE', '/api_keys')).toMatchObject([{ path: `${API_PATH}/api_keys?id=${self.id}`, status: 200 }])
    expect(keyring.get(entry.id)).toBeUndefined()
    expect(queryClient.getQueryCache().findAll({ queryKey: adminQueries.of(entry.id) })).toHaveLength(0)
  })
})

describe('AdminConsole: create', () => {
  async function openCreate(user: ReturnType<typeof userEvent.setup>) {
    await user.click(await screen.findByRole('tab', { name: 'Create a key' }))
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'New bot')
  }

  it('requires a description, then keeps the new key unsaved in the keyring and reveals it once', async () => {
    const user = userEvent.setup()
    renderConsole()
    await user.click(await screen.findByRole('tab', { name: 'Create a key' }))
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(screen.getByText('Give the key a description.')).toBeTruthy()
    expect(calls('POST', '/api_keys')).toHaveLength(0)

    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'New bot')
    await user.click(screen.getByRole('button', { name: 'Create key' }))
    expect(await screen.findByRole('heading', { name: 'Your new INFERENCE key' })).toBeTruthy()
    const [post, ...more] = calls('POST', '/api_keys')
    expect(more).toEqual([])
    expect(post).toMatchObject({ body: { apiKeyType: 'INFERENCE', description: 'New bot' }, status: 200 })
    const kept = keyring.list().find((key) => key.description === 'New bot')
    expect(kept?.secret.type).toBe('INFERENCE')
    expect(kept).toMatchObject({ origin: 'minted', unsaved: true, veniceKeyId: expect.any(String) })
    expect(document.body.textContent).not.toContain(kept?.secret.expose())
  })

  it('after a 429, disables creation with a live countdown from Retry-After, then allows it again', async () => {
    const user = userEvent.setup()
    venice.control.failNext(
      { method: 'POST', path: '/api_keys' },
      {
        kind: 'status',
        status: 429,
        headers: { 'Retry-After': '2' },
        body: { error: 'Rate limit exceeded: at most 20 API keys can be created per minute' },
      },
    )
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
    // Two keys are seeded already.
    for (let n = 0; n < 498; n += 1) venice.control.seedKey(WALLET, { apiKeyType: 'INFERENCE', description: `key ${n}` })
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
    // An ADMIN-looking key that Venice knows as an INFERENCE key.
    venice.control.failNext(
      { method: 'GET', path: '/api_keys' },
      { kind: 'status', status: 401, body: { error: 'Admin API key required' } },
    )
    renderConsole()
    expect(await screen.findByText('This is not an ADMIN key after all')).toBeTruthy()
    expect(screen.queryByRole('tablist')).toBeNull()
    expect(calls('GET', '/api_keys')).toHaveLength(1)
  })

  it('says the key is invalid, expired or revoked on 401 "Authentication failed"', async () => {
    renderConsole({ secret: secretOf(ADMIN_SECRET_TEXT) })
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('invalid, expired or revoked')
    expect(screen.queryByRole('tablist')).toBeNull()
    expect(calls('GET', '/api_keys')).toMatchObject([{ status: 401 }])
  })
})

describe('AdminConsole: the key in use', () => {
  it('reads back its stored limits with GET /api_keys/{id} when its Venice id is known', async () => {
    const mine = venice.control.seedKey(WALLET, {
      description: 'My capped admin key',
      consumptionLimits: { usd: 0, diem: 5 },
      limitPeriod: 'MONTH',
    })
    venice.control.recordUsage(WALLET, { apiKeyId: mine.id, model: 'zai-org-glm-5-1', diem: 1 })
    renderConsole({ secret: secretOf(mine.apiKey), veniceKeyId: mine.id, origin: 'minted' })
    const section = await screen.findByRole('region', { name: 'This key, as Venice stores it' })
    await within(section).findByText('$0.00')
    const value = (term: string) => within(section).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent
    expect(value('USD cap')).toBe('$0.00')
    expect(value('DIEM cap')).toBe('5 DIEM')
    expect(value('Caps reset')).toBe('Monthly, on the 1st')
    expect(calls('GET', `/api_keys/${mine.id}`)).toHaveLength(1)
  })
})
