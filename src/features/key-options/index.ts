export { KeyOptionsForm } from './KeyOptionsForm'
export { ADMIN_WARNING, MODEL_PRIVACY_NAMES } from './explanations'
export {
  DEFAULT_DRAFT,
  parseLimit,
  validateDescription,
  validateExpiryDate,
  validateKeyOptions,
  type FieldErrors,
  type KeyOptionsDraft,
} from './keyOptions'
