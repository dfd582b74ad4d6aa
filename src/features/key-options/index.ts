export { KeyOptionsForm } from './KeyOptionsForm'
export { DEFAULT_DRAFT, validateKeyOptions, type KeyOptionsDraft, type FieldErrors } from './keyOptions'
