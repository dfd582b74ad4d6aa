import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VAULT_STORAGE_KEY } from '../../src/session/rememberedKeys'
import { deriveVaultKey, seal } from '../../src/session/vault'
import { INFERENCE_SECRET_TEXT } from '../helpers/venice'

const PASSPHRASE = 'correct horse battery staple'

// The session reads localStorage when it is first imported: the vault is stored before that.
let session: typeof import('../../src/session/store')
let UnlockVault: typeof import('../../src/features/key/UnlockVault').UnlockVault
beforeAll(async () => {
  const sealed = await seal(
    await deriveVaultKey(PASSPHRASE),
    JSON.stringify([{ secret: INFERENCE_SECRET_TEXT, description: 'Remembered', origin: 'minted', veniceKeyId: 'v-9' }]),
  )
  localStorage.setItem(VAULT_STORAGE_KEY, JSON.stringify(sealed))
  session = await import('../../src/session/store')
  ;({ UnlockVault } = await import('../../src/features/key/UnlockVault'))
})

afterAll(() => localStorage.clear())

describe('UnlockVault', () => {
  it('says so at the field on a wrong passphrase, then opens with the right one', async () => {
    const user = userEvent.setup()
    expect(session.rememberedKeys.status()).toBe('locked')
    const { container } = render(<UnlockVault />)
    expect(screen.getByRole('form', { name: 'Unlock remembered keys' })).toBeTruthy()

    const unlock = screen.getByRole<HTMLButtonElement>('button', { name: 'Unlock' })
    expect(unlock.disabled).toBe(true)
    const input = screen.getByLabelText<HTMLInputElement>('Passphrase')
    await user.type(input, 'not the passphrase')
    await user.click(unlock)

    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'), { timeout: 5000 })
    const errorId = input.getAttribute('aria-describedby') ?? ''
    expect(document.getElementById(errorId)?.textContent).toBe('Wrong passphrase: these keys could not be decrypted with it.')
    expect(input.value).toBe('')
    expect(session.rememberedKeys.status()).toBe('locked')
    expect(session.keyring.list()).toEqual([])

    await user.type(input, PASSPHRASE)
    await user.click(screen.getByRole('button', { name: 'Unlock' }))
    await waitFor(() => expect(container.innerHTML).toBe(''), { timeout: 5000 })
    expect(session.rememberedKeys.status()).toBe('on')
    expect(session.keyring.list().map((e) => [e.secret.expose(), e.description, e.veniceKeyId])).toEqual([
      [INFERENCE_SECRET_TEXT, 'Remembered', 'v-9'],
    ])
  })
})
