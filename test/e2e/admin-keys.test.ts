/**
 * The ADMIN console's key management against the Venice stand-in: an ADMIN key minted with the
 * wallet or pasted, the account's keys listed, created, changed and revoked. Each scenario checks
 * what the user sees and what went over the wire (the stand-in's log, preflights left out).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import type { Address } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import {
  chunkFileOf,
  leaksOf,
  loadedAssets,
  newHolder,
  openApp,
  startE2EWorld,
  veniceRequests,
  type AppSession,
  type E2EWorld,
} from './fixture'
import {
  axeViolations,
  chooseKeyOptions,
  formatAxe,
  mintAndSign,
  openAdminConsole,
  openAdminTab,
  openKeySection,
  pageDate,
  pageUtcDate,
  pasteKey,
  readyToMint,
  revealSecret,
  rowCells,
  statValue,
} from './ui'

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
const now = () => world.venice.control.clock.now()
const daysAgo = (days: number) => new Date(now() - days * DAY_MS)
const futureDay = (days: number) => new Date(now() + days * DAY_MS).toISOString().slice(0, 10)
const last6 = (secret: string) => secret.slice(-6)

/** A fresh Venice account (no chain balance needed: nothing here mints). */
const newWallet = (): Address => privateKeyToAccount(generatePrivateKey()).address

/** Management calls only: the dashboard's own GET /api_keys/rate_limits is left out. */
const adminCalls = (secret: string) => veniceRequests(world, { secret }).filter((c) => c.path !== '/api_keys/rate_limits')

async function open(options: Parameters<typeof openApp>[1] = {}): Promise<AppSession> {
  const session = await openApp(world, options)
  sessions.push(session)
  return session
}

async function expectClean(session: AppSession, secret: string) {
  expect(await leaksOf(session, secret, world.venice.url)).toEqual([])
  expect(session.pageErrors).toEqual([])
}

const keysTable = (page: Page) => page.getByRole('table', { name: 'Active keys of this account' })
const keyRows = (page: Page) => keysTable(page).locator('tbody tr')
const rowOf = (page: Page, description: string) =>
  keyRows(page).filter({ has: page.getByRole('rowheader', { name: description }) })
const rowHeaders = async (page: Page) =>
  (await keyRows(page).locator('th').allTextContents()).map((t) => t.replace('in use here', '').trim())

