import type { Locator, Page } from 'playwright-core'

/**
 * Through RainbowKit's modal, as a user would: header button → "Test Wallet". Connected when the
 * connect button has gone (on a phone the account button shows only an avatar, no address).
 */
export async function connectTestWallet(page: Page): Promise<void> {
  const connect = page.getByRole('banner').getByRole('button', { name: 'Connect wallet', exact: true })
  await connect.click()
  await page.getByRole('dialog').getByText('Test Wallet').click()
  await connect.waitFor({ state: 'detached' })
}

/** Connect the test wallet, open the mint page and wait until it says the wallet may mint. */
export async function readyToMint(page: Page): Promise<void> {
  await connectTestWallet(page)
  await startMinting(page)
  await page.getByText('Eligible').waitFor()
}

export async function startMinting(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Start minting' }).click()
  await page.getByRole('heading', { name: 'Mint a Venice API key with your wallet' }).waitFor()
}

export interface KeyChoices {
  type?: 'INFERENCE' | 'ADMIN'
  description?: string
  expiryDate?: string
  usd?: string
  diem?: string
  period?: 'EPOCH' | 'MONTH' | 'LIFETIME'
  privacy?: 'ALL' | 'PRIVATE_TEXT' | 'PRIVATE_ONLY'
}

const PERIOD_LABELS = { EPOCH: 'Daily (EPOCH)', MONTH: 'Monthly (MONTH)', LIFETIME: 'Never (LIFETIME)' }
const PRIVACY_LABELS = {
  ALL: 'All models (ALL)',
  PRIVATE_TEXT: 'Private text models (PRIVATE_TEXT)',
  PRIVATE_ONLY: 'Private models only (PRIVATE_ONLY)',
}

export async function chooseKeyOptions(page: Page, choices: KeyChoices): Promise<void> {
  if (choices.type === 'ADMIN') await page.getByRole('radio', { name: /^Admin:/ }).check()
  if (choices.description !== undefined) await page.getByLabel('Description').fill(choices.description)
  if (choices.expiryDate !== undefined) {
    await page.getByRole('radio', { name: 'Expires on a date' }).check()
    await page.getByLabel('Expiry date (UTC)').fill(choices.expiryDate)
  }
  if (choices.usd !== undefined) await page.getByLabel('USD limit').fill(choices.usd)
  if (choices.diem !== undefined) await page.getByLabel('DIEM limit').fill(choices.diem)
  if (choices.period) await page.getByLabel('Limits reset').selectOption({ label: PERIOD_LABELS[choices.period] })
  if (choices.privacy) await page.getByLabel('Models this key may use').selectOption({ label: PRIVACY_LABELS[choices.privacy] })
}

/** The form's submit: it fetches and checks the token or challenge, then shows what would be signed. */
export const mintButton = (page: Page) => page.getByRole('button', { name: /^(Mint key|Try again|Minting…)$/ })

/** The review shown before the wallet opens. */
export const signatureReview = (page: Page) => page.getByRole('region', { name: 'Before your wallet opens: what you will sign' })

/** The review's confirmation: only this opens the wallet. */
export async function confirmSignature(page: Page): Promise<void> {
  await signatureReview(page).getByRole('button', { name: 'Sign in my wallet' }).click()
}

/** Mint as a user would: the form's button, then, once the review shows, the confirmation. */
export async function mintAndSign(page: Page): Promise<void> {
  await mintButton(page).click()
  await confirmSignature(page)
}

/** The revealed secret, read through the Reveal toggle. */
export async function revealSecret(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Reveal' }).click()
  return (await page.getByTestId('secret-value').textContent())!.trim()
}

/** From the home page, as a user would: paste a key in "Venice API key", then "Open dashboard". */
export async function openPastedKeyDashboard(page: Page, apiKey: string): Promise<void> {
  await page.getByLabel('Venice API key').fill(apiKey)
  await page.getByRole('button', { name: 'Open dashboard' }).click()
  await page.getByRole('heading', { name: /Pasted key/ }).waitFor()
}

// ---- Appended for keys.test.ts / app-shell.test.ts ----

/** Home page: paste a key in "Venice API key" and open its dashboard. */
export async function pasteKey(page: Page, secret: string): Promise<void> {
  await page.getByLabel('Venice API key').fill(secret)
  await page.getByRole('button', { name: 'Open dashboard' }).click()
}

export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

/**
 * Switches the emulated colour scheme and waits until the page shows it: the media query matches
 * and no CSS transition or animation (RainbowKit's button fades its colours) is still running,
 * so axe measures the final colours, never a frame in between.
 */
export async function emulateColorScheme(page: Page, colorScheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme })
  await page.waitForFunction((dark) => window.matchMedia('(prefers-color-scheme: dark)').matches === dark, colorScheme === 'dark')
  await animationsDone(page)
}

/** Finite transitions and animations (a modal fading in) have ended; an endless one (a spinner) never does. */
export async function animationsDone(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  )
}

/**
 * Findings inside RainbowKit's own dialogs that no theme or prop can fix, named here rather than
 * hidden: its wallet icons (`AsyncImage`, role="img") carry no alternative text, and its account
 * dialog has no accessible name. Anything else inside its dialogs still counts.
 */
const RAINBOWKIT_UNFIXABLE = ['role-img-alt', 'aria-dialog-name']

/**
 * Runs axe-core in the page and returns the violations of at least `minImpact` (default serious).
 * Evaluated rather than added as a <script>: the app's CSP (script-src 'self') refuses inline scripts.
 */
