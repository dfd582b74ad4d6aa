/**
 * `npm run screenshots`: starts the sandbox world (local chain, Venice stand-in, sandbox build),
 * walks every screen and state of the app as a user would, and writes full-page PNGs at 390 px and
 * 1280 px, light and dark, into screenshots/<size>-<scheme>/. For each picture it also prints the
 * elements wider than the window (phone) and, with --axe, axe's serious and critical findings.
 *
 *   npm run screenshots                        every screen, 4 variants
 *   npm run screenshots -- --only=console      screens whose name contains "console"
 *   npm run screenshots -- --size=phone --scheme=dark --axe
 *   npm run screenshots -- --reuse             skip the build, reuse dist-screenshots/
 *
 * `SANDBOX_PORT_BASE` moves its ports (default 18545-18547, shared with `npm run sandbox`).
 */
import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { axeViolations, confirmSignature, formatAxe, mintButton, overflowingElements, signatureReview } from '../e2e/ui'
import { launchChromium } from '../support/browser'
import { buildApp, ROOT } from '../support/buildApp'
import { APP_PORT, CHAIN_PORT, VENICE_PORT } from '../support/ports'
import { SANDBOX_HOLDER, seedSandbox } from '../support/sandboxSeed'
import { startStaticServer } from '../support/staticServer'
import { installTestWallet, type TestWalletController } from '../support/wallet'
import { startTestWorld, type TestWorld } from '../support/world'

const SIZES = { phone: { width: 390, height: 844 }, laptop: { width: 1280, height: 900 } } as const
const SCHEMES = ['light', 'dark'] as const
type Size = keyof typeof SIZES
type Scheme = (typeof SCHEMES)[number]

const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    size: { type: 'string' },
    scheme: { type: 'string' },
    axe: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
})
const OUT = join(ROOT, 'screenshots')
const DIST = 'dist-screenshots'

interface Variant {
  size: Size
  scheme: Scheme
}

interface Tour {
  variant: Variant
  world: TestWorld
  browser: Browser
  appUrl: string
  seeded: { admin: string; inference: string }
  /** A fresh browser context's page at `path`, optionally with the injected "Test Wallet" of the sVVV holder. */
  open: (path?: string, options?: { wallet?: boolean }) => Promise<{ page: Page; wallet: TestWalletController | undefined }>
  shoot: (page: Page, name: string, options?: { viewportOnly?: boolean }) => Promise<void>
}

const problems: string[] = []
let counter = 0

/** The home page's paste form, as a user would. */
async function paste(page: Page, secret: string) {
  await page.getByLabel('Venice API key').fill(secret)
  await page.getByRole('button', { name: 'Open dashboard' }).click()
}

const headerConnect = (page: Page) => page.getByRole('banner').getByRole('button', { name: /^Connect wallet$/i })

/** On a phone RainbowKit's account button shows only an avatar: connected means the connect button is gone. */
async function connectFromHeader(page: Page, walletName: string) {
  await headerConnect(page).click()
  await page.getByRole('dialog').getByText(walletName).click()
  await headerConnect(page).waitFor({ state: 'detached' })
}

async function keySection(page: Page, name: string) {
  await page.getByRole('navigation', { name: 'This key' }).getByRole('link', { name, exact: true }).click()
}

async function consoleTab(page: Page, name: string) {
  await page.getByRole('tablist', { name: 'Account administration' }).getByRole('tab', { name, exact: true }).click()
}

const currentStep = (page: Page, text: RegExp) => page.locator('[aria-current="step"]', { hasText: text }).waitFor()