describe('ADMIN console: keys', () => {
  it('appears after minting an ADMIN key and shows the limits Venice stored, not the mint echo', async () => {
    const holder = await newHolder(world)
    world.venice.control.setBalances(holder.address, { usd: 10, diem: 2 })
    world.venice.control.clearRequests()
    const session = await open({ privateKey: holder.privateKey })
    const { page } = session
    await readyToMint(page)
    // A USD cap of 0 echoes as null, and the echoed diem comes from the legacy vcu (not sent): both echo "no cap".
    await chooseKeyOptions(page, { type: 'ADMIN', description: 'treasury admin', usd: '0', diem: '7.5', period: 'MONTH' })
    const minted = page.waitForResponse((r) => r.url().endsWith('/api_keys/generate_web3_key') && r.request().method() === 'POST')
    await mintAndSign(page)
    const echo = (await (await minted).json()) as { data: { id: string; consumptionLimit: unknown } }
    expect(echo.data.consumptionLimit).toEqual({ usd: null, diem: null })

    await page.getByRole('heading', { name: 'Your new ADMIN key' }).waitFor()
    const secret = await revealSecret(page)
    expect(secret).toMatch(/^VENICE_ADMIN_KEY_/)
    await openKeySection(page, 'ADMIN console')
    await page.getByRole('heading', { name: /^Account administration/ }).waitFor()

    const stored = page.getByRole('region', { name: 'This key, as Venice stores it' })
    await stored.getByText(/limits echoed when a key is minted with a wallet are not reliable/).waitFor()
    await statValue(stored, 'USD cap').filter({ hasText: '$0.00' }).waitFor()
    await expect(statValue(stored, 'DIEM cap').textContent()).resolves.toBe('7.5 DIEM')
    await expect(statValue(stored, 'Caps reset').textContent()).resolves.toBe('Monthly, on the 1st')
    await expect(statValue(stored, 'Type').textContent()).resolves.toBe('ADMIN')
    await expect(statValue(stored, 'Ends in').textContent()).resolves.toBe(`…${last6(secret)}`)
    await expect(statValue(stored, 'Expires').textContent()).resolves.toBe('Never')
    await expect(stored.getByRole('progressbar', { name: 'USD this period: $0.00 of $0.00' }).isVisible()).resolves.toBe(true)

    // The key in use, marked in the account's list (by Venice id, known from the mint).
    await keysTable(page).waitFor()
    const row = rowOf(page, 'treasury admin')
    await expect(row.getByText('in use here').isVisible()).resolves.toBe(true)
    await expect(rowCells(row)).resolves.toEqual(expect.arrayContaining(['$0.00 and 7.5 DIEM per month']))

    const mint = veniceRequests(world).filter((c) => c.path === '/api_keys/generate_web3_key' && c.method === 'POST')
    expect(mint).toHaveLength(1)
    expect(mint[0]!.body).toEqual({
      address: holder.address,
      signature: expect.stringMatching(/^0x[0-9a-f]+$/),
      token: expect.any(String),
      apiKeyType: 'ADMIN',
      description: 'treasury admin',
      consumptionLimit: { usd: 0, diem: 7.5 },
      limitPeriod: 'MONTH',
    })
    const calls = adminCalls(secret)
    expect(
      calls
        .map(({ method, path, query, body, status }) => ({ method, path, query, body, status }))
        .sort((a, b) => a.path.localeCompare(b.path)),
    ).toEqual([
      { method: 'GET', path: '/api_keys', query: '', body: undefined, status: 200 },
      { method: 'GET', path: `/api_keys/${echo.data.id}`, query: '', body: undefined, status: 200 },
    ])
    await expectClean(session, secret)
  })

  it('lists every key with its settings and usage, sorts and filters, and marks the key in use', async () => {
    const wallet = newWallet()
    const control = world.venice.control
    const created = { ops: daysAgo(10), chatbot: daysAgo(20), batch: daysAgo(3), backup: daysAgo(1) }
    const admin = control.seedKey(wallet, { description: 'ops admin', createdAt: created.ops })
    const expiresAt = new Date(Date.UTC(2099, 0, 15, 12))
    const chatbot = control.seedKey(wallet, {
      apiKeyType: 'INFERENCE',
      description: 'chatbot prod',
      createdAt: created.chatbot,
      expiresAt,
      consumptionLimits: { usd: 50 },
      limitPeriod: 'EPOCH',
      modelPrivacy: 'PRIVATE_ONLY',
    })
    const batch = control.seedKey(wallet, {
      apiKeyType: 'INFERENCE',
      description: 'batch jobs',
      createdAt: created.batch,
      consumptionLimits: { diem: 100 },
      limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_TEXT',
    })
    const backup = control.seedKey(wallet, {
      description: 'backup admin',
      createdAt: created.backup,
      consumptionLimits: { usd: 200, diem: 20 },
      limitPeriod: 'LIFETIME',
    })
    const usedAt = new Date(now())
    const backupUsedAt = daysAgo(2)
    control.recordUsage(wallet, { apiKeyId: chatbot.id, model: 'zai-org-glm-5-1', usd: 3, at: daysAgo(8) }) // neither this week nor today
    control.recordUsage(wallet, { apiKeyId: chatbot.id, model: 'zai-org-glm-5-1', usd: 12.5, at: usedAt })
    control.recordUsage(wallet, { apiKeyId: batch.id, model: 'zai-org-glm-5-1', diem: 30, at: usedAt })
    control.recordUsage(wallet, { apiKeyId: backup.id, model: 'zai-org-glm-5-1', usd: 5, at: backupUsedAt })
    control.clearRequests()

    const session = await open()
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await expect(page.getByRole('status').filter({ hasText: 'active keys' }).textContent()).resolves.toBe('4 active keys.')

    // Newest first by default.
    expect(await rowHeaders(page)).toEqual(['backup admin', 'batch jobs', 'ops admin', 'chatbot prod'])
    const date = (d: Date) => pageDate(page, d.toISOString())
    await expect(rowCells(rowOf(page, 'chatbot prod'))).resolves.toEqual([
      'chatbot prod',
      'INFERENCE',
      `…${last6(chatbot.apiKey)}`,
      await date(created.chatbot),
      await date(usedAt),
      await pageUtcDate(page, expiresAt.toISOString()),
      '$50.00 per day',
      'Private models only',
      '$12.50 · 0 DIEM',
      '$12.50 of $50.00',
      'Manage',
    ])
    await expect(rowCells(rowOf(page, 'batch jobs'))).resolves.toEqual([
      'batch jobs',
      'INFERENCE',
      `…${last6(batch.apiKey)}`,
      await date(created.batch),
      await date(usedAt),
      'never',
      '100 DIEM per month',
      'Private text models',
      '$0.00 · 30 DIEM',
      '30 DIEM of 100 DIEM',
      'Manage',
    ])
    const backupCells = await rowCells(rowOf(page, 'backup admin'))
    expect(backupCells).toEqual([
      'backup admin',
      'ADMIN',
      `…${last6(backup.apiKey)}`,
      await date(created.backup),
      await date(backupUsedAt),
      'never',
      '$200.00 and 20 DIEM lifetime',
      'All models',
      '$5.00 · 0 DIEM',
      '$5.00 of $200.000 DIEM of 20 DIEM', // two bars, read one by one below
      'Manage',
    ])
    await expect(rowOf(page, 'backup admin').locator('.usage-bar').allTextContents()).resolves.toEqual([
      '$5.00 of $200.00',
      '0 DIEM of 20 DIEM',
    ])
    const opsCells = await rowCells(rowOf(page, 'ops admin'))
    expect(opsCells.slice(0, 4)).toEqual(['ops admin in use here', 'ADMIN', `…${last6(admin.apiKey)}`, await date(created.ops)])
    expect(opsCells.slice(5)).toEqual(['never', 'No cap', 'All models', '$0.00 · 0 DIEM', 'no cap', 'Manage'])
    expect(opsCells[4]).not.toBe('never') // used just now, by this page

    // The usage bars, as assistive technology reads them.
    const backupRow = rowOf(page, 'backup admin')
    await expect(
      backupRow.getByRole('progressbar', { name: 'USD this period: $5.00 of $200.00' }).getAttribute('value'),
    ).resolves.toBe('5')
    await expect(backupRow.getByRole('progressbar', { name: 'DIEM this period: 0 DIEM of 20 DIEM' }).isVisible()).resolves.toBe(
      true,
    )
    await expect(rowOf(page, 'chatbot prod').getByRole('progressbar').getAttribute('max')).resolves.toBe('50')

    // Only the key in use is marked.
    await expect(keysTable(page).getByText('in use here').count()).resolves.toBe(1)
    await expect(rowOf(page, 'ops admin').getAttribute('class')).resolves.toBe('in-use')

    // Sorting.
    // The sorted column's button also reads its arrow (CSS ::after, e.g. "Description ▲").
    const sortButton = (name: string) => keysTable(page).getByRole('button', { name: new RegExp(`^${name}( [▲▼])?$`) })
    await sortButton('Description').click()
    expect(await rowHeaders(page)).toEqual(['backup admin', 'batch jobs', 'chatbot prod', 'ops admin'])
    await expect(keysTable(page).getByRole('columnheader', { name: 'Description' }).getAttribute('aria-sort')).resolves.toBe(
      'ascending',
    )
    await sortButton('Description').click()
    expect(await rowHeaders(page)).toEqual(['ops admin', 'chatbot prod', 'batch jobs', 'backup admin'])
    await sortButton('Last 7 days').click()
    expect((await rowHeaders(page)).slice(0, 2)).toEqual(['chatbot prod', 'backup admin'])
    await expect(keysTable(page).getByRole('columnheader', { name: 'Last 7 days' }).getAttribute('aria-sort')).resolves.toBe(
      'descending',
    )
    await sortButton('Expires').click() // descending: never-expiring keys first
    expect((await rowHeaders(page)).at(-1)).toBe('chatbot prod')

    // Filtering.
    const typeFilter = page.getByRole('combobox', { name: /^Type\b/ })
    await typeFilter.selectOption('ADMIN')
    expect((await rowHeaders(page)).sort()).toEqual(['backup admin', 'ops admin'])
    await expect(page.getByRole('status').filter({ hasText: 'keys shown' }).textContent()).resolves.toBe('2 of 4 keys shown.')
    // The table follows the search field when the browser has time (a deferred value): wait for it.
    await page.getByLabel('Search keys').fill('batch')
    await page.getByText('No key matches this search.').waitFor()
    await expect(keyRows(page).count()).resolves.toBe(0)
    await typeFilter.selectOption('all')
    await expect.poll(() => rowHeaders(page)).toEqual(['batch jobs'])
    await page.getByLabel('Search keys').fill(last6(chatbot.apiKey).toLowerCase())
    await expect.poll(() => rowHeaders(page)).toEqual(['chatbot prod'])
    await page.getByLabel('Search keys').fill('')
    await expect.poll(() => keyRows(page).count()).toBe(4)

    // Axe on the list.
    const findings = await axeViolations(page)
    expect(findings, formatAxe('keys list', findings)).toEqual([])

    // One listing, sorted and filtered in the page.
    expect(adminCalls(admin.apiKey)).toEqual([{ method: 'GET', path: '/api_keys', query: '', body: undefined, status: 200 }])
    await expectClean(session, admin.apiKey)
  })

  it('creates a key with exactly the chosen settings, reveals it once, and waits out a 429', async () => {
    const wallet = newWallet()
    const admin = world.venice.control.seedKey(wallet, { description: 'creator admin' })
    world.venice.control.clearRequests()
    const session = await open()
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Create a key')
    await page.getByRole('heading', { name: 'Create a key' }).waitFor()
    const findings = await axeViolations(page)
    expect(findings, formatAxe('create form', findings)).toEqual([])

    const expiry = futureDay(10)
    await chooseKeyOptions(page, {
      description: 'ci runner',
      expiryDate: expiry,
      usd: '15',
      diem: '2.5',
      period: 'LIFETIME',
      privacy: 'PRIVATE_TEXT',
    })
    await page.getByRole('button', { name: 'Create key' }).click()
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    await expect(page.getByText('Venice will never show this key again').isVisible()).resolves.toBe(true)
    const created = await revealSecret(page)
    expect(created).toMatch(/^VENICE_INFERENCE_KEY_/)

    const posts = () => adminCalls(admin.apiKey).filter((c) => c.method === 'POST')
    expect(posts()).toEqual([
      {
        method: 'POST',
        path: '/api_keys',
        query: '',
        status: 200,
        body: {
          apiKeyType: 'INFERENCE',
          description: 'ci runner',
          expiresAt: expiry,
          consumptionLimit: { usd: 15, diem: 2.5 },
          limitPeriod: 'LIFETIME',
          modelPrivacy: 'PRIVATE_TEXT',
        },
      },
    ])
    // The new key joins this session's keys (on the Keys page), flagged unsaved.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keys', exact: true }).click()
    const sessionKeys = page.getByRole('region', { name: 'Your keys in this session' })
    await expect(sessionKeys.getByRole('link', { name: /ci runner/ }).textContent()).resolves.toContain('not saved yet')
    await page.goBack()

    // The list refreshes when it is opened again.
    await openAdminTab(page, 'Keys')
    const row = rowOf(page, 'ci runner')
    await row.waitFor()
    await expect(rowCells(row)).resolves.toEqual(
      expect.arrayContaining([
        'INFERENCE',
        `…${last6(created)}`,
        '$15.00 and 2.5 DIEM lifetime',
        'Private text models',
        await pageUtcDate(page, `${expiry}T00:00:00.000Z`),
      ]),
    )
    expect(
      adminCalls(admin.apiKey)
        .filter((c) => c.method === 'GET')
        .map((c) => c.path),
    ).toEqual(['/api_keys', '/api_keys'])

    // Venice's creation limit: a 429 with Retry-After 3.
    await openAdminTab(page, 'Create a key')
    await page.getByRole('button', { name: 'Create another key' }).click()
    await chooseKeyOptions(page, { description: 'one too many' })
    world.venice.control.failNext(
      { method: 'POST', path: '/api_keys' },
      {
        kind: 'status',
        status: 429,
        headers: { 'Retry-After': '3' },
        body: { error: 'Rate limit exceeded: at most 20 API keys can be created per minute' },
      },
    )
    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    const limited = page.getByRole('status').filter({ hasText: 'Venice is limiting key creation' })
    await limited.waitFor()
    await expect(limited.textContent()).resolves.toMatch(
      /At most 20 keys can be created a minute\. You can create again in [1-3]s\./,
    )
    const waiting = page.getByRole('button', { name: /^Create key \(wait [1-3]s\)$/ })
    await expect(waiting.isDisabled()).resolves.toBe(true)
    const first = await page.getByRole('timer').textContent()
    await page.waitForFunction((shown) => document.querySelector('[role="timer"]')?.textContent !== shown, first, {
      timeout: 3_000,
    })
    // Enabled again once Retry-After has passed; the description is kept.
    const createButton = page.getByRole('button', { name: 'Create key', exact: true })
    await createButton.waitFor({ timeout: 5_000 })
    await expect(createButton.isEnabled()).resolves.toBe(true)
    await expect(limited.count()).resolves.toBe(0)
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('one too many')
    // Not retried by itself: one POST answered 429.
    expect(posts().map((c) => [c.status, c.body])).toEqual([
      [200, expect.anything()],
      [429, { apiKeyType: 'INFERENCE', description: 'one too many' }],
    ])
    await createButton.click()
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    expect(posts().map((c) => c.status)).toEqual([200, 429, 200])

    await expectClean(session, admin.apiKey)
    expect(await leaksOf(session, created, world.venice.url)).toEqual([])
  })

  it('changes a key by sending only what changed, and removes a cap and an expiry', async () => {
    const wallet = newWallet()
    const control = world.venice.control
    const admin = control.seedKey(wallet, { description: 'editor admin' })
    const target = control.seedKey(wallet, {
      apiKeyType: 'INFERENCE',
      description: 'edit me',
      consumptionLimits: { usd: 30 },
      limitPeriod: 'EPOCH',
      expiresAt: new Date(Date.UTC(2099, 5, 1)),
    })
    control.clearRequests()
    const session = await open()
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await page.getByRole('button', { name: `Manage edit me (…${last6(target.apiKey)})` }).click()
    const detail = page.locator('.admin-detail')
    await detail.getByRole('heading', { name: `edit me (…${last6(target.apiKey)})` }).waitFor()
    await statValue(detail, 'USD cap').filter({ hasText: '$30.00' }).waitFor()
    await expect(
      page.getByText('Key type: INFERENCE. A key’s type cannot be changed: to get another type, create a new key.').isVisible(),
    ).resolves.toBe(true)
    await expect(detail.getByRole('radio', { name: /^Admin:/ }).count()).resolves.toBe(0)

    const save = page.getByRole('button', { name: 'Save changes' })
    const patches = () => adminCalls(admin.apiKey).filter((c) => c.method === 'PATCH')

    // Nothing changed: nothing sent.
    await save.click()
    await page.getByRole('status').filter({ hasText: 'Nothing changed' }).waitFor()
    expect(patches()).toEqual([])

    // Description and a DIEM cap.
    await page.getByLabel('Description').fill('edited key')
    await page.getByLabel('DIEM limit').fill('12')
    await save.click()
    await page.getByRole('status').filter({ hasText: 'Changed: description, limits.' }).waitFor()
    await statValue(detail, 'DIEM cap').filter({ hasText: '12 DIEM' }).waitFor()
    await detail.getByRole('heading', { name: `edited key (…${last6(target.apiKey)})` }).waitFor()

    // Remove the USD cap.
    await page.getByLabel('USD limit').fill('')
    await save.click()
    await page.getByRole('status').filter({ hasText: 'Changed: limits.' }).waitFor()
    await statValue(detail, 'USD cap').filter({ hasText: 'No cap' }).waitFor()

    // Remove the expiry.
    await page.getByRole('radio', { name: 'Never expires' }).check()
    await save.click()
    await page.getByRole('status').filter({ hasText: 'Changed: expiry.' }).waitFor()
    await statValue(detail, 'Expires').filter({ hasText: 'Never' }).waitFor()

    expect(patches()).toEqual([
      {
        method: 'PATCH',
        path: '/api_keys',
        query: '',
        status: 200,
        body: { id: target.id, description: 'edited key', consumptionLimit: { diem: 12 } },
      },
      { method: 'PATCH', path: '/api_keys', query: '', status: 200, body: { id: target.id, consumptionLimit: { usd: null } } },
      { method: 'PATCH', path: '/api_keys', query: '', status: 200, body: { id: target.id, expiresAt: null } },
    ])

    await page.getByRole('button', { name: 'Back to all keys' }).click()
    const row = rowOf(page, 'edited key')
    await row.waitFor()
    await expect.poll(async () => (await rowCells(row)).slice(5, 7)).toEqual(['never', '12 DIEM per day'])
    await expect(rowOf(page, 'edit me').count()).resolves.toBe(0)
    // Each change made Venice's answers stale: the key and the list were read again (4 times each: once, then after each PATCH).
    const reads = adminCalls(admin.apiKey).filter((c) => c.method === 'GET')
    expect(reads.map((c) => c.path).sort()).toEqual([...Array(4).fill('/api_keys'), ...Array(4).fill(`/api_keys/${target.id}`)])
    await expectClean(session, admin.apiKey)
  })

  it('revokes another key after a confirmation naming it, and the key in use only after a second one', async () => {
    const wallet = newWallet()
    const control = world.venice.control
    const admin = control.seedKey(wallet, { description: 'my admin', createdAt: daysAgo(1) })
    const old = control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'old key' })
    const other = control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'kept key', createdAt: daysAgo(2) })
    control.clearRequests()
    const session = await open()
    const { page } = session
    // Another key in this session first, so the session list outlives the ADMIN key.
    await pasteKey(page, other.apiKey)
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await page.getByRole('link', { name: 'Add another key' }).click()
    await openAdminConsole(page, admin.apiKey)
    await expect(keyRows(page).count()).resolves.toBe(3)

    const oldName = `old key (…${last6(old.apiKey)})`
    await page.getByRole('button', { name: `Manage ${oldName}` }).click()
    await page.getByRole('button', { name: `Revoke ${oldName}…` }).click()
    const confirm = page.getByRole('group', { name: `Revoke ${oldName}?` })
    await confirm.waitFor()
    await expect(confirm.getByText('Every app using it stops working at once.').isVisible()).resolves.toBe(true)
    const deletes = () => adminCalls(admin.apiKey).filter((c) => c.method === 'DELETE')
    expect(deletes()).toEqual([])
    await confirm.getByRole('button', { name: `Yes, revoke ${oldName}` }).click()
    await keysTable(page).waitFor()
    await page.getByRole('status').filter({ hasText: '2 active keys.' }).waitFor()
    expect(await rowHeaders(page)).toEqual(['my admin', 'kept key'])
    expect(deletes()).toEqual([{ method: 'DELETE', path: '/api_keys', query: `id=${old.id}`, body: undefined, status: 200 }])

    // The key in use.
    const adminName = `my admin (…${last6(admin.apiKey)})`
    await page.getByRole('button', { name: `Manage ${adminName}` }).click()
    await page.getByRole('heading', { name: adminName }).getByText('in use here').waitFor()
    await page.getByRole('button', { name: `Revoke ${adminName}…` }).click()
    const first = page.getByRole('group', { name: `Revoke ${adminName}?` })
    await first.getByRole('status').filter({ hasText: 'This is the key this page is using' }).waitFor()
    await first.getByRole('button', { name: `Yes, revoke ${adminName}` }).click()
    const second = page.getByRole('group', { name: `Really revoke ${adminName}, the key you are using here?` })
    await second.waitFor()
    await expect(
      second.getByText(/This console will close, the key will be removed from this browser/).isVisible(),
    ).resolves.toBe(true)
    expect(deletes()).toHaveLength(1) // still only the other key
    await second.getByRole('button', { name: 'Yes, revoke the key I am using' }).click()

    await page.getByRole('heading', { name: 'Your Venice API key, from your staked VVV' }).waitFor()
    const sessionKeys = page.getByRole('region', { name: 'Your keys in this session' })
    await expect(sessionKeys.getByRole('listitem').count()).resolves.toBe(1)
    await expect(sessionKeys.textContent()).resolves.not.toContain(last6(admin.apiKey))
    await expect(sessionKeys.textContent()).resolves.toContain(last6(other.apiKey))
    const calls = adminCalls(admin.apiKey)
    expect(deletes()).toEqual([
      { method: 'DELETE', path: '/api_keys', query: `id=${old.id}`, body: undefined, status: 200 },
      { method: 'DELETE', path: '/api_keys', query: `id=${admin.id}`, body: undefined, status: 200 },
    ])
    // Nothing asked Venice again with the revoked key: the user's next request (a refresh of the
    // key left) reaches the stand-in after anything the revoke itself set off, and is counted.
    await sessionKeys.getByRole('link', { name: new RegExp(last6(other.apiKey)) }).click()
    const refresh = page.getByRole('button', { name: 'Refresh', exact: true })
    await refresh.waitFor()
    const keptCalls = veniceRequests(world, { secret: other.apiKey }).length
    await refresh.click()
    await expect.poll(() => veniceRequests(world, { secret: other.apiKey }).length).toBe(keptCalls + 1)
    expect(adminCalls(admin.apiKey)).toEqual(calls)
    expect(calls.at(-1)).toMatchObject({ method: 'DELETE', query: `id=${admin.id}` })
    await expectClean(session, admin.apiKey)
  })
})