export async function axeViolations(page: Page, { minImpact = 'serious' } = {}): Promise<AxeFinding[]> {
  const { readFileSync } = await import('node:fs')
  const { createRequire } = await import('node:module')
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(source)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }
    ).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    const found = result.violations as {
      id: string
      impact: string | null
      help: string
      nodes: { target: unknown[]; failureSummary?: string; inRainbowKit?: boolean }[]
    }[]
    for (const violation of found) {
      for (const node of violation.nodes) {
        node.inRainbowKit = Boolean(document.querySelector(node.target.map(String).join(' '))?.closest('[data-rk]'))
      }
    }
    return found
  })
  const order = ['minor', 'moderate', 'serious', 'critical']
  return violations
    .filter((v) => order.indexOf(v.impact ?? 'minor') >= order.indexOf(minImpact))
    .filter((v) => !RAINBOWKIT_UNFIXABLE.includes(v.id) || !v.nodes.every((node) => node.inRainbowKit))
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({
        target: n.target.map(String).join(' '),
        summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
      })),
    }))
}

/** One readable block per violation, for test output. */
export function formatAxe(where: string, findings: AxeFinding[]): string {
  return findings
    .map((f) => [`[${where}] ${f.impact} ${f.id}: ${f.help}`, ...f.nodes.map((n) => `    ${n.target} — ${n.summary}`)].join('\n'))
    .join('\n')
}

// ---- Appended for admin-keys.test.ts / admin-billing.test.ts ----

/** The key page's section links: 'Overview', 'Rate limits', 'ADMIN console'. */
export async function openKeySection(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'This key' }).getByRole('link', { name, exact: true }).click()
}

/** Home page: paste an ADMIN key, open its console and wait until it has listed the account's keys. */
export async function openAdminConsole(page: Page, secret: string): Promise<void> {
  await pasteKey(page, secret)
  await openKeySection(page, 'ADMIN console')
  await page.getByRole('heading', { name: /^Account administration/ }).waitFor()
  await page.getByRole('table', { name: 'Active keys of this account' }).waitFor()
}

/** A tab of the ADMIN console, e.g. 'Create a key', 'Usage'. */
export async function openAdminTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tablist', { name: 'Account administration' }).getByRole('tab', { name, exact: true })
  await tab.click()
  await page.waitForFunction(
    (id) => document.getElementById(id ?? '')?.getAttribute('aria-selected') === 'true',
    await tab.getAttribute('id'),
  )
}

/** The <dd> that a <dt> labelled `label` describes, inside `scope` (a stats list such as KeyFacts). */
export function statValue(scope: Page | Locator, label: string): Locator {
  return scope.locator(`xpath=.//dt[normalize-space()=${JSON.stringify(label)}]/following-sibling::dd[1]`)
}

/** The trimmed text of every cell (th and td) of a table row. */
export async function rowCells(row: Locator): Promise<string[]> {
  return (await row.locator(':scope > th, :scope > td').allTextContents()).map((text) => text.replace(/\s+/g, ' ').trim())
}

/** How the page's `formatUtcDate` (ui/format.ts) shows an expiry: the browser's locale, in UTC, said so. */
export async function pageUtcDate(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (value) =>
      `${new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC', hourCycle: 'h23' })} UTC`,
    iso,
  )
}

/** How the page's `formatDate` (ui/format.ts) shows an ISO date, in the browser's own locale and time zone. */
export async function pageDate(page: Page, iso: string): Promise<string> {
  return page.evaluate((value) => new Date(value).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), iso)
}

/**
 * Records every text that appears in the page, however briefly, in an element matching `selector`
 * that contains `needle` (a notice shown for a second during a retry, say). Call before the action;
 * the returned function reads what was seen so far. Survives hash navigation, not a reload.
 */
export async function watchTransientText(page: Page, selector: string, needle: string): Promise<() => Promise<string[]>> {
  const slot = `__transientText${Math.random().toString(36).slice(2)}`
  await page.evaluate(
    ({ slot, selector, needle }) => {
      const seen: string[] = []
      ;(window as unknown as Record<string, string[]>)[slot] = seen
      const look = () => {
        for (const element of document.querySelectorAll(selector)) {
          const text = element.textContent ?? ''
          if (text.includes(needle) && !seen.includes(text)) seen.push(text)
        }
      }
      new MutationObserver(look).observe(document.documentElement, { subtree: true, childList: true, characterData: true })
      look()
    },
    { slot, selector, needle },
  )
  return () => page.evaluate((slot) => [...(window as unknown as Record<string, string[]>)[slot]!], slot)
}

/**
 * Elements whose box reaches past the window's right edge, unless a scrolling ancestor that fits
 * the window clips them (a tab bar that scrolls sideways is fine; a page that does is not).
 */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const fits = (element: Element) => element.getBoundingClientRect().right <= width + 1
    const found: string[] = []
    for (const element of document.body.querySelectorAll('*')) {
      const box = element.getBoundingClientRect()
      // A fixed layer (a modal's oversized backdrop) never widens the page; what it holds is still checked.
      if (box.width === 0 || fits(element) || getComputedStyle(element).position === 'fixed') continue
      let clipped = false
      for (let up = element.parentElement; up && up !== document.body && !clipped; up = up.parentElement) {
        clipped = getComputedStyle(up).overflowX !== 'visible' && fits(up)
      }
      if (clipped) continue
      const className = typeof element.className === 'string' ? element.className.split(' ')[0] : ''
      found.push(`${element.tagName.toLowerCase()}${className ? `.${className}` : ''} (right edge ${Math.round(box.right)} px)`)
      if (found.length >= 5) break
    }
    return found
  })
}
