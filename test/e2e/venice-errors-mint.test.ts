/**
 * How the mint flow meets Venice's failures: what the user reads, and what went over the wire
 * (the stand-in's log, preflights left out). Forced failures come from the stand-in's control.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SignInFlow } from '../support/venice'
import { newHolder, openApp, startE2EWorld, veniceCalls, type AppSession, type E2EWorld } from './fixture'
import { chooseKeyOptions, mintAndSign, mintButton, readyToMint } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const TOKEN = '/api_keys/generate_web3_key'
const tokenCalls = () => veniceCalls(world, TOKEN)
const sessions: AppSession[] = []
afterEach(async () => {
  world.venice.control.setCors(true)
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

/** A fresh eligible holder on the mint page, with an empty request log. */
async function onMintPage(): Promise<AppSession> {
  const holder = await newHolder(world)
  world.venice.control.clearRequests()
  const session = await openApp(world, { privateKey: holder.privateKey })
  sessions.push(session)
  await readyToMint(session.page)
  return session
}

/** The error notice with this title, once shown; its whole text. */
async function alertText(session: AppSession, title: string | RegExp): Promise<string> {
  const alert = session.page.getByRole('alert').filter({ hasText: title })
  await alert.waitFor()
  return (await alert.textContent()) ?? ''
}

/** The page still stands (no blank page, no uncaught error). */
async function expectPageAlive(session: AppSession): Promise<void> {
  await expect(session.page.getByRole('heading', { name: 'Mint a Venice API key with your wallet' }).isVisible()).resolves.toBe(
    true,
  )
  expect(session.pageErrors).toEqual([])
}

/** The attempt has ended in a failure the user can retry: nothing in flight, no retry pending. */
async function failedForGood(session: AppSession): Promise<void> {
  await session.page.getByRole('button', { name: 'Try again', exact: true }).waitFor()
  await expect(mintButton(session.page).isEnabled()).resolves.toBe(true)
}

/**
 * The user tries again and the mint completes: the log then holds exactly what the failed attempt
 * sent, then a fresh sign-in and one POST. Anything the app had sent on its own in between (a retry)
 * would stand between the two.
 */
async function expectOnlyTheUserRetries(session: AppSession, failedAttempt: string[]): Promise<void> {
  await mintAndSign(session.page)
  await session.page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
  expect(tokenCalls()).toEqual([...failedAttempt, 'GET 200', 'POST 200'])
  expect(session.pageErrors).toEqual([])
}

const signatures = (session: AppSession) => session.wallet!.requests().filter((r) => r.method === 'personal_sign').length

const FLOWS: { flow: SignInFlow; expired: string }[] = [
  { flow: 'token', expired: 'JWT has expired' },
  { flow: 'challenge', expired: 'The challenge has expired' },
]

