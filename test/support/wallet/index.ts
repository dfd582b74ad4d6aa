export type { RpcError, WalletRequest } from './backend'
export { installTestWallet, type TestWalletController, type TestWalletOptions } from './installTestWallet'
