import { describe, expect, it, vi } from 'vitest'
import { createKeyring, type KeyEntry } from '../../src/session/keyring'
import { VAULT_STORAGE_KEY, createRememberedKeys } from '../../src/session/rememberedKeys'
import { VAULT_ITERATIONS, WrongPassphraseError, isSealedVault } from '../../src/session/vault'
import { memoryStorage } from '../helpers/storage'
import { ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT, secretOf } from '../helpers/venice'

const PASSPHRASE = 'correct horse battery staple'

function entry(secretText: string, extra: Partial<Omit<KeyEntry, 'id' | 'secret'>> = {}): Omit<KeyEntry, 'id'> {
  const secret = secretOf(secretText)
  return { secret, description: 'A key', origin: 'pasted', unsaved: false, ...extra }
}

function storedVault(storage: Storage) {
  const raw = storage.getItem(VAULT_STORAGE_KEY)
  return raw === null ? undefined : (JSON.parse(raw) as unknown)
}

/** A session (keyring + remember) on `storage`, with "remember" switched on. */
async function rememberingSession(storage = memoryStorage()) {
  const keyring = createKeyring()
  keyring.add(entry(INFERENCE_SECRET_TEXT, { description: 'Minted', origin: 'minted', veniceKeyId: 'v-1', unsaved: true }))
  const remembered = createRememberedKeys(keyring, storage)
  await remembered.enable(PASSPHRASE)
  return { storage, keyring, remembered }
}

describe('rememberedKeys', { timeout: 60_000 }, () => {
  it('starts off with nothing stored, and ignores garbage or weak vaults', () => {
    expect(createRememberedKeys(createKeyring(), memoryStorage()).status()).toBe('off')
    expect(createRememberedKeys(createKeyring(), memoryStorage({ [VAULT_STORAGE_KEY]: '{not json' })).status()).toBe('off')
    const weak = JSON.stringify({
      version: 1,
      kdf: 'PBKDF2-SHA256',
      iterations: 1000,
      salt: 'AA==',
      iv: 'AA==',
      ciphertext: 'AA==',
    })
    expect(createRememberedKeys(createKeyring(), memoryStorage({ [VAULT_STORAGE_KEY]: weak })).status()).toBe('off')
  })

  it('enable seals the keyring; later changes re-seal; a new session opens it with the passphrase', async () => {
    const { storage, keyring, remembered } = await rememberingSession()
    expect(remembered.status()).toBe('on')
    const first = storedVault(storage)
    expect(isSealedVault(first)).toBe(true)
    expect(first).toMatchObject({ iterations: VAULT_ITERATIONS, kdf: 'PBKDF2-SHA256' })

    keyring.add(entry(ADMIN_SECRET_TEXT, { description: 'Pasted admin' }))
    await remembered.flush()
    const second = storedVault(storage)
    expect(second).not.toEqual(first)
    expect(storage.dump()).not.toContain(INFERENCE_SECRET_TEXT)
    expect(storage.dump()).not.toContain(ADMIN_SECRET_TEXT)

    // A reload: a new keyring on the same storage.
    const nextKeyring = createKeyring()
    const next = createRememberedKeys(nextKeyring, storage)
    expect(next.status()).toBe('locked')
    expect(nextKeyring.list()).toEqual([])

    const listener = vi.fn()
    next.subscribe(listener)
    await expect(next.unlock('wrong passphrase')).rejects.toBeInstanceOf(WrongPassphraseError)
    expect(next.status()).toBe('locked')
    expect(nextKeyring.list()).toEqual([])

    await next.unlock(PASSPHRASE)
    expect(next.status()).toBe('on')
    expect(listener).toHaveBeenCalled()
    const restored = nextKeyring.list().map(({ secret, description, origin, veniceKeyId, unsaved }) => ({
      secret: secret.expose(),
      type: secret.type,
      description,
      origin,
      veniceKeyId,
      unsaved,
    }))
    expect(restored).toEqual(
      expect.arrayContaining([
        {
          secret: INFERENCE_SECRET_TEXT,
          type: 'INFERENCE',
          description: 'Minted',
          origin: 'minted',
          veniceKeyId: 'v-1',
          unsaved: false,
        },
        {
          secret: ADMIN_SECRET_TEXT,
          type: 'ADMIN',
          description: 'Pasted admin',
          origin: 'pasted',
          veniceKeyId: undefined,
          unsaved: false,
        },
      ]),
    )
    expect(restored).toHaveLength(2)

    // The unlocked session keeps sealing with the same passphrase: a removal is stored too.
    const admin = nextKeyring.list().find((e) => e.secret.type === 'ADMIN')
    nextKeyring.remove(admin?.id ?? '')
    await next.flush()
    const third = createKeyring()
    await createRememberedKeys(third, storage).unlock(PASSPHRASE)
    expect(third.list().map((e) => e.secret.expose())).toEqual([INFERENCE_SECRET_TEXT])
  })

  it('stopRemembering removes the stored copy but keeps the keys in memory', async () => {
    const { storage, keyring, remembered } = await rememberingSession()
    remembered.stopRemembering()
    expect(remembered.status()).toBe('off')
    expect(storage.getItem(VAULT_STORAGE_KEY)).toBeNull()
    expect(keyring.list().map((e) => e.secret.expose())).toEqual([INFERENCE_SECRET_TEXT])
    keyring.add(entry(ADMIN_SECRET_TEXT))
    await remembered.flush()
    expect(storage.length).toBe(0)
  })

  it('forgetEverything wipes the storage and the keyring', async () => {
    const { storage, keyring, remembered } = await rememberingSession()
    remembered.forgetEverything()
    await remembered.flush()
    expect(remembered.status()).toBe('off')
    expect(storage.length).toBe(0)
    expect(keyring.list()).toEqual([])
  })

  it('forgetEverything wins over a seal still in progress', async () => {
    const { storage, keyring, remembered } = await rememberingSession()
    keyring.add(entry(ADMIN_SECRET_TEXT))
    // Let the queued write start encrypting, then forget before it lands.
    await Promise.resolve()
    await Promise.resolve()
    remembered.forgetEverything()
    await remembered.flush()
    expect(storage.getItem(VAULT_STORAGE_KEY)).toBeNull()
    expect(createRememberedKeys(createKeyring(), storage).status()).toBe('off')
  })

  it('unlock with nothing stored turns "remember" off', async () => {
    const remembered = createRememberedKeys(createKeyring(), memoryStorage())
    await remembered.unlock(PASSPHRASE)
    expect(remembered.status()).toBe('off')
  })
})

