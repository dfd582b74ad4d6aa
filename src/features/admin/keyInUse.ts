import type { ApiKey } from '../../venice/schemas'
import type { KeyEntry } from '../../session/keyring'

/** The listed key this page is using: by Venice id when known, else by its last characters and type. */
export function isKeyInUse(key: Pick<ApiKey, 'id' | 'last6Chars' | 'apiKeyType'>, entry: KeyEntry): boolean {
  if (entry.veniceKeyId) return key.id === entry.veniceKeyId
  return key.last6Chars === entry.secret.last6 && key.apiKeyType === entry.secret.type
}
