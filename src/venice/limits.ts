/** Venice's limits on a key's settings (docs/venice-api.md): plain numbers, so reading them loads no schema code. */
export const MAX_DESCRIPTION_LENGTH = 64
export const MAX_CONSUMPTION_LIMIT = 9_999_999_999
