import type { CreatedKey } from '../venice/schemas'
import { Secret } from '../venice/secret'
import { keyring } from './store'

/**
 * Puts a key Venice just created (wallet mint or ADMIN create) into the keyring, flagged unsaved
 * until the user has copied or downloaded it. Returns its local id.
 */
export function keepCreatedKey(created: CreatedKey, fallbackDescription: string): string {
  const parsed = Secret.parse(created.apiKey)
  if (!parsed.ok) throw new Error('Venice created a key but returned its secret in an unknown format.')
  return keyring.add({
    secret: parsed.secret,
    description: created.description || fallbackDescription,
    origin: 'minted',
    veniceKeyId: created.id,
    unsaved: true,
    revealing: true,
  }).id
}
