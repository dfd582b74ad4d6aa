import { beforeAll, describe, expect, it } from 'vitest'
import {
  VAULT_ITERATIONS,
  WrongPassphraseError,
  deriveVaultKey,
  isSealedVault,
  seal,
  unseal,
  type SealedVault,
  type VaultKey,
} from '../../src/session/vault'
import { INFERENCE_SECRET_TEXT } from '../helpers/venice'

const PASSPHRASE = 'correct horse battery staple'
const PLAINTEXT = JSON.stringify([{ secret: INFERENCE_SECRET_TEXT, description: 'Agent' }])
const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))

// One derivation per passphrase try (600,000 PBKDF2 rounds each), so they are shared.
let vaultKey: VaultKey
let sealed: SealedVault
beforeAll(async () => {
  vaultKey = await deriveVaultKey(PASSPHRASE)
  sealed = await seal(vaultKey, PLAINTEXT)
})

describe('vault', () => {
  it('derives a non-extractable AES-GCM key with at least 600,000 PBKDF2 rounds', () => {
    expect(VAULT_ITERATIONS).toBeGreaterThanOrEqual(600_000)
    expect(vaultKey.iterations).toBe(VAULT_ITERATIONS)
    expect(vaultKey.salt).toHaveLength(16)
    expect(vaultKey.key.extractable).toBe(false)
    expect(vaultKey.key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 })
    expect(vaultKey.key.usages.sort()).toEqual(['decrypt', 'encrypt'])
  })

  it('stores only metadata and ciphertext', () => {
    expect(sealed).toMatchObject({ version: 1, kdf: 'PBKDF2-SHA256', iterations: VAULT_ITERATIONS })
    expect(Object.keys(sealed).sort()).toEqual(['ciphertext', 'iterations', 'iv', 'kdf', 'salt', 'version'])
    expect(bytes(sealed.salt)).toEqual(vaultKey.salt)
    expect(bytes(sealed.iv)).toHaveLength(12)
    // AES-GCM: ciphertext is the plaintext length plus a 16-byte tag.
    expect(bytes(sealed.ciphertext)).toHaveLength(new TextEncoder().encode(PLAINTEXT).length + 16)
    const raw = JSON.stringify(sealed)
    expect(raw).not.toContain(INFERENCE_SECRET_TEXT)
    expect(raw).not.toContain(INFERENCE_SECRET_TEXT.slice(-12))
    expect(raw).not.toContain(btoa(INFERENCE_SECRET_TEXT).slice(0, 16))
    expect(isSealedVault(JSON.parse(raw))).toBe(true)
  })

  it('uses a fresh IV for every seal', async () => {
    const again = await seal(vaultKey, PLAINTEXT)
    expect(again.iv).not.toBe(sealed.iv)
    expect(again.ciphertext).not.toBe(sealed.ciphertext)
    expect(again.salt).toBe(sealed.salt)
  })

  it('round-trips with the right passphrase, and returns a key that seals more', async () => {
    const opened = await unseal(sealed, PASSPHRASE)
    expect(opened.plaintext).toBe(PLAINTEXT)
    expect(opened.vaultKey.iterations).toBe(VAULT_ITERATIONS)
    const resealed = await seal(opened.vaultKey, 'more')
    expect(resealed.salt).toBe(sealed.salt)
    expect(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes(resealed.iv) }, vaultKey.key, bytes(resealed.ciphertext)),
    ).toEqual(new TextEncoder().encode('more').buffer)
  })

  it('throws WrongPassphraseError for a wrong passphrase', async () => {
    const error = await unseal(sealed, 'Correct horse battery staple').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(WrongPassphraseError)
    expect((error as Error).message).toMatch(/Wrong passphrase/)
  })

  it('refuses a tampered ciphertext even with the right passphrase', async () => {
    const tampered = bytes(sealed.ciphertext)
    tampered[0] = (tampered[0] ?? 0) ^ 1
    const ciphertext = btoa(String.fromCharCode(...tampered))
    await expect(unseal({ ...sealed, ciphertext }, PASSPHRASE)).rejects.toBeInstanceOf(WrongPassphraseError)
  })
})

describe('isSealedVault', () => {
  const good = { version: 1, kdf: 'PBKDF2-SHA256', iterations: 600_000, salt: 'AA==', iv: 'AA==', ciphertext: 'AA==' }
  it('accepts the stored shape', () => {
    expect(isSealedVault(good)).toBe(true)
  })
  it.each([
    ['null', null],
    ['a string', 'vault'],
    ['another version', { ...good, version: 2 }],
    ['another KDF', { ...good, kdf: 'scrypt' }],
    ['too few rounds', { ...good, iterations: 1000 }],
    ['a missing IV', { ...good, iv: undefined }],
  ])('rejects %s', (_, value) => {
    expect(isSealedVault(value)).toBe(false)
  })
})
