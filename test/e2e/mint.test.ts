/** The wallet mint as a user walks it, in both of Venice's sign-in flows. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyMessage } from 'viem'
import type { SignInFlow } from '../support/venice'
import { leaksOf, newHolder, openApp, startE2EWorld, type E2EWorld } from './fixture'
import {
  chooseKeyOptions,
  confirmSignature,
  connectTestWallet,
  mintAndSign,
  mintButton,
  openKeySection,
  readyToMint,
  revealSecret,
  signatureReview,
  startMinting,
} from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const TOKEN_PATH = '/api/v1/api_keys/generate_web3_key'
const mintCalls = () =>
  world.venice.control.requests().filter((r) => r.path.split('?')[0] === TOKEN_PATH && r.method !== 'OPTIONS')

function futureDay(days: number): string {
  return new Date(world.venice.control.clock.now() + days * 86_400_000).toISOString().slice(0, 10)
}

const FLOWS: { flow: SignInFlow; proof: 'token' | 'message' }[] = [
  { flow: 'token', proof: 'token' },
  { flow: 'challenge', proof: 'message' },
]

describe.each(FLOWS)('minting with a wallet ($flow flow)', ({ flow, proof }) => {
  beforeAll(() => world.venice.control.setSignInFlow(flow))

  it('mints an INFERENCE key with every option, reveals it once, and opens its dashboard', async () => {
    const holder = await newHolder(world)
    world.venice.control.setBalances(holder.address, { usd: 12.5, diem: 3.25, bundledCredits: 1 })
    world.venice.control.clearRequests()
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await readyToMint(page)
    const expiry = futureDay(30)
    await chooseKeyOptions(page, {
      description: 'agent key',
      expiryDate: expiry,
      usd: '25',
      diem: '10.5',
      period: 'MONTH',
      privacy: 'PRIVATE_ONLY',
    })
    await mintButton(page).click()
    // Nothing is signed before the user has read what it authorizes.
    await signatureReview(page).waitFor()
    expect(session.wallet!.requests().some((r) => r.method === 'personal_sign')).toBe(false)
    expect(mintCalls().map((c) => c.method)).toEqual(['GET'])
    await confirmSignature(page)

    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    await page.getByText('Venice will never show this key again').waitFor()
    const secret = await revealSecret(page)
    expect(secret).toMatch(/^VENICE_INFERENCE_KEY_/)

    const calls = mintCalls()
    expect(calls.map((c) => c.method)).toEqual(['GET', 'POST'])
    expect(calls[0]!.path).toBe(`${TOKEN_PATH}?address=${holder.address}`)
    const post = calls[1]!
    const body = post.body as Record<string, unknown>
    expect(Object.keys(body).sort()).toEqual(
      [
        'address',
        'apiKeyType',
        'consumptionLimit',
        'description',
        'expiresAt',
        'limitPeriod',
        'modelPrivacy',
        'signature',
        proof,
      ].sort(),
    )
    expect(body).toMatchObject({
      address: holder.address,
      apiKeyType: 'INFERENCE',
      description: 'agent key',
      expiresAt: expiry,
      consumptionLimit: { usd: 25, diem: 10.5 },
      limitPeriod: 'MONTH',
      modelPrivacy: 'PRIVATE_ONLY',
    })
    expect(post.headers.authorization).toBeUndefined()
    expect(
      await verifyMessage({
        address: holder.address,
        message: body[proof] as string,
        signature: body.signature as `0x${string}`,
      }),
    ).toBe(true)

    // The dashboard of the new key, from the stand-in's rate_limits.
    await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
    await expect(page.getByText('Permitted', { exact: true }).isVisible()).resolves.toBe(true)
    await expect(page.getByText('$12.50').isVisible()).resolves.toBe(true)
    await openKeySection(page, 'Rate limits')
    await page.getByRole('heading', { name: 'Rate limits per model' }).waitFor()
    await expect(page.getByRole('row', { name: /zai-org-glm-5-1/ }).isVisible()).resolves.toBe(true)
    expect(await leaksOf(session, secret, world.venice.url)).toEqual([])
    expect(session.pageErrors).toEqual([])
    await session.close()
  })

  it('mints an ADMIN key only after showing what such a key can do', async () => {
    const holder = await newHolder(world)
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    await chooseKeyOptions(page, { type: 'ADMIN' })
    await page.getByText('This is an ADMIN key').waitFor()
    await expect(
      page
        .getByText(/can create, change and revoke every key/)
        .first()
        .isVisible(),
    ).resolves.toBe(true)
    await mintButton(page).click()
    const review = signatureReview(page)
    await review.getByText('one ADMIN API key').waitFor()
    await expect(review.getByText(/ADMIN key\. An ADMIN key can create, change and revoke every key/).isVisible()).resolves.toBe(
      true,
    )
    await confirmSignature(page)
    await page.getByRole('heading', { name: 'Your new ADMIN key' }).waitFor()
    expect((mintCalls().at(-1)!.body as { apiKeyType: string }).apiKeyType).toBe('ADMIN')
    await session.close()
  })

  it('tells a wallet with no sVVV before any signature, and never posts', async () => {
    const holder = await newHolder(world, { svvv: '0', vvv: '42' })
    world.venice.control.clearRequests()
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    await page.getByText('This wallet has no staked VVV on Base').waitFor()
    await expect(page.getByText(/holds 42 VVV that could be staked/).isVisible()).resolves.toBe(true)
    await expect(mintButton(page).isDisabled()).resolves.toBe(true)
    await expect(page.getByText('Venice would refuse: this wallet has no staked VVV.').isVisible()).resolves.toBe(true)
    expect(session.wallet!.requests().some((r) => r.method === 'personal_sign')).toBe(false)
    expect(mintCalls()).toEqual([])
    await session.close()
  })

  it('keeps the form after a declined signature, sends nothing, and mints on retry with the same token', async () => {
    const holder = await newHolder(world)
    world.venice.control.clearRequests()
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    await chooseKeyOptions(page, { description: 'kept after rejection', usd: '7' })
    session.wallet!.rejectNext()
    await mintAndSign(page)
    await page.getByText('You declined the signature').waitFor()
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('kept after rejection')
    await expect(page.getByLabel('USD limit').inputValue()).resolves.toBe('7')
    expect(mintCalls().map((c) => c.method)).toEqual(['GET'])

    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    expect(mintCalls().map((c) => c.method)).toEqual(['GET', 'POST'])
    expect((mintCalls()[1]!.body as { description: string }).description).toBe('kept after rejection')
    await session.close()
  })

  it('fetches a fresh one instead of signing one within a minute of its expiry', async () => {
    const holder = await newHolder(world)
    world.venice.control.clearRequests()
    // The page's clock starts at the stand-in's, which earlier tests of this file may have moved on.
    const session = await openApp(world, {
      privateKey: holder.privateKey,
      beforeLoad: (page) => page.clock.install({ time: world.venice.control.clock.now() }),
    })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    session.wallet!.rejectNext()
    await mintAndSign(page)
    await page.getByText('You declined the signature').waitFor()

    const fourteenAndHalfMinutes = 14.5 * 60_000
    world.venice.control.clock.advance(fourteenAndHalfMinutes)
    await page.clock.fastForward(fourteenAndHalfMinutes)
    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()

    const calls = mintCalls()
    expect(calls.map((c) => c.method)).toEqual(['GET', 'GET', 'POST'])
    const signed = session.wallet!.requests().filter((r) => r.method === 'personal_sign')
    expect(signed).toHaveLength(2)
    const [first, second] = calls.filter((c) => c.method === 'GET').map((c) => c.time)
    expect(second! - first!).toBeGreaterThanOrEqual(fourteenAndHalfMinutes)
    await session.close()
  })

  it('a Cancel on the review sends nothing and keeps the form; the next try shows the same sign-in', async () => {
    const holder = await newHolder(world)
    world.venice.control.clearRequests()
    const session = await openApp(world, { privateKey: holder.privateKey })
    const { page } = session
    await connectTestWallet(page)
    await startMinting(page)
    await chooseKeyOptions(page, { description: 'kept after cancel' })
    await mintButton(page).click()
    await signatureReview(page).getByRole('button', { name: 'Cancel' }).click()
    await page.getByText('Nothing was sent to Venice. Your settings are kept.').waitFor()
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('kept after cancel')
    expect(session.wallet!.requests().some((r) => r.method === 'personal_sign')).toBe(false)

    await mintAndSign(page)
    await page.getByRole('heading', { name: 'Your new INFERENCE key' }).waitFor()
    expect(mintCalls().map((c) => c.method)).toEqual(['GET', 'POST'])
    await session.close()
  })
})
