import type { Page } from 'playwright-core'

/** Through RainbowKit's modal, as a user would: header button → "Test Wallet". */
export async function connectTestWallet(page: Page): Promise<void> {
  await page.getByRole('banner').getByRole('button', { name: 'Connect wallet' }).click()
  await page.getByRole('dialog').getByText('Test Wallet').click()
  await page.getByRole('banner').getByRole('button', { name: /0x/ }).waitFor()
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
const PRIVACY_LABELS = { ALL: 'All models (ALL)', PRIVATE_TEXT: 'Private text models (PRIVATE_TEXT)', PRIVATE_ONLY: 'Private models only (PRIVATE_ONLY)' }

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

export const mintButton = (page: Page) => page.getByRole('button', { name: /Sign and mint key|Try again|Minting/ })

/** The revealed secret, read through the Reveal toggle. */
export async function revealSecret(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Reveal' }).click()
  return (await page.getByTestId('secret-value').textContent())!.trim()
}
