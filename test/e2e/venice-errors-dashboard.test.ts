/**
 * How a pasted key's dashboard meets Venice's failures on GET /api_keys/rate_limits: what the
 * user reads, and what went over the wire (the stand-in's log, preflights left out).
 */
import { randomBytes } from 'node:crypto'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { newHolder, openApp, startE2EWorld, veniceCalls, type AppSession, type E2EWorld } from './fixture'
import { openPastedKeyDashboard, watchTransientText } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const RATE_LIMITS = '/api_keys/rate_limits'
const rateLimitCalls = () => veniceCalls(world, RATE_LIMITS)
const sessions: AppSession[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

/** An INFERENCE key of a fresh account with some balance, and the home page (no wallet), with an empty log. */
async function withSeededKey(): Promise<{ session: AppSession; apiKey: string }> {
  const holder = await newHolder(world)
  world.venice.control.setBalances(holder.address, { usd: 4.5 })
  const { apiKey } = world.venice.control.seedKey(holder.address, { apiKeyType: 'INFERENCE' })
  world.venice.control.clearRequests()
  const session = await openApp(world)
  sessions.push(session)
  return { session, apiKey }
}

async function alertText(session: AppSession, title: string | RegExp): Promise<string> {
  const alert = session.page.getByRole('alert').filter({ hasText: title })
  await alert.waitFor()
  return (await alert.textContent()) ?? ''
}

/** The data from rate_limits is on the page. */
async function waitForData(session: AppSession): Promise<void> {
  await session.page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
  await expect(session.page.getByText('Permitted', { exact: true }).isVisible()).resolves.toBe(true)
  await expect(session.page.getByText('$4.50').isVisible()).resolves.toBe(true)
}

async function expectPageAlive(session: AppSession): Promise<void> {
  await expect(session.page.getByRole('heading', { name: /Pasted key/ }).isVisible()).resolves.toBe(true)
  expect(session.pageErrors).toEqual([])
}

/**
 * The query has settled: no request in flight, no retry pending (the error notice shows only once
 * the retry policy gave up). Counting the log now sees every request the app decided to send; a
 * stray one sent later shows up in the next exact count, after the user's own next request.
 */
const settled = (session: AppSession) => session.page.getByRole('button', { name: 'Refresh', exact: true }).waitFor()

describe("a pasted key's dashboard when Venice fails", () => {
  it('reports malformed JSON and a wrong shape on rate_limits, never retries them, and shows the data on refresh', async () => {
    const { session, apiKey } = await withSeededKey()
    world.venice.control.failNext({ method: 'GET', path: RATE_LIMITS }, { kind: 'malformed-json' })
    await openPastedKeyDashboard(session.page, apiKey)
    let text = await alertText(session, 'Venice sent an answer this app does not understand')
    expect(text).toContain('not JSON')
    await settled(session)
    expect(rateLimitCalls()).toEqual(['GET 200'])
    await expectPageAlive(session)

    world.venice.control.failNext({ method: 'GET', path: RATE_LIMITS }, { kind: 'wrong-shape' })
    await session.page.getByRole('button', { name: 'Refresh' }).click()
    text = await alertText(session, /not in the expected shape/)
    expect(text).toContain('Venice sent an answer this app does not understand')
    await settled(session)
    expect(rateLimitCalls()).toEqual(['GET 200', 'GET 200'])
    await expectPageAlive(session)

    await session.page.getByRole('button', { name: 'Refresh' }).click()
    await waitForData(session)
    expect(rateLimitCalls()).toEqual(['GET 200', 'GET 200', 'GET 200'])
    await expect(session.page.getByRole('alert').count()).resolves.toBe(0)
  })

  it('says a well-formed but unknown key is invalid, expired or revoked, after one request', async () => {
    const unknownKey = `VENICE_INFERENCE_KEY_${randomBytes(24).toString('base64url')}`
    world.venice.control.clearRequests()
    const session = await openApp(world)
    sessions.push(session)
    await openPastedKeyDashboard(session.page, unknownKey)

    const text = await alertText(session, 'This key is invalid, expired or revoked')
    expect(text).toContain('Authentication failed')
    await settled(session)
    expect(rateLimitCalls()).toEqual(['GET 401'])
    const sent = world.venice.control.requests().find((r) => r.method === 'GET')!
    expect(sent.headers.authorization).toBe(`Bearer ${unknownKey}`)
    await session.page.getByText('Venice refused the last request, so this page stopped asking.', { exact: false }).waitFor()
    await expectPageAlive(session)

    // Only the user asks again: one more request, and nothing between the two.
    await session.page.getByRole('button', { name: 'Refresh', exact: true }).click()
    await expect.poll(rateLimitCalls).toEqual(['GET 401', 'GET 401'])
    await alertText(session, 'This key is invalid, expired or revoked')
    await settled(session)
    expect(rateLimitCalls()).toEqual(['GET 401', 'GET 401'])
  })

  it('says Venice is rate-limiting the key with the wait from Retry-After, then shows the data', async () => {
    const { session, apiKey } = await withSeededKey()
    world.venice.control.failNext(
      { method: 'GET', path: RATE_LIMITS },
      { kind: 'status', status: 429, headers: { 'Retry-After': '1' }, body: { error: 'Rate limit exceeded' } },
    )
    // The notice stands for about a second: a recorder in the page sees it even on a loaded machine.
    const noticesSeen = await watchTransientText(session.page, '[role="status"]', 'Venice is rate-limiting this key')
    await openPastedKeyDashboard(session.page, apiKey)

    await waitForData(session)
    expect(await noticesSeen()).toEqual([expect.stringContaining('Trying again in 1s, as Venice asked.')])
    await expect(session.page.getByText('Venice is rate-limiting this key').count()).resolves.toBe(0)
    expect(rateLimitCalls()).toEqual(['GET 429', 'GET 200'])
    const [limited, retried] = world.venice.control.requests().filter((r) => r.method === 'GET')
    expect(retried!.time - limited!.time).toBeGreaterThanOrEqual(950)
    await expect(session.page.getByRole('alert').count()).resolves.toBe(0)
    await expectPageAlive(session)
  })
})
