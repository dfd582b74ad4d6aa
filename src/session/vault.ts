/**
 * Passphrase encryption for keys the user chose to remember on this device:
 * PBKDF2-SHA256 (600,000 iterations) derives an AES-GCM key; only ciphertext is ever stored.
 */
export const VAULT_ITERATIONS = 600_000

export interface SealedVault {
  version: 1
  kdf: 'PBKDF2-SHA256'
  iterations: number
  salt: string
  iv: string
  ciphertext: string
}

export interface VaultKey {
  key: CryptoKey
  salt: Uint8Array<ArrayBuffer>
  iterations: number
}

export class WrongPassphraseError extends Error {
  override name = 'WrongPassphraseError'
  constructor() {
    super('Wrong passphrase: these keys could not be decrypted with it.')
  }
}

export async function deriveVaultKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer> = crypto.getRandomValues(new Uint8Array(16)),
  iterations = VAULT_ITERATIONS,
): Promise<VaultKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey'])
  const key = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
  return { key, salt, iterations }
}

export async function seal(vaultKey: VaultKey, plaintext: string): Promise<SealedVault> {
  const iv = crypto.getRandomValues(new Uint8Array(12))
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, vaultKey.key, new TextEncoder().encode(plaintext))
  return {
    version: 1,
    kdf: 'PBKDF2-SHA256',
    iterations: vaultKey.iterations,
    salt: toBase64(vaultKey.salt),
    iv: toBase64(iv),
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  }
}

/** Decrypts with the passphrase; the returned key re-seals later changes without asking again. */
export async function unseal(sealed: SealedVault, passphrase: string): Promise<{ vaultKey: VaultKey; plaintext: string }> {
  const vaultKey = await deriveVaultKey(passphrase, fromBase64(sealed.salt), sealed.iterations)
  return { vaultKey, plaintext: await open(vaultKey, sealed) }
}

/** Decrypts with a key already derived (e.g. a vault another tab re-sealed with the same passphrase). */
export async function open(vaultKey: VaultKey, sealed: SealedVault): Promise<string> {
  if (sealed.salt !== toBase64(vaultKey.salt) || sealed.iterations !== vaultKey.iterations) throw new WrongPassphraseError()
  try {
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv) },
      vaultKey.key,
      fromBase64(sealed.ciphertext),
    )
    return new TextDecoder().decode(plaintext)
  } catch {
    throw new WrongPassphraseError()
  }
}

export function isSealedVault(value: unknown): value is SealedVault {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return (
    v.version === 1 &&
    v.kdf === 'PBKDF2-SHA256' &&
    typeof v.iterations === 'number' &&
    v.iterations >= VAULT_ITERATIONS &&
    ['salt', 'iv', 'ciphertext'].every((field) => typeof v[field] === 'string')
  )
}

function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (const byte of bytes) binary += String.fromCharCode(byte)
  return btoa(binary)
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
}
