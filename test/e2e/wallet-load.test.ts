/**
 * The wallet module (wagmi, RainbowKit) arrives while the user is busy: hovering or focusing
 * "Connect wallet" fetches it. Its arrival must not remount the page: what was typed, the tab
 * chosen, a secret revealed and marked saved, and keyboard focus all stay where they were.
 */
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { ROOT } from '../support/buildApp'
import { chunkFiles, entryKey, readManifest } from '../support/viteManifest'
import { chunkFileOf, fileOf, loadedAssets, openApp, startE2EWorld, type AppSession, type E2EWorld } from './fixture'
import { E2E_DIST } from './ports'
import { openAdminConsole, openAdminTab } from './ui'

let world: E2EWorld
beforeAll(async () => {
  world = await startE2EWorld()
})
afterAll(() => world?.stop())

const sessions: AppSession[] = []
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()))
})

async function open(options: Parameters<typeof openApp>[1] = {}): Promise<AppSession> {
  const session = await openApp(world, options)
  sessions.push(session)
  return session
}

/** The app's own "Connect wallet", shown until RainbowKit's (of the same name) replaces it. */
const ourConnect = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: 'Connect wallet', exact: true }).and(page.locator(':not([data-rk] *)'))
const rainbowConnect = (page: Page) => page.getByTestId('rk-connect-button')
const walletOption = (page: Page) =>
  page
    .getByRole('dialog')
    .getByTestId(/^rk-wallet-option-/)
    .first()

/** Hover "Connect wallet" and wait until the wallet module has arrived and RainbowKit's button stands in its place. */
async function loadWalletByHover(session: AppSession) {
  const { page } = session
  expect(loadedAssets(session, world)).not.toContain(chunkFileOf('src/chain/WalletModule.tsx'))
  await ourConnect(page).hover()
  await rainbowConnect(page).waitFor()
  await ourConnect(page).waitFor({ state: 'detached' })
  expect(loadedAssets(session, world)).toContain(chunkFileOf('src/chain/WalletModule.tsx'))
}

/**
 * Records, from the moment "Connect wallet" first has focus, after every DOM change and at every
 * frame, whether focus has fallen back to the page's body.
 */
async function watchFocus(page: Page) {
  await page.evaluate(() => {
    const seen: string[] = []
    Object.assign(window, { __focusOnBody: seen })
    let armed = false
    addEventListener('focusin', (event) => {
      if (event.target instanceof HTMLButtonElement && event.target.textContent === 'Connect wallet') armed = true
    })
    const check = (when: string) => {
      if (armed && (document.activeElement === document.body || document.activeElement === null)) seen.push(when)
    }
    new MutationObserver(() => check('after a DOM change')).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
    })
    const frame = () => {
      check('at a frame')
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
  return () => page.evaluate(() => (window as unknown as { __focusOnBody: string[] }).__focusOnBody)
}

/** Tab from the top of the page until "Connect wallet" has focus. */
async function tabToConnect(page: Page) {
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press('Tab')
    // Ours, or already RainbowKit's in its place: focus alone fetches the module, which may have arrived.
    if (await page.evaluate(() => document.activeElement?.textContent === 'Connect wallet')) return
  }
  throw new Error('Tab never reached "Connect wallet"')
}

