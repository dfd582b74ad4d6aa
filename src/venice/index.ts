export { createVeniceClient, type VeniceClient } from './client'
export { VeniceError, isVeniceError, type VeniceErrorKind } from './errors'
export { shouldRetryQuery, queryRetryDelay, withRetry, isRetryable } from './retry'
export { Secret, redactSecrets, type KeyType } from './secret'
export * from './schemas'
export { getWeb3Token, mintWeb3Key } from './web3Key'
export { getRateLimits } from './rateLimits'
export {
  listApiKeys,
  getApiKey,
  createApiKey,
  updateApiKey,
  deleteApiKey,
  getRateLimitLog,
  isAdminKeyRequired,
  isAuthenticationFailed,
  isActiveKeyLimit,
} from './apiKeys'
export { getBillingBalance, getUsageAnalytics } from './billing'
