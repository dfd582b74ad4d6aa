/**
 * `npm run bench`: times, in Debian's Chromium with 4x CPU throttling and DevTools' "Fast 3G"
 * (562.5 ms latency, 180 KB/s down, 84 KB/s up), served gzipped:
 *
 * - click → modal: the page has loaded and settled; pointer-down on "Connect wallet" until
 *   RainbowKit's modal lists a wallet (no hover beforehand: the worst case for preloading);
 * - navigation → modal: the user clicks as soon as the connect button shows;
 * - keystroke → painted list: one character typed in the ADMIN key search over 500 keys, and in
 *   the model search of a rate-limit table of 10,000 models, until the next frame is painted.
 *
 * Each figure is the median of `--runs` (default 5) fresh pages. Requests to any host but the
 * page's own and the local chain and Venice stand-in are aborted (as if offline), for this app and
 * for `--compare <dist>`, another built
 * app whose connect button is RainbowKit's own (e.g. RainbowKit's Vite example), timed the same
 * way for the two modal figures. Writes test-results/bench.json.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/browser'
import { buildApp, ROOT } from '../support/buildApp'
import { TEST_ACCOUNTS } from '../support/chain'
import { startStaticServer } from '../support/staticServer'
import { installTestWallet } from '../support/wallet'
import { startTestWorld, type TestWorld } from '../support/world'

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    compare: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    only: { type: 'string' }, // 'modal' or 'lists'
  },
})
const RUNS = Number(args.runs)
const portBase = Number(process.env.BENCH_PORT_BASE ?? 18700)
const PORTS = { chain: portBase, venice: portBase + 1, app: portBase + 2, compare: portBase + 3 }

const FAST_3G = { offline: false, latency: 562.5, downloadThroughput: 180_000, uploadThroughput: 84_375 }
const CPU_SLOWDOWN = 4
/** RainbowKit's modal is usable once it lists a wallet. */
const MODAL_READY = '[role="dialog"] [data-testid^="rk-wallet-option-"]'

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const summary = (values: number[]) => ({
  medianMs: Math.round(median(values)),
  minMs: Math.round(Math.min(...values)),
  maxMs: Math.round(Math.max(...values)),
  runsMs: values.map(Math.round),
})

async function throttle(page: Page) {
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', FAST_3G)
}

/**
 * A fresh page that reaches only `origin` and the local stand-ins of the Venice API and Base,
 * with the test wallet announced and the probes below.
 */
async function openPage(browser: Browser, world: TestWorld, origin: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await context.newPage()
  const reachable = new Set([origin, new URL(world.venice.url).origin, new URL(world.chain.rpcUrl).origin])
  await page.route('**/*', (route) =>
    reachable.has(new URL(route.request().url()).origin) ? route.continue() : route.abort('internetdisconnected'),
  )
  await installTestWallet(page, { privateKey: TEST_ACCOUNTS[0].privateKey, rpcUrl: world.chain.rpcUrl })
  // Times in the page's own clock (ms since navigation start): first pointer-down, modal ready.
  await page.addInitScript((ready: string) => {
    const marks: Record<string, number> = {}
    Object.assign(window, { __bench: marks })
    addEventListener('pointerdown', () => (marks.pointerdown ??= performance.now()), true)
    new MutationObserver(() => {
      if (marks.modal === undefined && document.querySelector(ready)) marks.modal = performance.now()
    }).observe(document, { subtree: true, childList: true })
  }, MODAL_READY)
  await throttle(page)
  return page
}

const marks = (page: Page) => page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench)

async function modalTimes(browser: Browser, world: TestWorld, url: string, button: string) {
  const clickToModal: number[] = []
  const navigationToModal: number[] = []
  for (let run = 0; run < RUNS; run++) {
    // Click as soon as the button shows.
    let page = await openPage(browser, world, new URL(url).origin)
    await page.goto(url, { waitUntil: 'commit' })
    await page.locator(button).click()
    await page.locator(MODAL_READY).first().waitFor({ timeout: 60_000 })
    navigationToModal.push((await marks(page)).modal!)
    await page.context().close()

    // Click once the page has loaded and gone quiet.
    page = await openPage(browser, world, new URL(url).origin)
    await page.goto(url, { waitUntil: 'networkidle' })
    await page.locator(button).waitFor()
    await page.locator(button).click()
    await page.locator(MODAL_READY).first().waitFor({ timeout: 60_000 })
    const { pointerdown, modal } = await marks(page)
    clickToModal.push(modal! - pointerdown!)
    await page.context().close()
  }
  return { clickToModal: summary(clickToModal), navigationToModal: summary(navigationToModal) }
}