describe('ADMIN console: on a phone', () => {
  it('fits a 390 px wide screen: wide tables scroll inside themselves, the page does not', async () => {
    const wallet = newWallet()
    const admin = world.venice.control.seedKey(wallet, { description: 'phone admin' })
    world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'a second key', consumptionLimits: { usd: 5 } })
    const session = await open()
    const { page } = session
    await page.setViewportSize({ width: 390, height: 844 })
    await openAdminConsole(page, admin.apiKey)
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: window.innerWidth }))
    expect(widths.page).toBeLessThanOrEqual(widths.screen)
    await expectClean(session, admin.apiKey)
  })
})

describe('ADMIN console: who gets it', () => {
  it('never loads the console for an INFERENCE key', async () => {
    const wallet = newWallet()
    const key = world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'plain' })
    world.venice.control.clearRequests()
    const session = await open()
    const { page } = session
    await pasteKey(page, key.apiKey)
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await page.waitForLoadState('networkidle')
    await session.settled()
    expect(loadedAssets(session, world)).not.toContain(chunkFileOf('src/features/admin/index.ts'))
    await expect(page.getByRole('heading', { name: /Account administration/ }).count()).resolves.toBe(0)
    expect(veniceRequests(world, { secret: key.apiKey }).map((c) => `${c.method} ${c.path}`)).toEqual([
      'GET /api_keys/rate_limits',
    ])
    await expectClean(session, key.apiKey)
  })

  it('hides the console, with the reason, for an ADMIN-prefixed key Venice refuses as not ADMIN', async () => {
    const wallet = newWallet()
    const admin = world.venice.control.seedKey(wallet, { description: 'doubtful admin' })
    world.venice.control.clearRequests()
    world.venice.control.failNext(
      { method: 'GET', path: '/api_keys' },
      { kind: 'status', status: 401, body: { error: 'Admin API key required' } },
    )
    const session = await open()
    const { page } = session
    await pasteKey(page, admin.apiKey)
    await openKeySection(page, 'ADMIN console')
    const refused = page.getByRole('status').filter({ hasText: 'This is not an ADMIN key after all' })
    await refused.waitFor()
    await expect(refused.textContent()).resolves.toContain('Venice answered “Admin API key required”')
    await expect(page.getByRole('tablist', { name: 'Account administration' }).count()).resolves.toBe(0)
    await expect(page.getByRole('table', { name: 'Active keys of this account' }).count()).resolves.toBe(0)
    expect(loadedAssets(session, world)).toContain(chunkFileOf('src/features/admin/index.ts'))
    // Asked once, not retried.
    expect(adminCalls(admin.apiKey)).toEqual([{ method: 'GET', path: '/api_keys', query: '', body: undefined, status: 401 }])

    // Asking again (the refusal was forced once) opens the console.
    await page.getByRole('button', { name: 'Ask Venice again' }).click()
    await keysTable(page).waitFor()
    expect(adminCalls(admin.apiKey).map((c) => `${c.method} ${c.path} ${c.status}`)).toEqual([
      'GET /api_keys 401',
      'GET /api_keys 200',
    ])
    // The dashboard works all along.
    await openKeySection(page, 'Overview')
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await expectClean(session, admin.apiKey)
  })
})
