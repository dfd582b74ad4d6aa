export { KeyOptionsForm } from './KeyOptionsForm'
export { MODEL_PRIVACY_NAMES } from './explanations'
export {
  DEFAULT_DRAFT,
  parseLimit,
  validateDescription,
  validateExpiryDate,
  validateKeyOptions,
  type FieldErrors,
  type KeyOptionsDraft,
} from './keyOptions'
