import type { Address, Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

export interface TestAccount {
  address: Address
  privateKey: Hex
}

function account(privateKey: Hex): TestAccount {
  return { address: privateKeyToAccount(privateKey).address, privateKey }
}

/** Anvil's default accounts 0–3 (mnemonic "test test … junk"), each funded with 10,000 ETH. Use these as wallets in tests. */
export const TEST_ACCOUNTS = [
  account('0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'),
  account('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'),
  account('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a'),
  account('0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6'),
] as const

/** Anvil's default account 9: sends the chain helpers' transactions, so the wallets' nonces stay untouched. */
export const OPERATOR_ACCOUNT = account('0x2a871d0798f97d79848a013d4936a73bf4cc922c825d33c1cf7073dff6d409c6')