describe('the wallet module arrives without remounting the page', () => {
  it('keeps a half-typed key in the Keys page form', async () => {
    const session = await open({ path: '#/keys', privateKey: generatePrivateKey() })
    const { page } = session
    const field = page.getByLabel('Venice API key')
    await field.fill('VENICE_INFERENCE_KEY_half')
    await loadWalletByHover(session)
    await expect(field.inputValue()).resolves.toBe('VENICE_INFERENCE_KEY_half')
    expect(session.pageErrors).toEqual([])
  })

  it('keeps a key created in the ADMIN console revealed and marked saved', async () => {
    const admin = world.venice.control.seedKey(privateKeyToAccount(generatePrivateKey()).address, { description: 'load admin' })
    const session = await open({ privateKey: generatePrivateKey() })
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Create a key')
    await page.getByLabel('Description').fill('first')
    await page.getByRole('button', { name: 'Create key' }).click()
    const reveal = page.getByRole('region', { name: 'New key' })
    await reveal.getByRole('button', { name: 'Reveal' }).click()
    const secret = (await reveal.getByTestId('secret-value').textContent())!.trim()
    expect(secret).toMatch(/^VENICE_INFERENCE_KEY_/)
    await reveal.getByRole('button', { name: 'I have saved it' }).click()
    await reveal.getByText('Marked as saved.').waitFor()

    await loadWalletByHover(session)
    await expect(reveal.getByTestId('secret-value').textContent()).resolves.toBe(secret)
    await expect(reveal.getByRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).resolves.toBe('true')
    await expect(reveal.getByText('Marked as saved.').isVisible()).resolves.toBe(true)

    expect(session.pageErrors).toEqual([])
  })

  it('keeps the ADMIN console tab chosen and its create form half typed', async () => {
    const admin = world.venice.control.seedKey(privateKeyToAccount(generatePrivateKey()).address, { description: 'tab admin' })
    const session = await open({ privateKey: generatePrivateKey() })
    const { page } = session
    await openAdminConsole(page, admin.apiKey)
    await openAdminTab(page, 'Create a key')
    await page.getByLabel('Description').fill('half typ')
    await page.getByRole('radio', { name: /^Admin:/ }).check()

    await loadWalletByHover(session)
    const tab = page.getByRole('tablist', { name: 'Account administration' }).getByRole('tab', { name: 'Create a key' })
    await expect(tab.getAttribute('aria-selected')).resolves.toBe('true')
    await expect(page.getByLabel('Description').inputValue()).resolves.toBe('half typ')
    await expect(page.getByRole('radio', { name: /^Admin:/ }).isChecked()).resolves.toBe(true)
    expect(session.pageErrors).toEqual([])
  })
})

describe('fetching the wallet module', () => {
  it('asks for its whole graph at once, not in waves, when the pointer reaches "Connect wallet"', async () => {
    const manifest = readManifest(join(ROOT, E2E_DIST))
    const firstLoad = chunkFiles(manifest, [entryKey(manifest)])
    const graph = [...chunkFiles(manifest, ['src/chain/WalletModule.tsx'])]
      .filter((file) => !firstLoad.has(file))
      .map((file) => file.replace(/^assets\//, ''))
    expect(graph.length).toBeGreaterThan(1)
    const session = await open({ privateKey: generatePrivateKey() })
    const { page } = session
    await page.getByRole('heading', { level: 1 }).waitFor()
    // Each answer takes a while, so a file asked for only once another has arrived would show as a second wave.
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 300,
      downloadThroughput: -1,
      uploadThroughput: -1,
    })
    const asked = new Map<string, number>()
    let firstArrival = Infinity
    page.on('request', (request) => {
      if (graph.includes(fileOf(request.url()))) asked.set(fileOf(request.url()), Date.now())
    })
    page.on('requestfinished', (request) => {
      if (graph.includes(fileOf(request.url()))) firstArrival = Math.min(firstArrival, Date.now())
    })
    await ourConnect(page).hover()
    await rainbowConnect(page).waitFor()
    expect([...asked.keys()].sort()).toEqual([...graph].sort())
    expect(Math.max(...asked.values())).toBeLessThan(firstArrival)
  })
})

describe('keyboard focus when the wallet module arrives', () => {
  it('moves from "Connect wallet" to RainbowKit\'s button, never to the body, and Enter opens the modal', async () => {
    const session = await open({ privateKey: generatePrivateKey() })
    const { page } = session
    await page.getByRole('heading', { level: 1 }).waitFor()
    const onBody = await watchFocus(page)
    await tabToConnect(page) // focus alone fetches the module
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'rk-connect-button')
    await page.keyboard.press('Enter')
    await walletOption(page).waitFor()
    expect(await onBody()).toEqual([])
    expect(session.pageErrors).toEqual([])
  })

  it('opens the modal on Space pressed before the module has arrived', async () => {
    const session = await open({ privateKey: generatePrivateKey() })
    const { page } = session
    // Hold the wallet module back until the key has been pressed.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const walletChunk = chunkFileOf('src/chain/WalletModule.tsx')
    await page.route(`**/assets/${walletChunk}`, async (route) => {
      await held
      await route.continue()
    })
    await page.getByRole('heading', { level: 1 }).waitFor()
    const onBody = await watchFocus(page)
    const requested = page.waitForRequest((request) => request.url().endsWith(`/assets/${walletChunk}`))
    await tabToConnect(page)
    await requested
    await page.keyboard.press('Space')
    await expect(rainbowConnect(page).count()).resolves.toBe(0)
    release()
    await walletOption(page).waitFor()
    expect(await onBody()).toEqual([])
    expect(session.pageErrors).toEqual([])
  })
})
