/**
 * The sign-in itself: never blind-signing a hostile answer, signing exactly what Venice sent, and
 * Venice's documented sign-in errors and account switches, in words with the next step.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { hexToString, isHex } from 'viem'
import { HOSTILE_SIGN_INS, type HostileSignIn, type SignInFlow } from '../support/venice'
import { newHolder, openApp, startE2EWorld, veniceCalls, type AppSession, type E2EWorld } from './fixture'
import { confirmSignature, mintAndSign, mintButton, readyToMint, signatureReview } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const PATH = '/api_keys/generate_web3_key'
const calls = () => veniceCalls(world, PATH)
const posts = () => calls().filter((call) => call.startsWith('POST'))
const sessions: AppSession[] = []
afterEach(async () => {
  world.venice.control.setLatency(0)
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

/** `shared`: the caller closes it (a session for several tests). */
async function onMintPage({ shared = false } = {}): Promise<AppSession> {
  const holder = await newHolder(world)
  world.venice.control.clearRequests()
  const session = await openApp(world, { privateKey: holder.privateKey })
  if (!shared) sessions.push(session)
  await readyToMint(session.page)
  return session
}

const signRequests = (session: AppSession) => session.wallet!.requests().filter((r) => r.method === 'personal_sign')

/** The text the wallet was asked to sign (wagmi sends it hex-encoded). */
function signedText(session: AppSession, index = 0): string {
  const message = (signRequests(session)[index]!.params as [string, string])[0]
  return isHex(message) ? hexToString(message) : message
}

const REFUSED_BY: Record<HostileSignIn, string> = {
  'siwe-other-domain': 'domain',
  'challenge-other-address': 'address',
  'challenge-other-chain': 'chain',
  'challenge-other-uri': 'uri',
  'challenge-modified-statement': 'statement',
  'challenge-past-expiry': 'expiry',
  hex: 'jwt',
  megabyte: 'size',
  'not-jwt': 'jwt',
  'expired-jwt': 'expiry',
  neither: 'shape',
}

describe('never blind-sign', () => {
  let session: AppSession
  beforeAll(async () => {
    session = await onMintPage({ shared: true })
  })
  afterAll(() => session?.close())

  it.each(HOSTILE_SIGN_INS)('refuses %s in words: no wallet prompt, no POST', async (kind) => {
    world.venice.control.answerNextSignInWith(kind)
    const gets = calls().length
    await mintButton(session.page).click()
    await expect.poll(() => calls().length).toBe(gets + 1)
    const alert = session.page.getByRole('alert').filter({ hasText: `failed the "${REFUSED_BY[kind]}" check` })
    await alert.waitFor()
    expect(await alert.textContent()).toContain('Your wallet was not asked for anything and nothing was sent.')
    expect(await signatureReview(session.page).count()).toBe(0)
    expect(signRequests(session)).toEqual([])
    expect(posts()).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})

const FLOWS: SignInFlow[] = ['token', 'challenge']

describe.each(FLOWS)('the %s flow', (flow) => {
  beforeAll(() => world.venice.control.setSignInFlow(flow))

  it('signs byte for byte what the GET answered, and shows that text on demand', async () => {
    const session = await onMintPage()
    const { page } = session
    const get = page.waitForResponse((r) => r.url().includes(PATH) && r.request().method() === 'GET')
    await mintButton(page).click()
    const answer = ((await (await get).json()) as { data: { token?: string; message?: string } }).data
    const text = answer.token ?? answer.message!
    expect(flow === 'token' ? answer.token : answer.message).toBeDefined()

    const review = signatureReview(page)
    await review.getByText('Show the exact text your wallet will sign').click()
    expect(await review.getByTestId('sign-in-text').textContent()).toBe(text)
    await expect(
      review.getByText(flow === 'challenge' ? 'Why your wallet may warn you' : /Venice’s one-time token/).isVisible(),
    ).resolves.toBe(true)
    await confirmSignature(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    expect(signRequests(session)).toHaveLength(1)
    expect(signedText(session)).toBe(text)
    const body = world.venice.control.requests().find((r) => r.method === 'POST')!.body as Record<string, unknown>
    expect(body[flow === 'token' ? 'token' : 'message']).toBe(text)
  })

  it('says "Could not verify wallet signature" is Venice’s passing trouble, and the next try mints', async () => {
    const session = await onMintPage()
    world.venice.control.failNextSignatureChecks()
    await mintAndSign(session.page)
    await session.page.getByRole('alert').filter({ hasText: 'Could not verify wallet signature' }).waitFor()
    await session.page.getByText(/a temporary failure on its side\). Nothing was created: try again/).waitFor()
    await mintAndSign(session.page)
    await session.page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    expect(calls()).toEqual(['GET 200', 'POST 400', 'GET 200', 'POST 200'])
  })

  it('after "already been used", says the key may exist and points to the ADMIN list', async () => {
    const session = await onMintPage()
    const used = flow === 'token' ? 'This token has already been used' : 'This challenge has already been used'
    world.venice.control.failNext({ method: 'POST', path: PATH }, { kind: 'status', status: 400, body: { error: used } })
    await mintAndSign(session.page)
    const alert = session.page.getByRole('alert').filter({ hasText: 'The key may have been minted' })
    await alert.waitFor()
    expect(await alert.textContent()).toContain(used)
    await session.page.getByText(/The key may exist: an ADMIN key of this account lists every key/).waitFor()
    expect(posts()).toEqual(['POST 400'])
  })

  it('a Stop waiting after the POST went out says the outcome is unknown', async () => {
    const session = await onMintPage()
    await mintButton(session.page).click()
    await signatureReview(session.page).waitFor()
    world.venice.control.setLatency(3_000)
    await confirmSignature(session.page)
    // Once Venice has the POST (its answer held back), the user gives up waiting.
    await expect.poll(() => posts().length, { timeout: 20_000 }).toBe(1)
    await session.page.getByRole('button', { name: 'Stop waiting' }).click()
    await session.page.getByText('The outcome is unknown').waitFor()
    await session.page.getByText(/Venice may still create the key; this page will not see its secret/).waitFor()
    expect(posts().length).toBe(1)
  })
})

describe('the challenge is bound to the wallet', () => {
  beforeAll(() => world.venice.control.setSignInFlow('challenge'))

  it('drops a challenge when the account switches during the review, and fetches one for the new account', async () => {
    const session = await onMintPage()
    const next = await newHolder(world)
    const { page } = session
    await mintButton(page).click()
    await signatureReview(page).waitFor()
    await session.wallet!.switchAccount(next.privateKey)
    await page.getByText('Your wallet switched accounts').waitFor()
    expect(await signatureReview(page).count()).toBe(0)
    expect(signRequests(session)).toEqual([])

    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    const gets = world.venice.control.requests().filter((r) => r.method === 'GET' && r.path.includes(PATH))
    expect(gets.map((r) => r.path.split('address=')[1])).toEqual([expect.any(String), next.address])
    expect(signedText(session)).toContain(`\n${next.address}\n`)
  })

  it('shows "different wallet address" with the way out: start again for the current account', async () => {
    const session = await onMintPage()
    world.venice.control.failNext(
      { method: 'POST', path: PATH },
      { kind: 'status', status: 400, body: { error: 'This challenge was issued for a different wallet address' } },
    )
    await mintAndSign(session.page)
    await session.page.getByRole('alert').filter({ hasText: 'issued for a different wallet address' }).waitFor()
    await session.page.getByText(/Start again: this page fetches a challenge for the account your wallet is on now/).waitFor()
  })
})
