import { json, type ApiResponse } from './http'

export type IssuePath = (string | number)[]

export interface Issue {
  code: 'invalid_type' | 'invalid_string' | 'invalid_enum_value' | 'too_big' | 'unrecognized_keys' | 'custom'
  path: IssuePath
  message: string
}

export type Issues = Issue[]

export type JsonObject = Record<string, unknown>

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function fieldName(path: IssuePath): string {
  return path.join('.')
}

/** Accepts a plain object with no keys outside `allowed` (the API's bodies are strict). */
export function strictObject(value: unknown, allowed: readonly string[], issues: Issues, path: IssuePath = []) {
  if (!isObject(value)) {
    const message = path.length ? `${fieldName(path)} must be an object` : 'Request body must be a JSON object'
    issues.push({ code: 'invalid_type', path, message })
    return undefined
  }
  const unknown = Object.keys(value).filter((key) => !allowed.includes(key))
  if (unknown.length) {
    const keys = unknown.map((key) => `'${key}'`).join(', ')
    issues.push({ code: 'unrecognized_keys', path, message: `Unrecognized key(s) in object: ${keys}` })
  }
  return value
}

/** Reads a string field; undefined when absent (an issue when required) or not a string. */
export function stringField(body: JsonObject, key: string, issues: Issues, required: boolean): string | undefined {
  const value = body[key]
  if (value === undefined) {
    if (required) issues.push({ code: 'invalid_type', path: [key], message: `${key} is required` })
    return undefined
  }
  if (typeof value !== 'string') {
    issues.push({ code: 'invalid_type', path: [key], message: `${key} must be a string` })
    return undefined
  }
  return value
}

export function enumField<T extends string>(
  body: JsonObject,
  key: string,
  values: readonly T[],
  issues: Issues,
  required: boolean,
): T | undefined {
  const value = body[key]
  if (value === undefined && !required) return undefined
  if (typeof value === 'string' && (values as readonly string[]).includes(value)) return value as T
  issues.push({
    code: value === undefined ? 'invalid_type' : 'invalid_enum_value',
    path: [key],
    message: value === undefined ? `${key} is required` : `${key} must be one of ${values.join(', ')}`,
  })
  return undefined
}

/** 400 with the first message(s) as `error`, a zod-style `details` tree and the flat `issues` list. */
export function schemaError(issues: Issues): ApiResponse {
  return json(400, {
    error: issues.map((issue) => issue.message).join('; '),
    details: detailsTree(issues),
    issues,
  })
}

interface DetailsNode {
  _errors: string[]
  [key: string]: DetailsNode | string[]
}

function detailsTree(issues: Issues): DetailsNode {
  const root: DetailsNode = { _errors: [] }
  for (const issue of issues) {
    let node = root
    for (const segment of issue.path) {
      const key = String(segment)
      const child = node[key]
      node = child && !Array.isArray(child) ? child : (node[key] = { _errors: [] })
    }
    node._errors.push(issue.message)
  }
  return root
}