/**
 * Types the last character of `text` into the field labelled `search` and times it until the
 * frame after the table's last change is painted (the table may follow the field a little later).
 */
async function keystroke(page: Page, search: string, text: string): Promise<number> {
  const input = page.getByLabel(search)
  await input.fill(text.slice(0, -1))
  await page.waitForTimeout(1000) // let the previous change settle: this times one keystroke alone
  await input.focus()
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  const done = page.evaluate<number>(`new Promise((resolve) => {
    const table = document.querySelector('table')
    let start = 0
    let quiet
    function afterPaint() {
      requestAnimationFrame(() => setTimeout(() => {
        const painted = performance.now()
        clearTimeout(quiet)
        quiet = setTimeout(() => resolve(painted - start), 1000)
      }))
    }
    addEventListener('keydown', () => { start = performance.now(); afterPaint() }, { once: true, capture: true })
    new MutationObserver(afterPaint).observe(table, { subtree: true, childList: true, characterData: true })
  })`)
  await page.keyboard.type(text.slice(-1))
  return done
}

async function listTimes(browser: Browser, world: TestWorld, url: string) {
  const admin = TEST_ACCOUNTS[1].address
  world.venice.control.setBalances(admin, { diem: 10 })
  const { apiKey } = world.venice.control.seedKey(admin, { description: 'Bench admin' })
  for (let index = 1; index < 500; index++)
    world.venice.control.seedKey(admin, { apiKeyType: index % 3 ? 'INFERENCE' : 'ADMIN', description: `Bench key ${index}` })

  const keys: number[] = []
  const models: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const page = await openPage(browser, world, new URL(url).origin)
    await page.route(`**/api/v1/api_keys/rate_limits*`, async (route) => {
      // The stand-in knows a few dozen models: the same table, repeated to 10,000 models.
      const response = await route.fetch()
      const body = (await response.json()) as { data: { rateLimits: { apiModelId: string }[] } }
      const real = body.data.rateLimits
      body.data.rateLimits = Array.from({ length: 10_000 }, (_, index) => ({
        ...real[index % real.length]!,
        apiModelId: `${real[index % real.length]!.apiModelId}-${index}`,
      }))
      await route.fulfill({ response, json: body })
    })
    await page.goto(url)
    await page.getByLabel('Venice API key').fill(apiKey)
    await page.getByRole('button', { name: 'Open dashboard' }).click()
    await page.getByRole('button', { name: /9900 not shown/ }).waitFor({ timeout: 120_000 })
    models.push(await keystroke(page, 'Search models', 'l'))
    await page.getByRole('tab', { name: 'Keys' }).click()
    await page.getByText('500 active keys.').waitFor({ timeout: 120_000 })
    keys.push(await keystroke(page, 'Search keys', 'bench key 4'))
    await page.context().close()
  }
  return { adminKeySearch500: summary(keys), modelSearch10000: summary(models) }
}

const dist = args['no-build']
  ? join(ROOT, 'dist-bench')
  : await buildApp('dist-bench', { chainPort: PORTS.chain, venicePort: PORTS.venice })
const world = await startTestWorld({ chainPort: PORTS.chain, venicePort: PORTS.venice })
const app = await startStaticServer(dist, PORTS.app, { gzip: true })
const compare = args.compare ? await startStaticServer(args.compare, PORTS.compare, { gzip: true }) : undefined
const browser = await launchChromium()
try {
  const results = {
    conditions: `Chromium, ${CPU_SLOWDOWN}x CPU slowdown, Fast 3G (562.5 ms, 180 KB/s), gzip, median of ${RUNS}`,
    ...(args.only !== 'lists' && {
      app: await modalTimes(browser, world, app.url, 'header button:has-text("Connect wallet")'),
      ...(compare && { compare: await modalTimes(browser, world, compare.url, '[data-testid="rk-connect-button"]') }),
    }),
    ...(args.only !== 'modal' && { lists: await listTimes(browser, world, app.url) }),
    measuredAt: new Date().toISOString(),
  }
  await mkdir(join(ROOT, 'test-results'), { recursive: true })
  await writeFile(join(ROOT, 'test-results', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`)
  console.log(JSON.stringify(results, null, 2))
} finally {
  await browser.close()
  await Promise.all([app.stop(), compare?.stop(), world.stop()])
}