/** Each entry walks to one or more screens and shoots them; a failing entry is reported and the tour goes on. */
const SCENES: { name: string; run: (tour: Tour) => Promise<void> }[] = [
  {
    name: 'landing, connect modal, not eligible',
    async run({ open, shoot }) {
      const { page } = await open()
      await page.getByRole('heading', { level: 1 }).waitFor()
      await shoot(page, 'landing')
      await headerConnect(page).click()
      await page.getByRole('dialog').getByText('Sandbox wallet: no sVVV').waitFor()
      await shoot(page, 'connect-modal', { viewportOnly: true })
      await page.getByRole('dialog').getByText('Sandbox wallet: no sVVV').click()
      await headerConnect(page).waitFor({ state: 'detached' })
      await page.goto(`${page.url().split('#')[0]}#/mint`)
      await page
        .getByText(/no staked VVV/)
        .first()
        .waitFor()
      await shoot(page, 'mint-not-eligible')
      await page.getByRole('banner').getByRole('button').last().click()
      await page.getByRole('dialog').waitFor()
      await shoot(page, 'account-modal', { viewportOnly: true })
    },
  },
  {
    name: 'mint: eligible, errors, each step, declined, reveal, dashboard',
    async run({ open, shoot, world }) {
      const { page, wallet } = await open('#/mint', { wallet: true })
      await page.getByRole('button', { name: 'Connect wallet' }).first().waitFor()
      await shoot(page, 'mint-disconnected')
      await connectFromHeader(page, 'Test Wallet')
      await page.getByText(/250 staked VVV/).waitFor()
      await shoot(page, 'mint-eligible')

      await page.getByRole('radio', { name: 'Expires on a date' }).check()
      await page.getByLabel(/Expiry date/).fill('2020-01-01')
      await page.getByLabel('USD limit').fill('ten')
      await page.getByLabel('DIEM limit').fill('-1')
      await mintButton(page).click()
      await page.locator('.field-error').first().waitFor()
      await shoot(page, 'mint-form-errors', { viewportOnly: true })
      await shoot(page, 'mint-form-errors-full')
      await page.getByRole('radio', { name: 'Never expires' }).check()
      await page.getByLabel('USD limit').fill('')
      await page.getByLabel('DIEM limit').fill('')

      wallet!.rejectNext()
      await mintButton(page).click()
      await signatureReview(page).waitFor()
      await shoot(page, 'mint-review')
      await confirmSignature(page)
      await page.getByText('You declined the signature').waitFor()
      await shoot(page, 'mint-declined')

      // Hold the signature in the page until the picture of that step is taken.
      await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>
        const original = w.__testWalletRequest as (method: string, params: unknown) => Promise<unknown>
        w.__testWalletRequest = (method: string, params: unknown) =>
          method === 'personal_sign'
            ? new Promise((resolve) => (w.__releaseSignature = () => resolve(original(method, params))))
            : original(method, params)
      })
      world.venice.control.setLatency(2_500)
      // The declined sign-in is still valid, so this attempt starts at its review.
      await mintButton(page).click()
      await currentStep(page, /Read what you will sign/)
      await shoot(page, 'mint-step-review', { viewportOnly: true })
      await confirmSignature(page)
      await currentStep(page, /Sign in your wallet/)
      await shoot(page, 'mint-step-sign', { viewportOnly: true })
      await page.evaluate(() => (window as unknown as { __releaseSignature: () => void }).__releaseSignature())
      await currentStep(page, /Create/)
      await shoot(page, 'mint-step-create', { viewportOnly: true })
      world.venice.control.setLatency(0)

      await page.getByRole('heading', { name: /Your new INFERENCE key/ }).waitFor()
      await shoot(page, 'reveal')
      await page.getByRole('button', { name: 'Reveal' }).click()
      await shoot(page, 'reveal-shown', { viewportOnly: true })
      await page.getByRole('button', { name: 'I have saved it' }).click()
      await page.getByRole('button', { name: 'Done' }).waitFor()
      await shoot(page, 'reveal-saved', { viewportOnly: true })
      await page.getByRole('button', { name: 'Done' }).click()
      await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
      await shoot(page, 'dashboard')
      await page.getByRole('button', { name: 'Rename' }).click()
      await page.getByLabel('Name of this key in this browser').fill('My laptop key')
      await page.getByRole('button', { name: 'Save name' }).click()
      await page.locator('.toast').first().waitFor()
      await shoot(page, 'dashboard-renamed-toast', { viewportOnly: true })
    },
  },
  {
    name: 'several keys, key sections, 401, vault',
    async run({ open, shoot, seeded }) {
      const { page } = await open()
      await paste(page, seeded.inference)
      await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
      await shoot(page, 'dashboard-pasted')
      await keySection(page, 'Rate limits')
      await page.getByRole('table').first().waitFor()
      await shoot(page, 'key-rate-limits')
      await page.goto(`${page.url().split('#')[0]}#/`)
      await paste(page, `VENICE_INFERENCE_KEY_${'x'.repeat(43)}`)
      await page
        .getByText(/invalid, expired or revoked|refused/i)
        .first()
        .waitFor()
      await shoot(page, 'dashboard-401')
      await page.goto(`${page.url().split('#')[0]}#/`)
      await paste(page, seeded.admin)
      await page.getByRole('heading', { name: 'What this key can spend now' }).waitFor()
      await page.goto(`${page.url().split('#')[0]}#/keys`)
      await shoot(page, 'keys-page')
      await page.goto(`${page.url().split('#')[0]}#/`)
      await page.getByLabel('Venice API key').fill('hello')
      await page.getByRole('button', { name: 'Open dashboard' }).click()
      await shoot(page, 'home-several-keys-paste-error')

      await page.getByRole('button', { name: 'Remember my keys on this device…' }).click()
      await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple')
      await page.getByLabel('Passphrase again').fill('correct horse battery')
      await page.getByRole('button', { name: 'Remember on this device' }).click()
      await page.getByText('The two passphrases differ.').waitFor()
      await shoot(page, 'remember-form-error')
      await page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple')
      await page.getByLabel('Passphrase again').fill('correct horse battery staple')
      await page.getByRole('button', { name: 'Remember on this device' }).click()
      await page.getByRole('button', { name: 'Stop remembering' }).waitFor()
      await shoot(page, 'remember-on')
      await page.reload()
      const unlock = page.getByRole('form', { name: 'Unlock remembered keys' })
      await unlock.waitFor()
      await shoot(page, 'vault-locked')
      await unlock.getByLabel('Passphrase').fill('not the passphrase')
      await unlock.getByRole('button', { name: 'Unlock' }).click()
      await unlock.getByText(/Wrong passphrase/).waitFor()
      await shoot(page, 'vault-wrong-passphrase')
      await unlock.getByLabel('Passphrase').fill('correct horse battery staple')
      await unlock.getByRole('button', { name: 'Unlock' }).click()
      await unlock.waitFor({ state: 'detached' })
      await shoot(page, 'vault-unlocked')
    },
  },
  {
    name: 'ADMIN console, every tab',
    async run({ open, shoot, seeded }) {
      const { page } = await open()
      await paste(page, seeded.admin)
      await keySection(page, 'ADMIN console')
      await page.getByRole('table', { name: 'Active keys of this account' }).waitFor()
      await shoot(page, 'console-keys')
      await page.getByRole('button', { name: /^Manage Nightly batch/ }).click()
      await page
        .getByRole('heading', { name: /Nightly batch/ })
        .first()
        .waitFor()
      await shoot(page, 'console-key-detail')
      await page
        .getByRole('button', { name: /^Revoke/ })
        .first()
        .click()
      await shoot(page, 'console-revoke-confirm', { viewportOnly: true })
      for (const [tab, name, ready] of [
        ['Create a key', 'console-create', () => page.getByLabel('Description').waitFor()],
        ['Rate-limit breaches', 'console-breaches', () => page.getByRole('table', { name: /breaches/ }).waitFor()],
        ['Account balance', 'console-balance', () => page.getByText(/DIEM/).first().waitFor()],
        ['Usage', 'console-usage', () => page.locator('.usage-chart canvas, .usage-chart svg').first().waitFor()],
      ] as const) {
        await consoleTab(page, tab)
        await ready()
        await shoot(page, name)
      }
      const chart = page.locator('.usage-chart .u-over').first()
      if (await chart.count()) {
        const box = (await chart.boundingBox())!
        await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2)
        await shoot(page, 'console-usage-hover', { viewportOnly: true })
      }
      await consoleTab(page, 'Create a key')
      await page.getByLabel('USD limit').fill('1,5')
      await page
        .getByRole('button', { name: /^Create/ })
        .last()
        .click()
      await shoot(page, 'console-create-errors', { viewportOnly: true })
    },
  },
  {
    name: 'errors and other places',
    async run({ open, shoot, world, seeded }) {
      const { page } = await open()
      world.venice.control.setCors(false)
      try {
        await paste(page, seeded.inference)
        await page
          .getByText(/Couldn.t reach/)
          .first()
          .waitFor({ timeout: 30_000 })
        await shoot(page, 'error-unreachable')
      } finally {
        world.venice.control.setCors(true)
      }
      for (const [path, name, ready] of [
        ['#/stake', 'stake', 'Stake VVV and fund your keys with DIEM'],
        ['#/about', 'about', 'About this page'],
      ] as const) {
        await page.goto(`${page.url().split('#')[0]}${path}`)
        await page.getByRole('heading', { level: 1, name: ready }).waitFor()
        await shoot(page, name)
      }
      await page.goto(`${page.url().split('#')[0]}#/nowhere`)
      await page.getByText('There is nothing at this address').waitFor()
      await shoot(page, 'not-found')

      const holder = await open('#/stake')
      await connectFromHeader(holder.page, 'Sandbox wallet: sVVV holder')
      await holder.page.getByText(/sVVV/).first().waitFor()
      await holder.page
        .getByRole('button', { name: /^Stake/ })
        .first()
        .waitFor()
      await shoot(holder.page, 'stake-connected')
    },
  },
]

