import { describe, expect, it, vi } from 'vitest'
import { createKeyring, type KeyEntry } from '../../src/session/keyring'
import { VAULT_STORAGE_KEY, createRememberedKeys } from '../../src/session/rememberedKeys'
import { sharedStorage } from '../helpers/storage'
import { ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT, secretOf } from '../helpers/venice'

const PASSPHRASE = 'correct horse battery staple'
const THIRD_SECRET_TEXT = 'VENICE_INFERENCE_KEY_Zz9yX8wV7uT6sR5qP4oN3mL2'

function entry(secretText: string, description = 'A key'): Omit<KeyEntry, 'id'> {
  const secret = secretOf(secretText)
  return { secret, description, origin: 'pasted', unsaved: false }
}

const secretsOf = (keyring: ReturnType<typeof createKeyring>) =>
  keyring
    .list()
    .map((e) => e.secret.expose())
    .sort()

/** Two tabs of one device, both with the vault unlocked; the first created it holding one key. */
async function twoTabs() {
  const device = sharedStorage()
  const first = { keyring: createKeyring(), ...device.tab() }
  first.keyring.add(entry(INFERENCE_SECRET_TEXT, 'first tab'))
  const a = { ...first, remembered: createRememberedKeys(first.keyring, first.storage, first) }
  await a.remembered.enable(PASSPHRASE)

  const second = { keyring: createKeyring(), ...device.tab() }
  const b = { ...second, remembered: createRememberedKeys(second.keyring, second.storage, second) }
  await b.remembered.unlock(PASSPHRASE)
  return { device, a, b }
}

/** What a third tab finds in the vault. */
async function vaultSecrets(storage: Storage) {
  const keyring = createKeyring()
  await createRememberedKeys(keyring, storage).unlock(PASSPHRASE)
  return secretsOf(keyring)
}

// Each tab derives its key with the full 600,000 PBKDF2 rounds: slow on a busy machine.
describe('one vault, two tabs', { timeout: 60_000 }, () => {
  it('keeps keys added in both tabs at the same time, and each tab learns of the other’s', async () => {
    const { device, a, b } = await twoTabs()
    a.keyring.add(entry(ADMIN_SECRET_TEXT, 'added in A'))
    b.keyring.add(entry(THIRD_SECRET_TEXT, 'added in B'))
    await Promise.all([a.remembered.flush(), b.remembered.flush()])

    const all = [ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT, THIRD_SECRET_TEXT].sort()
    await vi.waitFor(() => {
      expect(secretsOf(a.keyring)).toEqual(all)
      expect(secretsOf(b.keyring)).toEqual(all)
    })
    await Promise.all([a.remembered.flush(), b.remembered.flush()])
    expect(await vaultSecrets(device.shared)).toEqual(all)
    expect(device.shared.dump()).not.toContain(THIRD_SECRET_TEXT)
  })

  it('forgets in every tab a key forgotten in one', async () => {
    const { device, a, b } = await twoTabs()
    b.keyring.add(entry(ADMIN_SECRET_TEXT))
    await vi.waitFor(() => expect(secretsOf(a.keyring)).toContain(ADMIN_SECRET_TEXT))

    a.keyring.remove(a.keyring.list().find((e) => e.secret.type === 'ADMIN')!.id)
    await vi.waitFor(() => expect(secretsOf(b.keyring)).toEqual([INFERENCE_SECRET_TEXT]))
    await Promise.all([a.remembered.flush(), b.remembered.flush()])
    expect(await vaultSecrets(device.shared)).toEqual([INFERENCE_SECRET_TEXT])
  })

  it('takes a description changed in the other tab, and the tabs then stop writing', async () => {
    const { device, a, b } = await twoTabs()
    const write = vi.spyOn(device.shared, 'setItem')
    const inB = b.keyring.list()[0]!
    b.keyring.update(inB.id, { description: 'renamed in B' })
    await vi.waitFor(() => expect(a.keyring.list()[0]?.description).toBe('renamed in B'))
    await Promise.all([a.remembered.flush(), b.remembered.flush()])
    await device.delivered()
    await Promise.all([a.remembered.flush(), b.remembered.flush()])
    expect(write).toHaveBeenCalledTimes(1)
  })

  it('"Stop remembering" in one tab turns it off in the other, which keeps its keys in memory', async () => {
    const { device, a, b } = await twoTabs()
    a.remembered.stopRemembering()
    await vi.waitFor(() => expect(b.remembered.status()).toBe('off'))
    expect(secretsOf(b.keyring)).toEqual([INFERENCE_SECRET_TEXT])
    b.keyring.add(entry(ADMIN_SECRET_TEXT))
    await b.remembered.flush()
    expect(device.shared.getItem(VAULT_STORAGE_KEY)).toBeNull()
  })

  it('a tab that remembers nothing offers to unlock once another tab starts remembering, and unlocking merges its keys', async () => {
    const device = sharedStorage()
    const tabA = { keyring: createKeyring(), ...device.tab() }
    const tabB = { keyring: createKeyring(), ...device.tab() }
    const a = createRememberedKeys(tabA.keyring, tabA.storage, tabA)
    const b = createRememberedKeys(tabB.keyring, tabB.storage, tabB)
    tabA.keyring.add(entry(INFERENCE_SECRET_TEXT))
    tabB.keyring.add(entry(ADMIN_SECRET_TEXT))

    await a.enable(PASSPHRASE)
    await vi.waitFor(() => expect(b.status()).toBe('locked'))
    await b.unlock(PASSPHRASE)
    const both = [ADMIN_SECRET_TEXT, INFERENCE_SECRET_TEXT].sort()
    expect(secretsOf(tabB.keyring)).toEqual(both)
    await vi.waitFor(() => expect(secretsOf(tabA.keyring)).toEqual(both))
    expect(await vaultSecrets(device.shared)).toEqual(both)
  })
})
