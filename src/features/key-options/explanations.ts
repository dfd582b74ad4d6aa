import type { LimitPeriod, ModelPrivacy } from '../../venice/schemas'
import type { KeyType } from '../../venice/secret'

export const KEY_TYPE_TEXT: Record<KeyType, string> = {
  INFERENCE: 'Inference: calls models and reads its own rate limits and balance. Right for apps and agents.',
  ADMIN:
    'Admin: everything an inference key can, plus it can list, create, change and revoke every key on the account and read billing.',
}

export const ADMIN_WARNING =
  'An ADMIN key can create, change and revoke every key on this Venice account and read its billing. Anyone who gets it controls the account: keep it out of apps, agents and repositories.'

/** Short names, for choices and tables. */
export const LIMIT_PERIOD_NAMES: Record<LimitPeriod, string> = { EPOCH: 'Daily', MONTH: 'Monthly', LIFETIME: 'Never' }
export const MODEL_PRIVACY_NAMES: Record<ModelPrivacy, string> = {
  ALL: 'All models',
  PRIVATE_TEXT: 'Private text models',
  PRIVATE_ONLY: 'Private models only',
}

export const LIMIT_PERIOD_TEXT: Record<LimitPeriod, string> = {
  EPOCH: 'Every day: the limits reset at 00:00 UTC.',
  MONTH: 'Every month: the limits reset at 00:00 UTC on the 1st.',
  LIFETIME: 'Never: the limits are a total for the life of the key.',
}

export const MODEL_PRIVACY_TEXT: Record<ModelPrivacy, string> = {
  ALL: 'All models, including ones run by third-party providers.',
  PRIVATE_TEXT: 'Text models only where Venice runs them privately (no data kept); other media models still allowed.',
  PRIVATE_ONLY: 'Only models Venice runs privately: no third-party providers at all.',
}