describe('keyring', () => {
  it('adds newest first, with a random local id that is not the secret', () => {
    const keyring = createKeyring()
    const a = keyring.add(entry(INFERENCE_SECRET_TEXT))
    const b = keyring.add(entry(ADMIN_SECRET_TEXT))
    expect(keyring.list()).toEqual([b, a])
    expect(a.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.id).not.toBe(b.id)
    expect(keyring.get(a.id)).toBe(a)
  })

  it('returns the existing entry for a secret it already holds', () => {
    const keyring = createKeyring()
    const first = keyring.add(entry(INFERENCE_SECRET_TEXT, { description: 'first' }))
    const again = keyring.add(entry(`  ${INFERENCE_SECRET_TEXT}  `, { description: 'second' }))
    expect(again).toBe(first)
    expect(keyring.list()).toHaveLength(1)
  })

  it('updates, removes, clears and tells subscribers each time', () => {
    const keyring = createKeyring()
    const listener = vi.fn()
    const unsubscribe = keyring.subscribe(listener)
    const added = keyring.add(entry(INFERENCE_SECRET_TEXT, { unsaved: true }))
    keyring.update(added.id, { unsaved: false })
    expect(keyring.get(added.id)?.unsaved).toBe(false)
    expect(keyring.get(added.id)?.secret.expose()).toBe(INFERENCE_SECRET_TEXT)
    keyring.remove(added.id)
    expect(keyring.list()).toEqual([])
    keyring.add(entry(ADMIN_SECRET_TEXT))
    keyring.clear()
    expect(keyring.list()).toEqual([])
    expect(listener).toHaveBeenCalledTimes(5)
    unsubscribe()
    keyring.add(entry(ADMIN_SECRET_TEXT))
    expect(listener).toHaveBeenCalledTimes(5)
  })
})

describe('remembered keys across a reload', () => {
  it('come back with the same local ids (so a key page still works) and in the same order', async () => {
    const { storage, keyring, remembered } = await rememberingSession()
    keyring.add(entry(ADMIN_SECRET_TEXT, { description: 'newer' }))
    await remembered.flush()
    const before = keyring.list().map((e) => [e.id, e.secret.expose()])

    const next = createKeyring()
    await createRememberedKeys(next, storage).unlock(PASSPHRASE)
    expect(next.list().map((e) => [e.id, e.secret.expose()])).toEqual(before)
    expect(storage.dump()).not.toContain(ADMIN_SECRET_TEXT)
  })

  it('keeps a given id only when it is free and URL-safe', () => {
    const keyring = createKeyring()
    const a = keyring.add({ ...entry(INFERENCE_SECRET_TEXT), id: 'kept-id' })
    expect(a.id).toBe('kept-id')
    const b = keyring.add({ ...entry(ADMIN_SECRET_TEXT), id: 'kept-id' })
    expect(b.id).not.toBe('kept-id')
    const c = createKeyring().add({ ...entry(ADMIN_SECRET_TEXT), id: '../x' })
    expect(c.id).toMatch(/^[0-9a-f-]{36}$/)
  })
})
