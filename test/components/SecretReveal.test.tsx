import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SecretReveal } from '../../src/features/key/SecretReveal'
import { keyring } from '../../src/session/store'
import { useKey } from '../../src/session/useKeyring'
import { INFERENCE_SECRET_TEXT, secretOf } from '../helpers/venice'

const API_URL = 'https://api.venice.test/api/v1'

afterEach(() => {
  keyring.clear()
  vi.restoreAllMocks()
})

/** The reveal view of a freshly minted key, shown from the keyring as KeyPage does; `remount` leaves and comes back. */
function renderMintedKey() {
  const secret = secretOf(INFERENCE_SECRET_TEXT)
  const { id } = keyring.add({ secret, description: 'Minted', origin: 'minted', unsaved: true, revealing: true })
  function Page() {
    const entry = useKey(id)
    return entry && (entry.unsaved || entry.revealing) ? <SecretReveal entry={entry} apiUrl={API_URL} /> : null
  }
  let view = render(<Page />)
  return {
    id,
    shown: () => screen.getByTestId('secret-value').textContent,
    remount: () => {
      view.unmount()
      view = render(<Page />)
    },
  }
}

describe('SecretReveal', () => {
  it('masks the secret until Reveal, and hides it again', async () => {
    const user = userEvent.setup()
    const { shown } = renderMintedKey()
    expect(shown()).toBe(`VENICE_INFERENCE_KEY_${'•'.repeat(16)}${INFERENCE_SECRET_TEXT.slice(-6)}`)
    expect(document.body.textContent).not.toContain(INFERENCE_SECRET_TEXT)

    const reveal = screen.getByRole('button', { name: 'Reveal' })
    expect(reveal.getAttribute('aria-pressed')).toBe('false')
    await user.click(reveal)
    expect(shown()).toBe(INFERENCE_SECRET_TEXT)
    expect(screen.getByRole('button', { name: 'Hide' }).getAttribute('aria-pressed')).toBe('true')

    await user.click(screen.getByRole('button', { name: 'Hide' }))
    expect(shown()).not.toContain(INFERENCE_SECRET_TEXT)
  })

  it('"I have saved it" marks the key saved in the keyring', async () => {
    const user = userEvent.setup()
    const { id } = renderMintedKey()
    await user.click(screen.getByRole('button', { name: 'I have saved it' }))
    expect(keyring.get(id)?.unsaved).toBe(false)
    expect(screen.queryByRole('button', { name: 'I have saved it' })).toBeNull()
    expect(screen.getByText('Marked as saved.')).toBeTruthy()
  })

  it('Download saves a .env file with VENICE_API_KEY= and marks the key saved', async () => {
    const user = userEvent.setup()
    const blobs: Blob[] = []
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob)
      return 'blob:test/1'
    })
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: { href: string; download: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download })
    })
    const { id } = renderMintedKey()

    await user.click(screen.getByRole('button', { name: 'Download .env' }))

    expect(createObjectURL).toHaveBeenCalledTimes(1)
    expect(await blobs[0]?.text()).toBe(`VENICE_API_KEY=${INFERENCE_SECRET_TEXT}\nVENICE_BASE_URL=${API_URL}\n`)
    expect(clicked).toEqual([{ href: 'blob:test/1', download: `venice-${INFERENCE_SECRET_TEXT.slice(-6)}.env` }])
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:test/1')
    expect(keyring.get(id)?.unsaved).toBe(false)
  })

  it('Copy puts the secret on the clipboard and marks it saved', async () => {
    const user = userEvent.setup()
    const { id } = renderMintedKey()
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(await navigator.clipboard.readText()).toBe(INFERENCE_SECRET_TEXT)
    expect(screen.getByText('Copied to the clipboard.')).toBeTruthy()
    expect(keyring.get(id)?.unsaved).toBe(false)
  })

  it('a refused copy says so and leaves the key unsaved', async () => {
    const user = userEvent.setup()
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError'))
    const { id } = renderMintedKey()
    await user.click(screen.getByRole('button', { name: 'Copy' }))
    expect(await screen.findByText(/did not allow copying/)).toBeTruthy()
    expect(keyring.get(id)?.unsaved).toBe(true)
  })

  it('every example reads the key from the environment, never inline, and copying one leaves the key unsaved', async () => {
    const user = userEvent.setup()
    const { id } = renderMintedKey()
    const shownExample = () => document.querySelector('pre')?.textContent ?? ''
    expect(shownExample()).toContain('"$VENICE_BASE_URL/api_keys/rate_limits"')
    for (const [label, expected] of [
      ['curl: chat', '"$VENICE_BASE_URL/chat/completions"'],
      ['JavaScript', `baseURL: '${API_URL}'`],
      ['Python', `base_url="${API_URL}"`],
    ] as const) {
      await user.click(screen.getByRole('button', { name: label }))
      expect(screen.getByRole('button', { name: label }).getAttribute('aria-pressed')).toBe('true')
      expect(shownExample()).toContain(expected)
      expect(shownExample()).toMatch(/VENICE_API_KEY/)
      expect(shownExample()).not.toContain(INFERENCE_SECRET_TEXT)
    }
    await user.click(screen.getByRole('button', { name: 'Copy example' }))
    expect(await navigator.clipboard.readText()).toContain(`base_url="${API_URL}"`)
    expect(keyring.get(id)?.unsaved).toBe(true)
  })

  it('offers Done once the key is saved, and Done closes it on the key itself', async () => {
    const user = userEvent.setup()
    const { id } = renderMintedKey()
    expect(screen.queryByRole('button', { name: 'Done' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'I have saved it' }))
    await user.click(screen.getByRole('button', { name: 'Done' }))
    expect(keyring.get(id)?.revealing).toBe(false)
    expect(screen.queryByTestId('secret-value')).toBeNull()
  })

  it('once saved, never shows the secret again after it leaves the screen (a tab switch, a remount)', async () => {
    const user = userEvent.setup()
    const { id, remount } = renderMintedKey()
    await user.click(screen.getByRole('button', { name: 'I have saved it' }))
    remount()
    expect(screen.queryByTestId('secret-value')).toBeNull()
    expect(keyring.get(id)?.revealing).toBe(false)
  })

  it('stays up through a remount while the key is not saved yet', () => {
    const { remount } = renderMintedKey()
    remount()
    expect(screen.getByTestId('secret-value')).toBeTruthy()
  })
})
