/**
 * Sandbox build only (`VITE_SANDBOX=true`): two clearly labelled wallets that sign in the page
 * with well-known local test keys and read from the sandbox chain. Announced through EIP-6963,
 * so RainbowKit lists them exactly as it lists a real browser wallet.
 */
import { createWalletClient, defineChain, hexToBigInt, http, isAddressEqual, numberToHex, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'

// Anvil's default development accounts: public test keys, worthless outside a local chain.
const SANDBOX_ACCOUNTS = [
  { name: 'Sandbox wallet: sVVV holder', key: '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' },
  { name: 'Sandbox wallet: no sVVV', key: '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d' },
] as const

const BASE_CHAIN_ID = 8453
const ICON =
  'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"%3E%3Crect width="32" height="32" rx="7" fill="%23f59e0b"/%3E%3Ctext x="16" y="22" font-size="16" text-anchor="middle" font-family="sans-serif"%3ES%3C/text%3E%3C/svg%3E'

type Listener = (...args: unknown[]) => void
interface RpcRequest {
  method: string
  params?: unknown[]
}
type TransactionRequest = Partial<Record<'from' | 'to' | 'data' | 'value' | 'gas', Hex>>

function createSandboxProvider(privateKey: Hex, rpcUrl: string, permissionKey: string) {
  const account = privateKeyToAccount(privateKey)
  // Like a real wallet: no accounts until the user has connected once; remembered across reloads.
  const permitted = () => localStorage.getItem(permissionKey) === 'yes'
  const permit = () => {
    localStorage.setItem(permissionKey, 'yes')
    return [account.address]
  }
  const listeners = new Map<string, Set<Listener>>()
  let rpcId = 0
  const chain = defineChain({
    id: BASE_CHAIN_ID,
    name: 'Base (sandbox)',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  })
  const signer = createWalletClient({ account, chain, transport: http(rpcUrl) })

  /** Signed here and sent raw: the sandbox chain's own accounts never sign for the page. */
  function sendTransaction({ from, to, data, value, gas }: TransactionRequest) {
    if (!permitted() || !from || !isAddressEqual(from, account.address)) {
      throw Object.assign(new Error('The sandbox wallet sends only from its own, connected account.'), { code: 4100 })
    }
    return signer.sendTransaction({
      to,
      data,
      value: value === undefined ? undefined : hexToBigInt(value),
      gas: gas === undefined ? undefined : hexToBigInt(gas),
    })
  }

  async function forward({ method, params = [] }: RpcRequest) {
    const response = await fetch(rpcUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++rpcId, method, params }),
    })
    const payload = (await response.json()) as { result?: unknown; error?: { code: number; message: string } }
    if (payload.error) throw Object.assign(new Error(payload.error.message), { code: payload.error.code })
    return payload.result
  }

  return {
    isSandbox: true,
    async request(request: RpcRequest): Promise<unknown> {
      const params = request.params ?? []
      switch (request.method) {
        case 'eth_accounts':
          return permitted() ? [account.address] : []
        case 'eth_requestAccounts':
          return permit()
        case 'eth_chainId':
          return numberToHex(BASE_CHAIN_ID)
        case 'wallet_requestPermissions':
          permit()
          return [{ parentCapability: 'eth_accounts' }]
        case 'wallet_revokePermissions':
          localStorage.removeItem(permissionKey)
          return null
        case 'wallet_switchEthereumChain': {
          const [{ chainId }] = params as [{ chainId: Hex }]
          if (Number(chainId) !== BASE_CHAIN_ID)
            throw Object.assign(new Error('The sandbox wallet only knows Base (8453).'), { code: 4902 })
          return null
        }
        case 'personal_sign':
          return account.signMessage({ message: { raw: params[0] as Hex } })
        case 'eth_sendTransaction':
          return sendTransaction(params[0] ?? {})
        case 'eth_signTypedData_v4':
          throw Object.assign(new Error('The sandbox wallet signs messages and sends transactions only.'), { code: 4200 })
        default:
          return forward(request)
      }
    },
    on(event: string, listener: Listener) {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
    },
    removeListener(event: string, listener: Listener) {
      listeners.get(event)?.delete(listener)
    },
  }
}

export function announceSandboxWallets(rpcUrl: string) {
  const wallets = SANDBOX_ACCOUNTS.map(({ name, key }, index) => ({
    info: { uuid: `00000000-0000-4000-8000-00000000000${index}`, name, icon: ICON, rdns: `dev.sandbox.wallet${index}` },
    provider: createSandboxProvider(key, rpcUrl, `sandbox-wallet-${index}.permitted`),
  }))
  const announce = () => {
    for (const detail of wallets)
      window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze(detail) }))
  }
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
}
