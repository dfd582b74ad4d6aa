/**
 * The app against a Venice that hangs, loses answers after doing the work, drifts from its
 * contract or sends a huge message (docs/resilience.md). Each scenario checks what the user sees
 * and, in the stand-in's log, what went over the wire.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { newHolder, openApp, startE2EWorld, veniceRequests, type AppSession, type E2EWorld } from './fixture'
import { chooseKeyOptions, mintAndSign, openAdminConsole, openAdminTab, overflowingElements, pasteKey, readyToMint } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())
const sessions: AppSession[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

const RATE_LIMITS = '/api_keys/rate_limits'
/** Just past the app's 20 s request timeout. */
const PAST_TIMEOUT_MS = 20_500

async function open(options: Parameters<typeof openApp>[1] = {}): Promise<AppSession> {
  const session = await openApp(world, options)
  sessions.push(session)
  return session
}

/** A page whose clock the test can move (for the 20 s timeout), starting at the stand-in's time. */
const withMovableClock = { beforeLoad: (page: Page) => page.clock.install({ time: world.venice.control.clock.now() }) }

function adminOfNewAccount() {
  const wallet = privateKeyToAccount(generatePrivateKey()).address
  world.venice.control.setBalances(wallet, { usd: 20 })
  return { wallet, admin: world.venice.control.seedKey(wallet, { apiKeyType: 'ADMIN', description: 'my admin' }) }
}

const writes = (secret: string) => veniceRequests(world, { secret }).filter((call) => call.method !== 'GET')

describe('nothing waits forever', () => {
  it('a dashboard whose request hangs says so after 20 s, and Refresh then works', async () => {
    const wallet = privateKeyToAccount(generatePrivateKey()).address
    world.venice.control.setBalances(wallet, { usd: 4 })
    const key = world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'stuck' })
    world.venice.control.failNext({ method: 'GET', path: RATE_LIMITS }, { kind: 'hang' })
    const { page } = await open(withMovableClock)
    await pasteKey(page, key.apiKey)
    await page.getByText('Asking Venice…').waitFor()
    await page.clock.runFor(PAST_TIMEOUT_MS)
    await page.getByRole('alert').filter({ hasText: 'Venice did not answer in time' }).waitFor()
    await page.getByRole('button', { name: 'Refresh' }).click()
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    expect(veniceRequests(world, { secret: key.apiKey }).map((call) => call.status)).toEqual(['hung', 200])
  })

  it('a mint whose answer never comes says the key may have been minted, not that it failed', async () => {
    const holder = await newHolder(world)
    world.venice.control.failNext(
      { method: 'POST', path: '/api_keys/generate_web3_key' },
      { kind: 'afterProcessing', then: 'hang' },
    )
    const session = await open({ privateKey: holder.privateKey, ...withMovableClock })
    const { page } = session
    await readyToMint(page)
    await mintAndSign(page)
    // Venice has the POST (and makes the key); its answer never comes.
    await expect.poll(() => world.venice.control.requests().filter((r) => r.method === 'POST').length).toBe(1)
    await page.clock.runFor(PAST_TIMEOUT_MS)
    const alert = page.getByRole('alert').filter({ hasText: 'The key may have been minted' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Venice did not answer in time')
    const posts = world.venice.control.requests().filter((r) => r.method === 'POST')
    expect(posts.map((r) => [r.status, r.processedAs])).toEqual([['hung', 200]])
    expect(session.pageErrors).toEqual([])
  })
})

describe('uncertain ADMIN writes', () => {
  // A dropped connection would do too, but Chromium then resends the POST by itself (and makes a second key).
  it('a create whose answer was unreadable after Venice made the key: "may have been created", and the check finds it', async () => {
    const { admin } = adminOfNewAccount()
    world.venice.control.failNext({ method: 'POST', path: '/api_keys' }, { kind: 'afterProcessing', then: 'malformed-json' })
    const { page } = await open()
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Create a key')
    await chooseKeyOptions(page, { description: 'lost answer' })
    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    const notice = page
      .getByRole('status')
      .filter({ hasText: 'The key may have been created: Venice sent an answer this app does not understand' })
    await notice.waitFor()
    expect(await notice.textContent()).not.toContain('was not created')
    await notice.getByRole('button', { name: 'Check with Venice' }).click()
    await notice.getByText(/^It was: lost answer \(…\w{6}\) is in the key list\./).waitFor()
    expect(writes(admin.apiKey).map((call) => `${call.method} ${call.status}`)).toEqual(['POST 200'])
  })

  it('a revoke answered 502 after it was done: "may have been revoked", and the check says it was', async () => {
    const { wallet, admin } = adminOfNewAccount()
    const old = world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'old key' })
    world.venice.control.failNext(
      { method: 'DELETE', path: '/api_keys' },
      { kind: 'afterProcessing', then: { status: 502, body: { error: 'Bad gateway' } } },
    )
    const { page } = await open()
    await openAdminConsole(page, admin.apiKey)
    const name = `old key (…${old.apiKey.slice(-6)})`
    await page.getByRole('button', { name: `Manage ${name}` }).click()
    await page.getByRole('button', { name: `Revoke ${name}…` }).click()
    await page.getByRole('button', { name: `Yes, revoke ${name}` }).click()
    const notice = page.getByRole('status').filter({ hasText: 'The key may have been revoked: Venice had a problem (502)' })
    await notice.waitFor()
    await notice.getByRole('button', { name: 'Check with Venice' }).click()
    await notice.getByText('It was: the key is no longer listed.').waitFor()
    expect(writes(admin.apiKey).map((call) => `${call.method} ${call.status}`)).toEqual(['DELETE 502'])
  })
})

