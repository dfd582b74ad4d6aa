import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { KeyEntry } from '../../src/session/keyring'
import { PasteKeyForm } from '../../src/features/key/PasteKeyForm'
import { keyring } from '../../src/session/store'
import { ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT } from '../helpers/venice'

afterEach(() => keyring.clear())

function renderForm() {
  const onAdded = vi.fn<(entry: KeyEntry) => void>()
  render(<PasteKeyForm onAdded={onAdded} />)
  const input = screen.getByLabelText<HTMLInputElement>('Venice API key')
  const submit = () => userEvent.click(screen.getByRole('button', { name: 'Open dashboard' }))
  return { onAdded, input, submit }
}

describe('PasteKeyForm', () => {
  it('shows why a bad key was refused, at the field, and adds nothing', async () => {
    const user = userEvent.setup()
    const { onAdded, input, submit } = renderForm()
    await user.type(input, 'sk-not-a-venice-key')
    await submit()

    expect(onAdded).not.toHaveBeenCalled()
    expect(keyring.list()).toEqual([])
    expect(input.getAttribute('aria-invalid')).toBe('true')
    const message = document.getElementById(input.getAttribute('aria-describedby')?.split(' ').at(-1) ?? '')
    expect(message?.textContent).toMatch(/should start with VENICE_INFERENCE_KEY_ or VENICE_ADMIN_KEY_/)
    expect(input.value).toBe('sk-not-a-venice-key')
  })

  it('asks for a key when submitted empty', async () => {
    const { onAdded, submit } = renderForm()
    await submit()
    expect(screen.getByText('Paste a Venice API key.')).toBeTruthy()
    expect(onAdded).not.toHaveBeenCalled()
  })

  it('adds a good key (whitespace trimmed), hands the entry over and clears the field', async () => {
    const user = userEvent.setup()
    const { onAdded, input, submit } = renderForm()
    await user.click(input)
    await user.paste(`  ${ADMIN_SECRET_TEXT}\n`)
    await submit()

    expect(onAdded).toHaveBeenCalledTimes(1)
    const entry = onAdded.mock.calls[0]?.[0]
    expect(entry?.secret.last6).toBe(ADMIN_SECRET_TEXT.slice(-6))
    expect(entry?.secret.expose()).toBe(ADMIN_SECRET_TEXT)
    expect(entry?.secret.type).toBe('ADMIN')
    expect(entry).toMatchObject({ origin: 'pasted', unsaved: false })
    expect(keyring.list()).toEqual([entry])
    expect(input.value).toBe('')
    expect(input.hasAttribute('aria-invalid')).toBe(false)
    expect(input.type).toBe('password')
  })

  it('clears an earlier error once a good key is submitted', async () => {
    const user = userEvent.setup()
    const { onAdded, input, submit } = renderForm()
    await user.type(input, 'nope')
    await submit()
    expect(input.getAttribute('aria-invalid')).toBe('true')
    await user.clear(input)
    await user.type(input, INFERENCE_SECRET_TEXT)
    await submit()
    expect(onAdded).toHaveBeenCalledTimes(1)
    expect(input.hasAttribute('aria-invalid')).toBe(false)
    expect(screen.queryByText(/should start with/)).toBeNull()
  })
})
