import { MINUTE_MS } from '../clock'
import { apiError, json, tooManyRequests, type ApiResponse } from '../http'
import { applyLimits, KEY_FIELDS, newKeySettings, parseKeyFields } from '../keyFields'
import { createdKey, keyObject } from '../keyView'
import type { KeyContext, Route } from '../router'
import { API_KEY_TYPES, MAX_ACTIVE_KEYS } from '../store'
import { enumField, schemaError, stringField, strictObject, type Issues } from '../validation'

const CREATIONS_PER_MINUTE = 20

/** Key management (ADMIN). GET /api_keys/:id must stay after the static /api_keys/... routes. */
export const keyRoutes: Route[] = [
  { method: 'GET', path: '/api_keys', access: 'admin', handle: list },
  { method: 'POST', path: '/api_keys', access: 'admin', handle: create },
  { method: 'PATCH', path: '/api_keys', access: 'admin', handle: update },
  { method: 'DELETE', path: '/api_keys', access: 'admin', handle: revoke },
  { method: 'GET', path: '/api_keys/:id', access: 'admin', handle: get },
]

function list({ state, account, now }: KeyContext): ApiResponse {
  const keys = state.store.activeKeys(account.id, now).map((key) => keyObject(state.store, key, now))
  return json(200, { object: 'list', data: keys })
}

function get({ state, account, now, params }: KeyContext): ApiResponse {
  const key = state.store.activeKey(account.id, params.id ?? '', now)
  return key ? json(200, { data: keyObject(state.store, key, now) }) : apiError(400, 'API key not found')
}

function create({ state, account, body, now }: KeyContext): ApiResponse {
  const recent = account.creationRequests.filter((time) => time > now - MINUTE_MS)
  account.creationRequests = recent
  if (recent.length >= CREATIONS_PER_MINUTE) {
    const oldest = recent[0] ?? now
    return tooManyRequests(
      `Rate limit exceeded: at most ${CREATIONS_PER_MINUTE} API keys can be created per minute`,
      oldest + MINUTE_MS - now,
    )
  }
  recent.push(now)

  const issues: Issues = []
  const fields = strictObject(body, ['apiKeyType', ...KEY_FIELDS], issues)
  if (!fields) return schemaError(issues)
  const apiKeyType = enumField(fields, 'apiKeyType', API_KEY_TYPES, issues, true)
  const options = parseKeyFields(fields, issues, now, { descriptionRequired: true, expiryMayBeNull: false })
  if (issues.length || !apiKeyType) return schemaError(issues)
  if (state.store.activeKeys(account.id, now).length >= MAX_ACTIVE_KEYS) {
    return apiError(400, `Maximum of ${MAX_ACTIVE_KEYS} active API keys reached`)
  }
  const key = state.store.createKey(account, newKeySettings(apiKeyType, options, ''), now)
  return json(200, { success: true, data: createdKey(key, key.consumptionLimits) })
}

function update({ state, account, body, now }: KeyContext): ApiResponse {
  const issues: Issues = []
  const fields = strictObject(body, ['id', ...KEY_FIELDS], issues)
  if (!fields) return schemaError(issues)
  const id = stringField(fields, 'id', issues, true)
  const options = parseKeyFields(fields, issues, now, { descriptionRequired: false, expiryMayBeNull: true })
  if (issues.length || id === undefined) return schemaError(issues)
  const key = state.store.activeKey(account.id, id, now)
  if (!key) return apiError(400, 'API key not found or expired')

  if (options.description !== undefined) key.description = options.description
  if (options.expiresAt !== undefined) key.expiresAt = options.expiresAt
  key.consumptionLimits = applyLimits(options.consumptionLimit, key.consumptionLimits)
  if (options.limitPeriod) key.limitPeriod = options.limitPeriod
  if (options.modelPrivacy) key.modelPrivacy = options.modelPrivacy
  return json(200, { success: true, data: keyObject(state.store, key, now) })
}

function revoke({ state, account, query, now }: KeyContext): ApiResponse {
  const key = state.store.activeKey(account.id, query.get('id') ?? '', now)
  if (!key) return apiError(400, 'API key could not be found')
  state.store.deleteKey(key)
  return json(200, { success: true })
}