async function runVariant(variant: Variant, base: Omit<Tour, 'variant' | 'open' | 'shoot'>) {
  const dir = join(OUT, `${variant.size}-${variant.scheme}`)
  await mkdir(dir, { recursive: true })
  const pages: Page[] = []
  const tour: Tour = {
    ...base,
    variant,
    open: async (path = '', { wallet = false } = {}) => {
      const phone = variant.size === 'phone'
      const context = await base.browser.newContext({
        viewport: SIZES[variant.size],
        colorScheme: variant.scheme,
        isMobile: phone,
        hasTouch: phone,
        deviceScaleFactor: 1,
      })
      // tsx keeps function names with a `__name` helper, which functions sent to page.evaluate then lack.
      await context.addInitScript('globalThis.__name = (fn) => fn')
      const page = await context.newPage()
      page.setDefaultTimeout(15_000)
      page.on('pageerror', (error) => problems.push(`${variant.size}-${variant.scheme}: page error ${error.message}`))
      pages.push(page)
      const controller = wallet
        ? await installTestWallet(page, { privateKey: SANDBOX_HOLDER.privateKey, rpcUrl: base.world.chain.rpcUrl })
        : undefined
      await page.goto(`${base.appUrl}${path}`)
      return { page, wallet: controller }
    },
    shoot: async (page, name, { viewportOnly = false } = {}) => {
      if (args.only && !name.includes(args.only)) return
      await page.waitForLoadState('networkidle').catch(() => undefined)
      await page.evaluate(() => document.fonts.ready.then(() => new Promise(requestAnimationFrame)))
      const file = join(dir, `${String(++counter).padStart(3, '0')}-${name}.png`)
      await page.screenshot({ path: file, fullPage: !viewportOnly, animations: 'disabled' })
      const where = `${variant.size}-${variant.scheme} ${name}`
      const wide = await overflowingElements(page)
      if (wide.length) problems.push(`${where}: wider than the window: ${wide.join('; ')}`)
      if (args.axe) {
        const findings = await axeViolations(page)
        if (findings.length) problems.push(formatAxe(where, findings))
      }
    },
  }
  for (const scene of SCENES) {
    try {
      await scene.run(tour)
    } catch (error) {
      problems.push(
        `${variant.size}-${variant.scheme}: scene "${scene.name}" stopped: ${(error as Error).message.split('\n').slice(0, 3).join(' ')}`,
      )
    }
    for (const page of pages.splice(0)) await page.context().close()
  }
}

