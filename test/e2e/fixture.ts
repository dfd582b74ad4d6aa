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
import { chunkFiles, entryKey, readManifest } from '../support/viteManifest'
import { installTestWallet, type TestWalletController } from '../support/wallet'
import { startTestWorld, type TestWorld } from '../support/world'
import { E2E_DIST, E2E_PORTS } from './ports'

export interface E2EWorld extends TestWorld {
  app: { url: string; subPathUrl: string }
  browser: Browser
}

/** `dist`: which build to serve (default the suite's production build). */
export async function startE2EWorld({ dist = E2E_DIST } = {}): Promise<E2EWorld> {
  const world = await startTestWorld({ chainPort: E2E_PORTS.chain, venicePort: E2E_PORTS.venice })
  const app = await startStaticServer(join(ROOT, dist), E2E_PORTS.app)
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
export async function newHolder(
  world: TestWorld,
  { svvv = '100', vvv = '10' } = {},
): Promise<{ privateKey: Hex; address: Address }> {
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
  /** The injected wallet offers EIP-5792 batched calls. */
  batchCalls?: boolean | undefined
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

  const wallet = options.privateKey
    ? await installTestWallet(page, {
        privateKey: options.privateKey,
        rpcUrl: world.chain.rpcUrl,
        batchCalls: options.batchCalls,
      })
    : undefined
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
  return [
    ...new Set(
      session.requests
        .map((r) => new URL(r.url))
        .filter((u) => u.protocol.startsWith('http') && u.host !== own)
        .map((u) => u.host),
    ),
  ]
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

/**
 * What the Venice stand-in received on one API path (e.g. '/api_keys/rate_limits', query ignored),
 * as `METHOD status` in order, preflights left out: e.g. ['GET 200', 'POST 400'], or 'GET dropped'.
 */
export function veniceCalls(world: TestWorld, path: string): string[] {
  return world.venice.control
    .requests()
    .filter((r) => r.method !== 'OPTIONS' && r.path.split('?')[0] === `/api/v1${path}`)
    .map((r) => `${r.method} ${r.status}`)
}

// ---- Appended for keys.test.ts / app-shell.test.ts ----

/** Requests the page sent to a local port (e.g. E2E_PORTS.chain for the RPC, E2E_PORTS.venice for the stand-in). */
export function requestsToPort(session: AppSession, port: number): RecordedRequest[] {
  return session.requests.filter((r) => r.url.startsWith('http') && new URL(r.url).port === String(port))
}

/** Merges figures into test-results/e2e-metrics.json (created if missing), keyed at the top level. */
export async function recordMetrics(figures: Record<string, unknown>): Promise<string> {
  const { mkdir, readFile, writeFile } = await import('node:fs/promises')
  const dir = join(ROOT, 'test-results')
  const file = join(dir, 'e2e-metrics.json')
  await mkdir(dir, { recursive: true })
  let current: Record<string, unknown> = {}
  try {
    current = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
  } catch {
    // missing or unreadable: start afresh
  }
  await writeFile(file, `${JSON.stringify({ ...current, ...figures, updatedAt: new Date().toISOString() }, null, 2)}\n`)
  return file
}

// ---- Appended for admin-keys.test.ts / admin-billing.test.ts ----

/** One request the Venice stand-in received, as the tests compare it. */
export interface VeniceCall {
  method: string
  /** Relative to /api/v1, without the query, e.g. '/api_keys'. */
  path: string
  /** The raw query without '?', '' when none. */
  query: string
  /** Parsed JSON, the raw text when not JSON, undefined when empty. */
  body: unknown
  status: number | 'dropped' | 'hung'
}

/**
 * The stand-in's log without preflights, in order. With `secret`, only the requests that carried
 * `Authorization: Bearer <secret>` (so requests a test sends itself with another key are left out).
 */
export function veniceRequests(world: TestWorld, { secret }: { secret?: string } = {}): VeniceCall[] {
  return world.venice.control
    .requests()
    .filter((r) => r.method !== 'OPTIONS' && (secret === undefined || r.headers.authorization === `Bearer ${secret}`))
    .map((r) => {
      const [path = '', query = ''] = r.path.split('?')
      return { method: r.method, path: path.replace(/^\/api\/v1/, ''), query, body: r.body, status: r.status }
    })
}

/** The file names of the page's own scripts and styles it has requested so far (e.g. 'AdminConsole-abc123.js'). */
export function loadedAssets(session: AppSession, world: E2EWorld): string[] {
  const own = new URL(world.app.url).host
  return session.requests
    .map((r) => new URL(r.url))
    .filter((u) => u.host === own && /\.(js|css)$/.test(u.pathname))
    .map((u) => u.pathname.split('/').pop() ?? '')
}

/** The file name (in assets/) of the chunk a lazy import of `source` loads, from Vite's build manifest. */
export function chunkFileOf(source: string): string {
  const chunk = readManifest(join(ROOT, E2E_DIST))[source]
  if (!chunk) throw new Error(`No chunk for ${source} in the build manifest`)
  return chunk.file.replace(/^assets\//, '')
}

/** The chunks that only the wallet side loads, by their source in Vite's build manifest. */
const WALLET_SIDE = ['src/chain/WalletModule.tsx', 'src/features/mint/index.ts', 'src/features/stake/index.ts']

/**
 * File names (in assets/) of the e2e build's chunks that only the wallet side needs: the wallet
 * module, the mint and Stake pages and everything they import, statically or lazily, that no other part of
 * the app imports. Read from Vite's build manifest.
 */
export function walletOnlyChunks(): Set<string> {
  const manifest = readManifest(join(ROOT, E2E_DIST))
  const appSide = chunkFiles(manifest, [entryKey(manifest)], { dynamic: true, stopAt: WALLET_SIDE })
  const walletSide = chunkFiles(manifest, WALLET_SIDE, { dynamic: true })
  return new Set([...walletSide].filter((file) => !appSide.has(file)).map((file) => file.replace(/^assets\//, '')))
}

/** The asset file name of a request URL (its last path segment). */
export const fileOf = (url: string): string => new URL(url).pathname.split('/').pop() ?? ''