describe.each(FLOWS)('the mint meets failures ($flow flow)', ({ flow, expired }) => {
  beforeAll(() => world.venice.control.setSignInFlow(flow))

  describe('Venice refuses or fails the mint', () => {
    it('shows a 400 signature mismatch in words, keeps the form, and posts once', async () => {
      const session = await onMintPage()
      await chooseKeyOptions(session.page, { description: 'kept after a 400', usd: '5' })
      world.venice.control.failNext(
        { method: 'POST', path: TOKEN },
        { kind: 'status', status: 400, body: { error: 'Wallet signature does not match' } },
      )
      await mintAndSign(session.page)

      const text = await alertText(session, 'The key was not minted')
      expect(text).toContain('Venice refused the request (400)')
      expect(text).toContain('Wallet signature does not match')
      await session.page.getByText(/The signature is not from the wallet named in the request/).waitFor()
      await expect(session.page.getByLabel('Description').inputValue()).resolves.toBe('kept after a 400')
      await expect(session.page.getByLabel('USD limit').inputValue()).resolves.toBe('5')
      await expect(mintButton(session.page).textContent()).resolves.toBe('Try again')
      await failedForGood(session)
      expect(tokenCalls()).toEqual(['GET 200', 'POST 400'])
      await expectPageAlive(session)
      await expectOnlyTheUserRetries(session, ['GET 200', 'POST 400'])
    })

    it('shows a really expired sign-in (server clock 16 min ahead), posts once, and mints with a fresh one on the next click', async () => {
      const session = await onMintPage()
      // A declined signature leaves the token or challenge held in the app…
      session.wallet!.rejectNext()
      await mintAndSign(session.page)
      await session.page.getByText('You declined the signature').waitFor()
      // …then only Venice's clock passes 15 minutes: the app still thinks it is fresh and signs it.
      world.venice.control.clock.advance(16 * 60_000)
      await mintAndSign(session.page)

      const text = await alertText(session, 'The key was not minted')
      expect(text).toContain(expired)
      await session.page.getByText(/expired before Venice received it, so nothing was created/).waitFor()
      expect(tokenCalls()).toEqual(['GET 200', 'POST 400'])
      expect(signatures(session)).toBe(2)
      await expectPageAlive(session)

      // The failed POST spent it in the app: the next try fetches a fresh one.
      await mintAndSign(session.page)
      await session.page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
      expect(tokenCalls()).toEqual(['GET 200', 'POST 400', 'GET 200', 'POST 200'])
      expect(session.pageErrors).toEqual([])
    })

    it('shows a 429 on the mint POST with the wait from Retry-After, and never retries it', async () => {
      const session = await onMintPage()
      world.venice.control.failNext(
        { method: 'POST', path: TOKEN },
        { kind: 'status', status: 429, headers: { 'Retry-After': '30' }, body: { error: 'Rate limit exceeded' } },
      )
      await mintAndSign(session.page)

      const text = await alertText(session, 'The key was not minted')
      expect(text).toContain('Too many requests (429)')
      expect(text).toContain('Rate limit exceeded. Wait 30s before trying again.')
      await failedForGood(session)
      expect(tokenCalls()).toEqual(['GET 200', 'POST 429'])
      await expectPageAlive(session)
      await expectOnlyTheUserRetries(session, ['GET 200', 'POST 429'])
    })

    it('retries the token GET with backoff after two 500s and completes the mint', async () => {
      const session = await onMintPage()
      world.venice.control.failNext(
        { method: 'GET', path: TOKEN },
        { kind: 'status', status: 500, body: { error: 'Internal server error' } },
        2,
      )
      await mintAndSign(session.page)
      await session.page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()

      expect(tokenCalls()).toEqual(['GET 500', 'GET 500', 'GET 200', 'POST 200'])
      const [first, second, third] = world.venice.control
        .requests()
        .filter((r) => r.method === 'GET' && r.path.split('?')[0]!.endsWith(TOKEN))
      // Backoff: 500 ms, then 1 s (some slack for timers).
      expect(second!.time - first!.time).toBeGreaterThanOrEqual(450)
      expect(third!.time - second!.time).toBeGreaterThanOrEqual(900)
      expect(signatures(session)).toBe(1)
      expect(session.pageErrors).toEqual([])
    })

    it('shows a 500 on the mint POST with the warning that a key may exist, and never retries it', async () => {
      const session = await onMintPage()
      world.venice.control.failNext(
        { method: 'POST', path: TOKEN },
        { kind: 'status', status: 500, body: { error: 'Internal server error' } },
      )
      await mintAndSign(session.page)

      const text = await alertText(session, 'The key may have been minted')
      expect(text).toContain('Venice had a problem (500)')
      expect(text).toContain('Internal server error')
      await session.page.getByText(/Venice may have created a key whose secret this page never received/).waitFor()
      await failedForGood(session)
      expect(tokenCalls()).toEqual(['GET 200', 'POST 500'])
      await expectPageAlive(session)
      await expectOnlyTheUserRetries(session, ['GET 200', 'POST 500'])
    })
  })

  describe('Venice out of reach', () => {
    it('says Venice could not be reached when CORS blocks it: what the user can do, and the proxy recipe folded for hosts', async () => {
      const session = await onMintPage()
      world.venice.control.setCors(false)
      await mintButton(session.page).click()

      const text = await alertText(session, /Couldn't reach Venice/)
      expect(text).toContain('The key was not minted')
      expect(text).toContain('Check that you are online, then try again.')
      // The proxy recipe is for whoever hosts the page: folded away under its own question.
      const forHosts = session.page.getByRole('alert').getByText('Hosting this page?')
      await expect(session.page.getByText(/Proxy the Venice API/).isVisible()).resolves.toBe(false)
      await forHosts.click()
      await session.page
        .getByText(/CORS\)\. Serve the API through your own domain: see “Proxy the Venice API” in the README/)
        .waitFor()
      // The request left the browser; its answer was withheld. Nothing was signed or posted.
      expect(tokenCalls()).toEqual(['GET 200'])
      expect(signatures(session)).toBe(0)
      await expectPageAlive(session)

      world.venice.control.setCors(true)
      await mintAndSign(session.page)
      await session.page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    })

    it('says the API could not be reached when the connection drops on the token GET', async () => {
      const session = await onMintPage()
      world.venice.control.failNext({ method: 'GET', path: TOKEN }, { kind: 'drop' })
      await mintButton(session.page).click()

      const text = await alertText(session, /Couldn't reach Venice/)
      expect(text).toContain('The key was not minted')
      expect(text).toContain('No answer from')
      await failedForGood(session)
      expect(tokenCalls()).toEqual(['GET dropped'])
      expect(signatures(session)).toBe(0)
      await expectPageAlive(session)
      await expectOnlyTheUserRetries(session, ['GET dropped'])
    })
  })

  describe('Venice answers something unreadable', () => {
    it('reports malformed JSON and a wrong shape on the token GET, never retries them, and mints once the answer is right', async () => {
      const session = await onMintPage()
      world.venice.control.failNext({ method: 'GET', path: TOKEN }, { kind: 'malformed-json' })
      await mintButton(session.page).click()
      let text = await alertText(session, 'Venice sent an answer this app does not understand')
      expect(text).toContain('not JSON')
      expect(tokenCalls()).toEqual(['GET 200'])
      await expectPageAlive(session)

      world.venice.control.failNext({ method: 'GET', path: TOKEN }, { kind: 'wrong-shape' })
      await mintButton(session.page).click()
      text = await alertText(session, /not in the expected shape/)
      expect(text).toContain('Venice sent an answer this app does not understand')
      expect(tokenCalls()).toEqual(['GET 200', 'GET 200'])
      expect(signatures(session)).toBe(0)
      await expectPageAlive(session)

      await mintAndSign(session.page)
      await session.page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
      expect(tokenCalls()).toEqual(['GET 200', 'GET 200', 'GET 200', 'POST 200'])
      expect(session.pageErrors).toEqual([])
    })
  })
})
