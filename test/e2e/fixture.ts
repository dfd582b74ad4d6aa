/**
 * The end-to-end world: the local chain, the Venice stand-in, the built app served statically,
 * and Debian's Chromium. Each test opens the app in a fresh browser context.
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { parseEther, type Address, type Hex } from 'viem'
import { launchChromium } from '../support/browser'
import { ROOT } from '../support/buildApp'
import { startStaticServer } from '../support/staticServer'
import { installTestWallet, type TestWalletController } from '../support/wallet'
import { startTestWorld, type TestWorld } from '../support/world'
import { E2E_DIST, E2E_PORTS } from './ports'

export interface E2EWorld extends TestWorld {
  app: { url: string; subPathUrl: string }
  browser: Browser
}

export async function startE2EWorld(): Promise<E2EWorld> {
  const world = await startTestWorld({ chainPort: E2E_PORTS.chain, venicePort: E2E_PORTS.venice })
  const app = await startStaticServer(join(ROOT, E2E_DIST), E2E_PORTS.app)
  const browser = await launchChromium()
  return {
    ...world,
    app,
    browser,
    async stop() {
      await browser.close()
      await app.stop()
      await world.stop()
    },
  }
}

/** A fresh wallet with the given balances (whole tokens), so tests never share Venice accounts. */
export async function newHolder(world: TestWorld, { svvv = '100', vvv = '10' } = {}): Promise<{ privateKey: Hex; address: Address }> {
  const privateKey = generatePrivateKey()
  const { address } = privateKeyToAccount(privateKey)
  await world.chain.setBalances(address, { svvv: parseEther(svvv), vvv: parseEther(vvv) })
  return { privateKey, address }
}

export interface RecordedRequest {
  url: string
  method: string
  headers: Record<string, string>
  body: string | null
}

export interface AppSession {
  page: Page
  context: BrowserContext
  wallet: TestWalletController | undefined
  /** Every request the page made (awaiting `settled()` first makes it complete). */
  requests: RecordedRequest[]
  consoleLines: string[]
  pageErrors: string[]
  settled(): Promise<void>
  close(): Promise<void>
}

interface OpenOptions {
  /** A wallet to inject (EIP-1193 + EIP-6963), signing in this process. */
  privateKey?: Hex
  /** Hash path, e.g. '#/mint'. */
  path?: string
  /** Serve from the IPFS-like sub-path instead of `/`. */
  subPath?: boolean
  /** Runs before the first navigation (e.g. installing a fake clock). */
  beforeLoad?: (page: Page) => Promise<void>
}

export async function openApp(world: E2EWorld, options: OpenOptions = {}): Promise<AppSession> {
  const context = await world.browser.newContext({ viewport: { width: 1100, height: 1000 } })
  const page = await context.newPage()
  const requests: RecordedRequest[] = []
  const pending: Promise<unknown>[] = []
  const consoleLines: string[] = []
  const pageErrors: string[] = []
  page.on('request', (request) => {
    pending.push(
      request
        .allHeaders()
        .catch(() => request.headers())
        .then((headers) => requests.push({ url: request.url(), method: request.method(), headers, body: request.postData() })),
    )
  })
  page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`))
  page.on('pageerror', (error) => pageErrors.push(error.message))

  const wallet = options.privateKey ? await installTestWallet(page, { privateKey: options.privateKey, rpcUrl: world.chain.rpcUrl }) : undefined
  await options.beforeLoad?.(page)
  await page.goto(`${options.subPath ? world.app.subPathUrl : world.app.url}${options.path ?? ''}`)
  return {
    page,
    context,
    wallet,
    requests,
    consoleLines,
    pageErrors,
    settled: async () => {
      await Promise.all(pending)
    },
    close: () => context.close(),
  }
}

/** Hosts the page talked to, other than its own origin. */
export function foreignHosts(session: AppSession, world: E2EWorld): string[] {
  const own = new URL(world.app.url).host
  return [...new Set(session.requests.map((r) => new URL(r.url)).filter((u) => u.protocol.startsWith('http') && u.host !== own).map((u) => u.host))]
}

/**
 * The secret may appear only in the Authorization header of requests to the Venice origin:
 * never in a URL, a body, another header, the console or the address bar.
 */
export async function leaksOf(session: AppSession, secret: string, veniceUrl: string): Promise<string[]> {
  await session.settled()
  const veniceOrigin = new URL(veniceUrl).origin
  const leaks: string[] = []
  for (const request of session.requests) {
    if (request.url.includes(secret)) leaks.push(`URL ${request.method} ${request.url}`)
    if (request.body?.includes(secret)) leaks.push(`body of ${request.method} ${request.url}`)
    for (const [name, value] of Object.entries(request.headers)) {
      const allowed = name === 'authorization' && new URL(request.url).origin === veniceOrigin && value === `Bearer ${secret}`
      if (value.includes(secret) && !allowed) leaks.push(`header ${name} of ${request.method} ${request.url}`)
    }
  }
  if (session.consoleLines.some((line) => line.includes(secret))) leaks.push('console')
  if (session.page.url().includes(secret)) leaks.push('address bar')
  return leaks
}