const variants = Object.keys(SIZES)
  .flatMap((size) => SCHEMES.map((scheme) => ({ size: size as Size, scheme })))
  .filter((v) => (!args.size || v.size === args.size) && (!args.scheme || v.scheme === args.scheme))

console.log(
  `Screenshot tour: chain ${CHAIN_PORT}, Venice stand-in ${VENICE_PORT}, app ${APP_PORT} (SANDBOX_PORT_BASE moves them)`,
)
const world = await startTestWorld({ chainPort: CHAIN_PORT, venicePort: VENICE_PORT })
let app: Awaited<ReturnType<typeof startStaticServer>> | undefined
let browser: Browser | undefined
try {
  const seeded = await seedSandbox(world)
  if (!args.reuse) console.log('Building the sandbox app…')
  const dist =
    args.reuse && existsSync(join(ROOT, DIST))
      ? join(ROOT, DIST)
      : await buildApp(DIST, { chainPort: CHAIN_PORT, venicePort: VENICE_PORT }, { VITE_SANDBOX: 'true' })
  app = await startStaticServer(dist, APP_PORT)
  browser = await launchChromium()
  if (!args.only) await rm(OUT, { recursive: true, force: true })
  for (const variant of variants) {
    counter = 0
    console.log(`  ${variant.size} (${SIZES[variant.size].width} px), ${variant.scheme}`)
    await runVariant(variant, { world, browser, appUrl: app.url, seeded })
  }
  console.log(`\nPictures in ${OUT}`)
  console.log(problems.length ? `\n${problems.length} problem(s):\n${problems.join('\n')}` : 'No problems found.')
} finally {
  await browser?.close()
  await app?.stop()
  await world.stop()
}
process.exit(problems.length ? 1 : 0)