describe('a drifting API', () => {
  it('keeps the secret of a created key whose other fields drifted (a new enum, numbers as text)', async () => {
    const { admin } = adminOfNewAccount()
    world.venice.control.failNext(
      { method: 'POST', path: '/api_keys' },
      {
        kind: 'drift',
        rewrite: (body) => {
          const { data } = body as { data: Record<string, unknown> }
          Object.assign(data, { modelPrivacy: 'PRIVATE_PLUS', limitPeriod: 7, consumptionLimit: { usd: '15', diem: 'none' } })
          return body
        },
      },
    )
    const { page } = await open()
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Create a key')
    await chooseKeyOptions(page, { description: 'drifted answer' })
    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
  })

  it('shows the other keys when one listed key cannot be read, and a new rate-limit type as a column of its own', async () => {
    const { wallet, admin } = adminOfNewAccount()
    world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'fine key' })
    world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'odd key' })
    world.venice.control.failNext(
      { method: 'GET', path: '/api_keys' },
      {
        kind: 'drift',
        rewrite: (body) => {
          const { data } = body as { data: Record<string, unknown>[] }
          for (const key of data) if (key.description === 'odd key') key.createdAt = { seconds: 1 }
          return body
        },
      },
    )
    world.venice.control.failNext(
      { method: 'GET', path: RATE_LIMITS },
      {
        kind: 'drift',
        rewrite: (body) => {
          const { data } = body as { data: { rateLimits: { rateLimits: { type: string; amount: number }[] }[] } }
          data.rateLimits[0]!.rateLimits.push({ type: 'TPD', amount: 1_000_000 })
          return body
        },
      },
    )
    const { page } = await open()
    await openAdminConsole(page, admin.apiKey)
    const table = page.getByRole('table', { name: 'Active keys of this account' })
    await table.getByRole('rowheader', { name: 'fine key' }).waitFor()
    await expect(table.getByRole('rowheader', { name: 'odd key' }).count()).resolves.toBe(0)
    await page.getByText('1 key could not be read').waitFor()

    await page.getByRole('navigation', { name: 'This key' }).getByRole('link', { name: 'Rate limits', exact: true }).click()
    await page.getByRole('columnheader', { name: /TPD \(new\)/ }).waitFor()
  })
})

describe('text from outside', () => {
  it('shows a 2 MB right-to-left error cut, whole on demand, and the page keeps its width', async () => {
    const wallet = privateKeyToAccount(generatePrivateKey()).address
    world.venice.control.setBalances(wallet, { usd: 4 })
    const key = world.venice.control.seedKey(wallet, { apiKeyType: 'INFERENCE', description: 'huge error' })
    const huge = `\u202E${'مرحبا'.repeat(400_000)}`
    world.venice.control.failNext({ method: 'GET', path: RATE_LIMITS }, { kind: 'status', status: 400, body: { error: huge } })
    const { page } = await page390()
    await pasteKey(page, key.apiKey)
    const alert = page.getByRole('alert').filter({ hasText: 'Venice refused the request (400)' })
    await alert.waitFor()
    expect(((await alert.textContent()) ?? '').length).toBeLessThan(2_000)
    await expect(alert.locator('bdi').count()).resolves.toBeGreaterThan(0)
    await expect(overflowingElements(page)).resolves.toEqual([])
    await alert.getByRole('button', { name: 'Show the first 20,000 of 2,000,001 characters' }).click()
    await alert.getByRole('button', { name: 'Show less' }).waitFor()
    await expect(overflowingElements(page)).resolves.toEqual([])
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.getByRole('button', { name: 'Save all 2,000,001 characters as a file' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('venice-message.txt')
  })

  async function page390(): Promise<AppSession> {
    const session = await open()
    await session.page.setViewportSize({ width: 390, height: 800 })
    return session
  }
})

describe('the error budget', () => {
  it('a refused key’s dashboard stops asking: 60 focus changes and 30 offline/online flips send no request', async () => {
    const unknown = `VENICE_INFERENCE_KEY_${'x'.repeat(30)}`
    const session = await open()
    const { page } = session
    await pasteKey(page, unknown)
    await page.getByRole('alert').filter({ hasText: 'This key is invalid, expired or revoked' }).waitFor()
    await page.getByText('Venice refused the last request, so this page stopped asking.').waitFor()
    for (let flip = 0; flip < 30; flip++) {
      await page.evaluate(() => {
        window.dispatchEvent(new Event('visibilitychange'))
        window.dispatchEvent(new Event('focus'))
      })
      await session.context.setOffline(true)
      await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')))
      await session.context.setOffline(false)
    }
    // A request the user asks for lands after any the burst could have started.
    await page.getByRole('button', { name: 'Refresh' }).click()
    const refused = () => veniceRequests(world, { secret: unknown }).filter((call) => call.status === 401).length
    await expect.poll(refused).toBe(2)
    await page.getByText('Venice refused the last request, so this page stopped asking.').waitFor()
    expect(refused()).toBe(2)
  })
})

describe('revealed once means once', () => {
  it('a created key saved in the console is not shown again after switching tabs', async () => {
    const { admin } = adminOfNewAccount()
    const { page } = await open()
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Create a key')
    await chooseKeyOptions(page, { description: 'shown once' })
    await page.getByRole('button', { name: 'Create key', exact: true }).click()
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    await page.getByRole('button', { name: 'I have saved it' }).click()
    await openAdminTab(page, 'Keys')
    await openAdminTab(page, 'Create a key')
    await page.getByRole('heading', { name: 'Create a key' }).waitFor()
    await expect(page.getByTestId('secret-value').count()).resolves.toBe(0)
    // Nor on the key's own page.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Keys', exact: true }).click()
    await page.getByRole('link', { name: /shown once/ }).click()
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await expect(page.getByTestId('secret-value').count()).resolves.toBe(0)
  })
})
